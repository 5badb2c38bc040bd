import { auditDocument } from '../../audit/audit-document.js';
import { loadTarget } from '../../audit/load-target.js';
import { AuditError } from '../../errors.js';
import { isUrl, redactUrl } from '../../fetch/index.js';
import type { FetchOptions } from '../../fetch/types.js';
import { userAgent } from '../../fetch/user-agent.js';
import { renderReport } from '../../format/render.js';
import type { SchoolType, Severity } from '../../rules/schema.js';
import type { Ruleset } from '../../rules/types.js';
import { VERSION } from '../../version.js';
import { EXIT_GAPS, EXIT_OK } from '../exit-codes.js';
import { countGapsAtOrAbove } from '../gaps.js';
import type { CliIO } from '../io.js';
import type { Format } from '../options.js';

export interface AuditCommandOptions {
  format: Format;
  schoolType: SchoolType;
  asOf: string;
  failOn: Severity;
  timeout: number; // seconds
  maxBytes: number;
  /** Check that the documents rules link to answer (the link-check pre-pass); default off. */
  checkLinks?: boolean;
  /** The target is a home or SEND page: look for the report on the site first. */
  discover?: boolean;
  maxPages?: number;
  maxDepth?: number;
  /** Titles the Markdown and HTML reports (--school-name). */
  schoolName?: string;
  /** --output: write the report to this file (whole, or not at all) instead of stdout. */
  output?: string;
}

/** `senaudit audit <target>`: target -> fetch -> extract -> rules -> formatter. */
export async function auditCommand(target: string, ruleset: Ruleset, opts: AuditCommandOptions, io: CliIO): Promise<number> {
  if (opts.format === 'docx' && !opts.output) {
    throw new AuditError('usage', '--format docx writes a Word document: add --output <file>, e.g. --output gap-report.docx.');
  }
  const fetchOptions = { timeoutMs: opts.timeout * 1000, maxBytes: opts.maxBytes, userAgent: userAgent(VERSION) };
  const { doc, finalUrl, discovery } = opts.discover
    ? await discoverTarget(target, fetchOptions, opts, io)
    : { ...(await loadTarget(target, fetchOptions, { fetcher: io.fetcher, readFile: io.readFile })), discovery: undefined };
  // Credentials in a URL are used for the fetch but never written out.
  const shownTarget = isUrl(target) ? redactUrl(target) : target;
  if (!doc.textLayer) {
    throw new AuditError(
      'unreadable',
      `${finalUrl ?? shownTarget} has no text layer (it is scanned images), so it is not machine-readable: screen-reader users cannot read it either. Ask the school to publish the report as text (an accessible PDF or a web page).`,
    );
  }
  let linkLive: Map<string, boolean> | undefined;
  if (opts.checkLinks) {
    const { checkRuleLinks } = await import('../../audit/link-check.js');
    const { fetcherProbe } = await import('../../fetch/probe.js');
    linkLive = await checkRuleLinks(ruleset, doc, {
      probe: io.probeLink ?? fetcherProbe(io.fetcher),
      userAgent: userAgent(VERSION),
      timeoutMs: Math.min(opts.timeout, 10) * 1000,
    });
  }
  const report = auditDocument(doc, ruleset, {
    target: shownTarget,
    finalUrl,
    asOf: opts.asOf,
    schoolType: opts.schoolType,
    toolVersion: VERSION,
    ...(linkLive ? { linkLive } : {}),
  });
  if (discovery) report.discovery = discovery;
  if (opts.schoolName?.trim()) report.schoolName = opts.schoolName.trim();
  const color = !opts.output && io.stdoutIsTTY && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb';
  const rendered = opts.format === 'docx' ? await (await import('../../format/docx.js')).formatDocx(report) : renderReport(report, opts.format, { color, failOn: opts.failOn });
  if (opts.output) {
    await io.writeFileAtomic(opts.output, rendered);
    io.stderr(`senaudit: wrote ${opts.output}\n`);
  } else {
    io.stdout(rendered as string);
  }
  return countGapsAtOrAbove(report.results, opts.failOn) > 0 ? EXIT_GAPS : EXIT_OK;
}

/** --discover: the report found from a home page, with the way to it (robots.txt obeyed). */
async function discoverTarget(target: string, fetchOptions: FetchOptions, opts: AuditCommandOptions, io: CliIO) {
  if (!isUrl(target)) throw new AuditError('usage', '--discover needs a web address (http or https) to search from, not a file.');
  const { findReport } = await import('../../discover/index.js');
  const { politeFetcher } = await import('../../fetch/polite.js');
  const fetcher = politeFetcher(io.fetcher, {
    concurrency: 2,
    perHost: 2,
    maxRetries: 3,
    robots: true,
    userAgent: fetchOptions.userAgent,
    onNote: (note) => io.stderr(`senaudit: note: ${note}\n`),
  });
  const found = await findReport(target, fetcher, { maxPages: opts.maxPages ?? 30, maxDepth: opts.maxDepth ?? 3, fetchOptions });
  if (!found.found) throw new AuditError('not-found', found.message);
  return { doc: found.doc, finalUrl: found.reportUrl, discovery: { clickPath: found.clickPath, pagesSearched: found.pagesSearched } };
}

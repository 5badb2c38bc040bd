import { auditDocument } from '../../audit/audit-document.js';
import { loadTarget } from '../../audit/load-target.js';
import { noTextMessage } from '../../audit/no-text.js';
import { hasScheme, normaliseSchoolUrl } from '../../batch/input/url.js';
import { AuditError, isAuditError } from '../../errors.js';
import { isUrl, redactUrl } from '../../fetch/index.js';
import type { FetchOptions } from '../../fetch/types.js';
import { userAgent } from '../../fetch/user-agent.js';
import type { AuditReport } from '../../audit/report.js';
import type { SenDocument } from '../../document/types.js';
import { CONFIDENT_SCORE, scoreLink } from '../../discover/score.js';
import { shown } from '../../format/common.js';
import { formatJson } from '../../format/json.js';
import { renderReport, type ReportFormat } from '../../format/render.js';
import type { SchoolType, Severity } from '../../rules/schema.js';
import type { Ruleset } from '../../rules/types.js';
import { VERSION } from '../../version.js';
import { EXIT_CANNOT_AUDIT, EXIT_GAPS, EXIT_OK } from '../exit-codes.js';
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

/**
 * `senaudit audit <target...>`: each target -> fetch -> extract -> rules -> formatter. Several
 * targets give one report each, in the order given; one that cannot be audited is said on stderr
 * and the others go on. The exit code is the worst of them (2 over 1 over 0).
 */
export async function auditCommand(targets: string[], ruleset: Ruleset, opts: AuditCommandOptions, io: CliIO): Promise<number> {
  if (opts.format === 'docx' && !opts.output) {
    throw new AuditError('usage', '--format docx writes a Word document: add --output <file>, e.g. --output gap-report.docx.');
  }
  if (targets.length === 1) return auditOne(targets[0]!, ruleset, opts, io);
  if (opts.output) throw new AuditError('usage', `--output writes one report: give one target, or leave --output out to print the ${targets.length} reports.`);
  if (opts.format === 'html' || opts.format === 'docx') {
    throw new AuditError('usage', `--format ${opts.format} makes one document per report: give one target, or use "senaudit batch" with --format html for many schools.`);
  }
  const reports: AuditReport[] = [];
  const failed: { target: string; message: string }[] = [];
  for (const target of targets) {
    try {
      reports.push(await auditReport(target, ruleset, opts, io));
    } catch (e) {
      if (!(e instanceof AuditError)) throw e;
      io.stderr(`senaudit: ${e.message}\n`);
      failed.push({ target: isUrl(target) ? redactUrl(target) : target, message: e.message });
    }
  }
  io.stdout(await renderMany(reports, failed, opts, io));
  if (failed.length) return EXIT_CANNOT_AUDIT;
  return reports.some((r) => countGapsAtOrAbove(r.results, opts.failOn) > 0) ? EXIT_GAPS : EXIT_OK;
}

/**
 * A web page that is not the report but leads to it (a home page, a page of links), audited
 * without --discover: say so, and how to find the report, naming the link that looks most like it.
 */
function discoverHint(target: string, report: AuditReport, doc: SenDocument, opts: AuditCommandOptions): string | null {
  const kind = report.document.kind;
  if (opts.discover || !isUrl(target) || doc.format !== 'html' || (kind !== 'link_page' && kind !== 'other')) return null;
  let best: { text: string; url: string; score: number } | null = null;
  for (const link of doc.links) {
    let url: URL;
    try {
      url = new URL(link.url);
    } catch {
      continue;
    }
    const score = scoreLink(link.text, url) ?? 0;
    if (score >= CONFIDENT_SCORE && (!best || score > best.score)) best = { text: link.text.trim() || link.url, url: link.url, score };
  }
  const named = best ? ` The link "${shown(best.text)}" (${shown(best.url)}) looks like the report.` : '';
  return `${shown(redactUrl(target))} looks like a page that leads to the report rather than the report itself.${named} To find the report on the site, run: senaudit audit --discover ${shown(redactUrl(target))}`;
}

/** Several reports in one output: JSON as an array, JUnit as one document of suites, the rest one after another. */
async function renderMany(reports: AuditReport[], failed: { target: string; message: string }[], opts: AuditCommandOptions, io: CliIO): Promise<string> {
  if (opts.format === 'json') return `[${reports.map((r) => formatJson(r).trimEnd()).join(',\n')}]\n`;
  if (opts.format === 'junit') return (await import('../../format/junit.js')).formatJunitMany(reports, failed, { failOn: opts.failOn });
  return reports.map((r) => renderReport(r, opts.format as ReportFormat, { color: colour(io), failOn: opts.failOn })).join('\n');
}

async function auditOne(target: string, ruleset: Ruleset, opts: AuditCommandOptions, io: CliIO): Promise<number> {
  const report = await auditReport(target, ruleset, opts, io);
  const color = !opts.output && colour(io);
  const rendered = opts.format === 'docx' ? await (await import('../../format/docx.js')).formatDocx(report) : renderReport(report, opts.format, { color, failOn: opts.failOn });
  if (opts.output) {
    await io.writeFileAtomic(opts.output, rendered);
    io.stderr(`senaudit: wrote ${opts.output}\n`);
  } else {
    io.stdout(rendered as string);
  }
  return countGapsAtOrAbove(report.results, opts.failOn) > 0 ? EXIT_GAPS : EXIT_OK;
}

/** Colour only on a terminal, and never with NO_COLOR or TERM=dumb. */
function colour(io: CliIO): boolean {
  return io.stdoutIsTTY && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb';
}

/** One target's report: fetch or read, extract, audit. Throws an AuditError when it cannot be audited. */
export async function auditReport(target: string, ruleset: Ruleset, opts: AuditCommandOptions, io: CliIO): Promise<AuditReport> {
  const fetchOptions = { timeoutMs: opts.timeout * 1000, maxBytes: opts.maxBytes, userAgent: userAgent(VERSION) };
  const { doc, finalUrl, discovery } = opts.discover
    ? await discoverTarget(target, fetchOptions, opts, io)
    : { ...(await loadTarget(target, fetchOptions, { fetcher: io.fetcher, readFile: io.readFile })), discovery: undefined };
  // Credentials in a URL are used for the fetch but never written out.
  const shownTarget = isUrl(target) ? redactUrl(target) : target;
  if (!doc.textLayer) {
    throw new AuditError('unreadable', noTextMessage(finalUrl ?? shownTarget, doc));
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
  const hint = discoverHint(target, report, doc, opts);
  if (hint) io.stderr(`senaudit: note: ${hint}\n`);
  return report;
}

/**
 * --discover: the report found from a home page, with the way to it (robots.txt obeyed). The
 * address may be typed as a school's website usually is ("www.x.sch.uk"): https:// then http://,
 * with and without www., as a batch tries them (src/discover/start.ts).
 */
async function discoverTarget(target: string, fetchOptions: FetchOptions, opts: AuditCommandOptions, io: CliIO) {
  // A path ("./report.pdf", "/home/...", a file that is there) is not a website to search. Whether
  // it is there is asked without reading it (no byte of it is allowed); only "no such file" says no.
  const isFile = () => io.readFile(target, { maxBytes: 0 }).then(() => true, (e: unknown) => !(isAuditError(e) && e.code === 'not-found'));
  const looksLikePath = !hasScheme(target) && (/^[./~\\]/.test(target) || (await isFile()));
  const start = looksLikePath ? null : normaliseSchoolUrl(target);
  if (!start) throw new AuditError('usage', `--discover searches a website from its address (such as www.example-school.sch.uk or https://...); ${target} is a file: leave out --discover to audit it.`);
  const { findReport } = await import('../../discover/index.js');
  const { openStart, remembering, startAddresses } = await import('../../discover/start.js');
  const { politeFetcher } = await import('../../fetch/polite.js');
  const fetcher = politeFetcher(io.fetcher, {
    concurrency: 2,
    perHost: 2,
    maxRetries: 3,
    robots: true,
    userAgent: fetchOptions.userAgent,
    onNote: (note) => io.stderr(`senaudit: note: ${note}\n`),
  });
  const addresses = startAddresses(start, !hasScheme(target));
  const answered = remembering(fetcher, addresses);
  const opened = await openStart(addresses, answered, fetchOptions);
  const found = await findReport(opened.url, answered, { maxPages: opts.maxPages ?? 30, maxDepth: opts.maxDepth ?? 3, fetchOptions });
  if (!found.found) throw new AuditError('not-found', found.message);
  return { doc: found.doc, finalUrl: found.reportUrl, discovery: { clickPath: found.clickPath, pagesSearched: found.pagesSearched } };
}

import { auditDocument } from '../../audit/audit-document.js';
import { loadTarget } from '../../audit/load-target.js';
import { AuditError } from '../../errors.js';
import { isUrl, redactUrl } from '../../fetch/index.js';
import { userAgent } from '../../fetch/user-agent.js';
import { formatJson } from '../../format/json.js';
import { formatText } from '../../format/text.js';
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
}

/** `senaudit audit <target>`: target -> fetch -> extract -> rules -> formatter. */
export async function auditCommand(target: string, ruleset: Ruleset, opts: AuditCommandOptions, io: CliIO): Promise<number> {
  const { doc, finalUrl } = await loadTarget(
    target,
    { timeoutMs: opts.timeout * 1000, maxBytes: opts.maxBytes, userAgent: userAgent(VERSION) },
    { fetcher: io.fetcher, readFile: io.readFile },
  );
  // Credentials in a URL are used for the fetch but never written out.
  const shownTarget = isUrl(target) ? redactUrl(target) : target;
  if (!doc.textLayer) {
    throw new AuditError(
      'unreadable',
      `${finalUrl ?? shownTarget} has no text layer (it is scanned images), so it is not machine-readable: screen-reader users cannot read it either. Ask the school to publish the report as text (an accessible PDF or a web page).`,
    );
  }
  const report = auditDocument(doc, ruleset, {
    target: shownTarget,
    finalUrl,
    asOf: opts.asOf,
    schoolType: opts.schoolType,
    toolVersion: VERSION,
  });
  const color = io.stdoutIsTTY && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb';
  io.stdout(opts.format === 'json' ? formatJson(report) : formatText(report, { color }));
  return countGapsAtOrAbove(report.results, opts.failOn) > 0 ? EXIT_GAPS : EXIT_OK;
}

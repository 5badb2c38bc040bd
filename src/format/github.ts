import type { AuditReport } from '../audit/report.js';
import type { ResultLine } from '../batch/types.js';
import { batchSchoolName, batchWhyNot } from './batch-common.js';
import type { Finding, Severity } from '../rules/types.js';
import { clean, evidenceWhere, isGap, STATUS_LABEL, summaryLine } from './common.js';
import { kindNotice } from './kind-notice.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per gap (an error-severity
 * gap is an `::error`, a warning a `::warning`, info a `::notice`), a warning first when the
 * document does not look like a report, and a plain summary line last.
 */
export function formatGithub(report: AuditReport, school?: string): string {
  const out: string[] = [];
  const where = report.finalUrl ?? report.target;
  const who = school ? `${school}: ` : '';
  // A local file path lets GitHub attach the annotations to that file; a URL cannot.
  const file = /^[a-z][a-z0-9+.-]*:\/\//i.test(report.target) ? null : report.target;
  const notice = kindNotice(report.document.kind, report.document.kindReason);
  if (notice) out.push(command('warning', { title: `senaudit: ${who}not a SEN information report`, file }, notice));
  for (const f of report.results) {
    if (!isGap(f)) continue;
    out.push(command(LEVEL[f.severity], { title: `senaudit ${who}${f.id}: ${STATUS_LABEL[f.status].toLowerCase()}`, file }, message(f, where)));
  }
  out.push(`senaudit: ${clean(who)}${clean(where)}: ${summaryLine(report.summary)}.`);
  return `${out.join('\n')}\n`;
}

/**
 * `batch --format github` (and `merge`): one school's annotations, as `formatGithub` gives them
 * for an audited school, titled with the school's name; a school that could not be audited or
 * whose report was not found is one `::error`, a skipped school one `::notice`.
 */
export function formatGithubSchool(line: ResultLine): string {
  const school = `${batchSchoolName(line)}${line.school.urn ? ` (URN ${line.school.urn})` : ''}`;
  if (line.status === 'audited') {
    const report = { ...line.report, target: line.reportUrl ?? line.report.target };
    return formatGithub(report, school);
  }
  const why = batchWhyNot(line) ?? '';
  if (line.status === 'skipped') return `${command('notice', { title: `senaudit: ${school} skipped` }, why)}\n`;
  const what = line.status === 'not_found' ? 'report not found' : 'could not be audited';
  return `${command('error', { title: `senaudit: ${school}: ${what}` }, why)}\n`;
}

function message(f: Finding, where: string): string {
  const lines = [`${STATUS_LABEL[f.status]}: ${f.title} (${f.source}) in ${where}`];
  for (const e of f.evidence) {
    const w = evidenceWhere(e);
    lines.push(`Found only: "${clean(e.quote)}"${w ? ` (${w})` : ''}`);
  }
  lines.push(`Why it matters: ${f.why}`, `What to add: ${f.advice}`);
  for (const n of f.notes ?? []) lines.push(`Note: ${n}`);
  if (f.docs) lines.push(`Rule: ${f.docs}`);
  return lines.map(clean).join('\n');
}

function command(level: string, props: Record<string, string | null>, msg: string): string {
  const p = Object.entries(props)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}=${escapeProperty(clean(v))}`)
    .join(',');
  return `::${level}${p ? ` ${p}` : ''}::${escapeData(msg)}`;
}

/** GitHub's rules (@actions/core): in the message, "%", CR and LF are percent-encoded. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property value, also ":" and ",". */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

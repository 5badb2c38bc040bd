import type { AuditReport } from '../audit/report.js';
import type { Finding, Severity } from '../rules/types.js';
import { clean, evidenceWhere, isGap, STATUS_LABEL, summaryLine } from './common.js';
import { kindNotice } from './kind-notice.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per gap (an error-severity
 * gap is an `::error`, a warning a `::warning`, info a `::notice`), a warning first when the
 * document does not look like a report, and a plain summary line last.
 */
export function formatGithub(report: AuditReport): string {
  const out: string[] = [];
  const where = report.finalUrl ?? report.target;
  // A local file path lets GitHub attach the annotations to that file; a URL cannot.
  const file = /^[a-z][a-z0-9+.-]*:\/\//i.test(report.target) ? null : report.target;
  const notice = kindNotice(report.document.kind, report.document.kindReason);
  if (notice) out.push(command('warning', { title: 'senaudit: not a SEN information report', file }, notice));
  for (const f of report.results) {
    if (!isGap(f)) continue;
    out.push(command(LEVEL[f.severity], { title: `senaudit ${f.id}: ${STATUS_LABEL[f.status].toLowerCase()}`, file }, message(f, where)));
  }
  out.push(`senaudit: ${clean(where)}: ${summaryLine(report.summary)}.`);
  return `${out.join('\n')}\n`;
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

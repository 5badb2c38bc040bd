import { Chalk, type ChalkInstance } from 'chalk';
import type { AuditReport } from '../audit/report.js';
import type { Finding, Status } from '../rules/types.js';
import { shown } from './common.js';
import { kindNotice } from './kind-notice.js';

export interface TextOptions {
  /** Colour only on a terminal, and never when NO_COLOR is set (decided by the caller). */
  color: boolean;
}

const GROUPS: { status: Status; heading: string; mark: string }[] = [
  { status: 'missing', heading: 'Missing', mark: '\u2717' },
  { status: 'partial', heading: 'Partly there', mark: '~' },
  { status: 'met', heading: 'Met', mark: '\u2713' },
  { status: 'not_applicable', heading: 'Not applicable', mark: '-' },
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The human report: grouped by status, one line per rule with its citation, evidence under it.
 * Every value from the document, the target or the rules passes `shown`, so nothing in them is
 * run by the terminal (an escape sequence, a clipboard write) or read as a workflow command.
 */
export function formatText(report: AuditReport, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const d = report.document;
  out.push(c.bold(`SEN information report audit: ${shown(report.finalUrl ?? report.target)}`));
  if (report.discovery) {
    const n = report.discovery.pagesSearched.length;
    out.push(`Found from ${shown(report.target)} (${n} page${n === 1 ? '' : 's'} searched): ${report.discovery.clickPath.map(shown).join(' -> ')}`);
  }
  const notice = kindNotice(d.kind, d.kindReason);
  if (notice) out.push(c.yellow(`! ${shown(notice)}`));
  const date = d.date ? `${d.date}${d.dateSource && d.dateSource !== 'text' ? ` (from ${d.dateSource.replace(/-/g, ' ')})` : ''}` : 'none found';
  out.push(
    `Document: ${d.format.toUpperCase()}${d.pages ? `, ${d.pages} pages` : ''}, ${d.words} words; report date: ${date}; ` +
      `reading ease: ${d.readingEase ?? 'n/a'}`,
  );
  out.push(`Judged as: ${report.schoolType.replace(/_/g, ' ')} school, as of ${report.asOf}; rules ${report.ruleset.id} ${report.ruleset.version}`);
  for (const w of d.warnings) out.push(c.yellow(`! ${shown(w)}`));
  for (const group of GROUPS) {
    const items = report.results
      .filter((r) => r.status === group.status)
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    if (!items.length) continue;
    out.push('', c.bold(`${group.heading} (${items.length})`));
    for (const f of items) out.push(...formatFinding(f, group.mark, c));
  }
  const s = report.summary;
  out.push('', c.bold(`Summary: ${s.met} met, ${s.partial} partly there, ${s.missing} missing, ${s.notApplicable} not applicable.`));
  out.push(c.dim('error: the law says the report must include it; warning: statutory guidance says it should.'));
  return `${out.join('\n')}\n`;
}

function formatFinding(f: Finding, mark: string, c: ChalkInstance): string[] {
  const colour = f.status === 'met' ? c.green : f.status === 'not_applicable' ? c.dim : f.severity === 'error' ? c.red : c.yellow;
  const sev = f.status === 'met' || f.status === 'not_applicable' ? '' : ` ${f.severity}`;
  const lines = [`${colour(`${mark}${sev}`)} ${c.bold(f.id)}: ${shown(f.title)} ${c.dim(`[${shown(f.source)}]`)}`];
  for (const e of f.evidence) {
    const where = [e.page !== null ? `page ${e.page}` : null, e.heading ? `under "${shown(e.heading)}"` : null].filter(Boolean).join(', ');
    lines.push(`    "${shown(e.quote)}"${where ? c.dim(` (${where})`) : ''}`);
  }
  if (f.status === 'missing' || f.status === 'partial') {
    if (f.searched.length) lines.push(c.dim(`    Looked for: ${f.searched.map(shown).join('; ')}`));
    lines.push(`    Why: ${shown(f.why)}`);
    lines.push(`    What to add: ${shown(f.advice)}`);
  }
  if (f.status === 'not_applicable' && f.reason) lines.push(c.dim(`    ${shown(f.reason)}`));
  for (const note of f.notes ?? []) lines.push(c.dim(`    Note: ${shown(note)}`));
  return lines;
}

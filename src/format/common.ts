import type { AuditReport } from '../audit/report.js';
import type { Evidence, Finding, Severity, Status } from '../rules/types.js';

// Small helpers shared by the document formats (markdown, html, junit, github). They only read
// findings; each format does its own escaping.

export const STATUS_ORDER: readonly Status[] = ['missing', 'partial', 'met', 'not_applicable'];

export const STATUS_LABEL: Record<Status, string> = {
  missing: 'Missing',
  partial: 'Partly there',
  met: 'Met',
  not_applicable: 'Not applicable',
};

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A gap is a rule that applies and is not fully met. */
export function isGap(f: Finding): boolean {
  return f.status === 'missing' || f.status === 'partial';
}

/** A gap that fails the run at `failOn` (the same test as the exit code). */
export function failsAt(f: Finding, failOn: Severity): boolean {
  return isGap(f) && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn];
}

/** Findings by status (missing, partial, met, not applicable), errors before warnings within each; empty groups left out. */
export function groupByStatus(results: readonly Finding[]): { status: Status; items: Finding[] }[] {
  return STATUS_ORDER.map((status) => ({
    status,
    // Array.prototype.sort is stable, so rule order is kept within a severity.
    items: results.filter((r) => r.status === status).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]),
  })).filter((g) => g.items.length > 0);
}

/** "page 2, under "How we help"", or "" when the evidence has neither. */
export function evidenceWhere(e: Evidence): string {
  return [e.page !== null ? `page ${e.page}` : null, e.heading ? `under \u201c${clean(e.heading)}\u201d` : null].filter(Boolean).join(', ');
}

/** "2026-09", "2025-09 (from PDF metadata)" or "none found". */
export function reportDate(d: AuditReport['document']): string {
  if (!d.date) return 'none found';
  const from = { text: null, 'pdf-metadata': 'PDF metadata' };
  const source = d.dateSource ? from[d.dateSource] : null;
  return source ? `${d.date} (from ${source})` : d.date;
}

/** "3 missing, 2 partly there, 3 met, 2 not applicable". */
export function summaryLine(s: AuditReport['summary']): string {
  return `${s.missing} missing, ${s.partial} partly there, ${s.met} met, ${s.notApplicable} not applicable`;
}

export function schoolTypeName(t: string): string {
  return t.replace(/_/g, ' ');
}

/**
 * Text from a document or an input file made safe to print anywhere: control characters
 * (including escape sequences and characters XML 1.0 forbids) removed, runs of white space
 * (including line breaks) made one space.
 */
export function clean(s: string): string {
  return s
    // OSC (a window title, a clipboard write: ESC ] ... BEL or ESC \) with its payload, then CSI.
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The one cleaning step for words from a document or an input list in every text-like output a
 * terminal or a CI log shows (text, diff, warnings on stderr, progress): `clean` (no ESC, OSC or
 * other control sequence, no CR or LF, so a value stays on its line), and a value that would start
 * a line with "::" cannot be read as a GitHub workflow command.
 */
export function shown(value: string): string {
  const s = clean(value);
  return s.startsWith('::') ? `: ${s.slice(1)}` : s;
}

/** Only http(s) addresses become links (never javascript: or data: from a hostile input). */
export function isWebUrl(s: string | null | undefined): s is string {
  return typeof s === 'string' && /^https?:\/\/[^\s]+$/i.test(s);
}

/**
 * What a Markdown or HTML report is titled by, since it ends up in board papers: the school's
 * name (`--school-name`, or the batch input's), else the document's own title, else its web
 * address, else the file's name without the folders of the machine it was audited on.
 */
export function reportHeading(report: AuditReport): string {
  const named = report.schoolName?.trim() || report.document.title?.trim();
  if (named) return named;
  const where = report.finalUrl ?? report.target;
  if (/^https?:\/\//i.test(where)) return where;
  return where.split(/[\\/]/).pop() || where;
}

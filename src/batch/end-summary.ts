import type { SummaryResult } from './summary.js';

/**
 * The end-of-run text on stdout: what happened to the schools, then per requirement the share
 * of audited schools (to which it applies) that meet it.
 */
export function formatEndSummary(r: SummaryResult, where: { results: string[]; summary: string }): string {
  const c = r.counts;
  const out: string[] = [
    `${r.schools} school${r.schools === 1 ? '' : 's'}: ${c.audited} audited, ${c.not_found} report not found, ${c.error} could not be audited, ${c.skipped} skipped.`,
  ];
  if (c.audited > 0) {
    out.push('', `Share of audited schools meeting each requirement (of those it applies to):`);
    const width = Math.max(...r.requirements.map((q) => q.id.length));
    for (const q of r.requirements) {
      const pct = q.applicable === 0 ? '   n/a' : `${String(Math.round((q.met / q.applicable) * 100)).padStart(5)}%`;
      out.push(`  ${q.id.padEnd(width)} ${pct}  ${String(q.met).padStart(5)}/${q.applicable}  ${q.title}`);
    }
  }
  out.push('', `Results: ${where.results.join(', ')}`, `Summary: ${where.summary}`);
  return `${out.join('\n')}\n`;
}

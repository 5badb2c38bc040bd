import type { EvalResult } from './types.js';

/** A readable summary: overall figures, a table per requirement (worst first), then every disagreement. */
export function formatEvalText(r: EvalResult): string {
  const out: string[] = [];
  const g = r.overall.gaps;
  out.push(`Evaluated ${r.documents} documents x ${r.requirements.length} requirements = ${r.overall.pairs} pairs.`);
  out.push(`Three-way agreement (met/partial/missing): ${pct(r.overall.agreement)} (${r.overall.agree}/${r.overall.pairs})`);
  out.push(`Gap detection ("missing" = positive): precision ${pct(g.precision)}, recall ${pct(g.recall)} (tp ${g.tp}, fp ${g.fp}, fn ${g.fn}, tn ${g.tn})`);
  out.push(`Document kind accuracy: ${pct(r.kind.accuracy)} (${r.kind.correct}/${r.kind.total})`);
  const d = r.reportDate;
  out.push(
    `Report date: agrees on ${d.datedAgree}/${d.dated} dated documents (${pct(d.datedAgreement)}); ` +
      `left undated ${d.undatedCorrect}/${d.undated} undated documents (${pct(d.nullCorrectShare)})`,
  );
  out.push('');
  const rows = [...r.perRequirement].sort((a, b) => a.agreement - b.agreement || a.id.localeCompare(b.id));
  const width = Math.max(11, ...rows.map((x) => x.id.length));
  out.push(`${'requirement'.padEnd(width)}  agree   gap-prec  gap-rec  fp  fn  labelled met/partial/missing`);
  for (const x of rows) {
    const c = x.confusion;
    const labelled = `${sum(c.met)}/${sum(c.partial)}/${sum(c.missing)}`;
    out.push(
      `${x.id.padEnd(width)}  ${pct(x.agreement).padStart(6)}  ${pct(x.gaps.precision).padStart(8)}  ${pct(x.gaps.recall).padStart(7)}  ${String(x.gaps.fp).padStart(2)}  ${String(x.gaps.fn).padStart(2)}  ${labelled}`,
    );
  }
  if (r.kind.misses.length) {
    out.push('', 'Kind disagreements:');
    for (const k of r.kind.misses) out.push(`  ${k.doc}: ours ${k.ours}, label ${k.label}`);
  }
  if (d.misses.length) {
    out.push('', 'Report date disagreements:');
    for (const m of d.misses) out.push(`  ${m.doc}: ours ${m.ours ?? 'none'}, label ${m.label ?? 'none'}`);
  }
  if (r.disagreements.length) {
    out.push('', `Disagreements (${r.disagreements.length}):`);
    for (const x of r.disagreements) {
      out.push(`  ${x.doc} ${x.requirement}: ours ${x.ours}, label ${x.label}`);
      if (x.evidence.length) out.push(`    ours:  "${x.evidence[0]!.quote}"`);
      else if (x.searched.length) out.push(`    searched: ${x.searched[0]}`);
      if (x.labelQuote) out.push(`    label: "${x.labelQuote}"`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The JSON form: the result as it is, with a version so readers can rely on its shape. */
export function formatEvalJson(r: EvalResult): string {
  return `${JSON.stringify({ schemaVersion: 1, ...r }, null, 2)}\n`;
}

export function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

function sum(row: Record<string, number>): number {
  return Object.values(row).reduce((a, b) => a + b, 0);
}


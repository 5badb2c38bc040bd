import type { EvalResult, EvalSlices } from './types.js';

export interface EvalTextOptions {
  /** Figures on parts of the corpus: printed in a table, and disagreements then come from the development part only. */
  slices?: EvalSlices;
  /** List the held-out part's disagreements too (it is then no longer held out). */
  showHeldOut?: boolean;
}

/** One row of the parts table: documents, agreement, gap precision and recall, kind, dates. */
function sliceRow(name: string, r: EvalResult): string {
  const g = r.overall.gaps;
  const d = r.reportDate;
  return `${name.padEnd(14)} ${String(r.documents).padStart(4)}  ${pct(r.overall.agreement).padStart(6)}  ${pct(g.precision).padStart(8)}  ${pct(g.recall).padStart(7)}  ${pct(r.kind.accuracy).padStart(6)}  ${pct(d.datedAgreement).padStart(6)}`;
}

/** The parts table, as the README shows it (README figures are checked against it by a test). */
export function formatSliceTable(r: EvalResult, slices: EvalSlices): string {
  const rows = ['part           docs   agree  gap-prec  gap-rec    kind    date', sliceRow('all', r)];
  if (slices.fullText) rows.push(sliceRow('full-length', slices.fullText));
  rows.push(sliceRow('development', slices.dev), sliceRow('held-out', slices.heldOut));
  slices.folds.forEach((f, i) => rows.push(sliceRow(`fold ${i + 1}/${slices.folds.length}`, f)));
  return `${rows.join('\n')}\n`;
}

/**
 * A readable summary: overall figures, the parts table, a table per requirement (worst first),
 * then the disagreements: with slices, the development part's only, unless showHeldOut.
 */
export function formatEvalText(whole: EvalResult, o: EvalTextOptions = {}): string {
  const out: string[] = [];
  const r = whole;
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
  if (o.slices) out.push(formatSliceTable(r, o.slices));
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
  // Disagreements name documents and quote them: with a held-out part, only the development part's.
  const shown = o.slices && !o.showHeldOut ? o.slices.dev : r;
  if (shown !== r) {
    const hidden = o.slices!.heldOut;
    out.push(
      '',
      `Disagreements below are the development part's only (${shown.documents} documents); the held-out part's ${hidden.disagreements.length} (of ${hidden.documents} documents) are not shown, so that they can judge a change: --show-held-out lists them.`,
    );
  }
  if (shown.kind.misses.length) {
    out.push('', 'Kind disagreements:');
    for (const k of shown.kind.misses) out.push(`  ${k.doc}: ours ${k.ours}, label ${k.label}`);
  }
  if (shown.reportDate.misses.length) {
    out.push('', 'Report date disagreements:');
    for (const m of shown.reportDate.misses) out.push(`  ${m.doc}: ours ${m.ours ?? 'none'}, label ${m.label ?? 'none'}`);
  }
  if (shown.disagreements.length) {
    out.push('', `Disagreements (${shown.disagreements.length}):`);
    for (const x of shown.disagreements) {
      out.push(`  ${x.doc} ${x.requirement}: ours ${x.ours}, label ${x.label}`);
      if (x.evidence.length) out.push(`    ours:  "${x.evidence[0]!.quote}"`);
      else if (x.searched.length) out.push(`    searched: ${x.searched[0]}`);
      if (x.labelQuote) out.push(`    label: "${x.labelQuote}"`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The JSON form: the result as it is, with a version so readers can rely on its shape. */
export function formatEvalJson(r: EvalResult & { slices?: EvalSlices }): string {
  return `${JSON.stringify({ schemaVersion: 1, ...r }, null, 2)}\n`;
}

export function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

function sum(row: Record<string, number>): number {
  return Object.values(row).reduce((a, b) => a + b, 0);
}


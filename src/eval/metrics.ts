import type { GapCounts, LabelStatus } from './types.js';

export const STATUSES: readonly LabelStatus[] = ['met', 'partial', 'missing'];

export function emptyConfusion(): Record<LabelStatus, Record<LabelStatus, number>> {
  return { met: { met: 0, partial: 0, missing: 0 }, partial: { met: 0, partial: 0, missing: 0 }, missing: { met: 0, partial: 0, missing: 0 } };
}

/** Precision and recall of "missing" from a confusion matrix (confusion[label][ours]). */
export function gapCounts(confusion: Record<LabelStatus, Record<LabelStatus, number>>): GapCounts {
  const tp = confusion.missing.missing;
  const fp = confusion.met.missing + confusion.partial.missing;
  const fn = confusion.missing.met + confusion.missing.partial;
  const tn = confusion.met.met + confusion.met.partial + confusion.partial.met + confusion.partial.partial;
  return { tp, fp, fn, tn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

export function addConfusion(into: Record<LabelStatus, Record<LabelStatus, number>>, from: Record<LabelStatus, Record<LabelStatus, number>>): void {
  for (const l of STATUSES) for (const o of STATUSES) into[l][o] += from[l][o];
}

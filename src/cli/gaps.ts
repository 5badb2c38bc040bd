import type { Severity } from '../rules/schema.js';
import type { Finding } from '../rules/types.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A gap is a rule that applies and is not fully met. It fails the run at or above --fail-on. */
export function countGapsAtOrAbove(results: Finding[], failOn: Severity): number {
  return results.filter((r) => (r.status === 'missing' || r.status === 'partial') && RANK[r.severity] >= RANK[failOn]).length;
}

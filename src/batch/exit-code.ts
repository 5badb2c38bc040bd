import { EXIT_CANNOT_AUDIT, EXIT_GAPS, EXIT_OK } from '../cli/exit-codes.js';
import type { SummaryResult } from './summary.js';

/**
 * The batch's exit code (README "Batch audits"), over every school in the run (resumed ones too):
 * 2 when any school could not be audited (an error row), else 1 when any audited school has
 * gaps at or above --fail-on or any school's report was not found, else 0. Skipped schools do
 * not count. A batch that cannot start (bad input file, options, rules) also exits 2.
 */
export function batchExitCode(r: Pick<SummaryResult, 'anyErrors' | 'anyGaps'>): number {
  if (r.anyErrors) return EXIT_CANNOT_AUDIT;
  return r.anyGaps ? EXIT_GAPS : EXIT_OK;
}

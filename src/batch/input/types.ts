import type { SchoolInput, SchoolOutcome } from '../types.js';

/**
 * One school from the input file. `preset` is set when the row is decided without any fetch:
 * a closed or out-of-scope school (skipped) or a row with no usable address (error).
 */
export interface InputRow {
  school: SchoolInput;
  preset: Extract<SchoolOutcome, { status: 'skipped' | 'error' }> | null;
}

export type InputFormat = 'urls' | 'csv' | 'gias';

export interface LoadedInput {
  format: InputFormat;
  /** Every school once, in input order (repeats removed, see `duplicates`). */
  rows: InputRow[];
  /** Plain sentences about rows left out because their key repeats an earlier row. */
  duplicates: string[];
}

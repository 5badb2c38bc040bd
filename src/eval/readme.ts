import { AuditError } from '../errors.js';
import { formatSliceTable } from './format.js';
import type { EvalResult, EvalSlices } from './types.js';

// The README's accuracy figures are written by `npm run eval -- --readme README.md`, between
// two markers, and a test compares them with a fresh run: they cannot go stale.

export const START = '<!-- eval-figures: written by `npm run eval -- --readme README.md`; do not edit by hand -->';
export const END = '<!-- /eval-figures -->';

/** The figures block as it stands in the README. */
export function evalFiguresBlock(r: EvalResult, slices: EvalSlices): string {
  return `${START}\n\`\`\`text\n${formatSliceTable(r, slices)}\`\`\`\n${END}`;
}

/** The Markdown text with its figures block replaced by this run's. */
export function withEvalFigures(markdown: string, r: EvalResult, slices: EvalSlices, name: string): string {
  const a = markdown.indexOf(START);
  const b = markdown.indexOf(END);
  if (a < 0 || b < a) throw new AuditError('usage', `${name} has no eval figures block: add a line "${START}" and, below it, "${END}".`);
  return markdown.slice(0, a) + evalFiguresBlock(r, slices) + markdown.slice(b + END.length);
}

/** The figures block found in the Markdown text, or null. */
export function readEvalFigures(markdown: string): string | null {
  const a = markdown.indexOf(START);
  const b = markdown.indexOf(END);
  return a < 0 || b < a ? null : markdown.slice(a, b + END.length);
}

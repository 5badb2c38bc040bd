import { makeRow } from './row.js';
import type { InputRow } from './types.js';

/**
 * A plain list: one URL a line; blank lines and lines starting with `#` are ignored. Empty cells
 * after the URL (`https://oak.sch.uk/,,` from a one-column spreadsheet saved as CSV) are dropped.
 */
export function parseUrlList(text: string): InputRow[] {
  const rows: InputRow[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = withoutTrailingCells(lines[i]!);
    if (line === '' || line.startsWith('#')) continue;
    rows.push(makeRow({ row: i + 1, url: line }));
  }
  return rows;
}

/** The line without trailing whitespace, commas and semicolons (a loop: a regex would be quadratic on a long run). */
function withoutTrailingCells(line: string): string {
  let end = line.length;
  while (end > 0 && /[\s,;]/.test(line[end - 1]!)) end--;
  return line.slice(0, end).trim();
}

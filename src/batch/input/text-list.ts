import { makeRow } from './row.js';
import type { InputRow } from './types.js';

/** A plain list: one URL a line; blank lines and lines starting with `#` are ignored. */
export function parseUrlList(text: string): InputRow[] {
  const rows: InputRow[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    rows.push(makeRow({ row: i + 1, url: line }));
  }
  return rows;
}

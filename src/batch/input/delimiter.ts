import { parse } from 'csv-parse/sync';

/**
 * The cell separators a school list comes with: a comma; a semicolon from Excel in a locale
 * whose decimal mark is a comma (most of Europe); a tab from Excel's "Unicode Text" export.
 */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * The separator of a CSV, told from its header line only: the one that splits the header into
 * the most column names we know (`isKnownColumn`). A header with none we know (a refused file, or no header at
 * all) is split by a comma when it has one outside quotes, else by a semicolon or tab if it has
 * one, so the "no url column" message can name its columns. Never a mix: a comma inside a
 * semicolon-separated row ("Oak, Primary;...") is part of the cell.
 */
export function detectDelimiter(headerLine: string, isKnownColumn: (cell: string) => boolean): Delimiter {
  let best: Delimiter | null = null;
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const score = splitHeader(headerLine, d)?.filter(isKnownColumn).length ?? 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  if (best !== null) return best;
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  return DELIMITERS.find((d) => unquoted.includes(d)) ?? ',';
}

/** The header line's cells, trimmed, split by `delimiter`; null when it does not parse that way. */
export function splitHeader(headerLine: string, delimiter: Delimiter): string[] | null {
  try {
    const [record] = parse(headerLine, { delimiter, relax_quotes: true, relax_column_count: true, to_line: 1 }) as string[][];
    return (record ?? []).map((c) => c.trim());
  } catch {
    return null; // e.g. `"URN","LA (name)"` split by ';': a closing quote followed by a comma
  }
}

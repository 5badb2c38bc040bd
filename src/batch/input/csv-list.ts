import { parse } from 'csv-parse/sync';
import { AuditError } from '../../errors.js';
import { SCHOOL_TYPES, type SchoolType } from '../../rules/vocabulary.js';
import { DELIMITER_NAMES, type Delimiter } from './delimiter.js';
import { findColumn, URL_COLUMN_NAMES } from './columns.js';
import { makeRow } from './row.js';
import type { InputRow } from './types.js';

/**
 * Parses CSV text into a header and records of strings, each with the file line it ends on.
 * With `columns`, each record keeps only those named columns, in that order ('' when the file
 * has no such column): a national GIAS extract has 140 columns and 50,000 rows, and we need 6.
 *
 * Rows need not match the header's width, so one bad row never refuses the file: a short row
 * reads as blank in its missing cells (Excel leaves off trailing empty cells in some rows), and
 * a row with more cells than the header gets `overflow` (its cell count), which the callers make
 * an error row. A stray quote inside an unquoted cell (`Oak "Acorn" Primary`) is
 * kept as text; only a quote left open to the end of the file refuses it, naming the line.
 * Cells are split by `delimiter` (detectDelimiter tells it from the header line).
 */
export function parseCsvRecords(
  text: string,
  name: string,
  columns?: readonly string[],
  delimiter: Delimiter = ',',
): { header: string[]; records: CsvRecord[] } {
  let header: string[] | null = null;
  let pick: number[] | null = null;
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // A line starting with "#" is a note, as in a URL list (format detection skips it too);
      // a "#" later in a line is text ("https://school.example/#send", "Form #3").
      comment: '#',
      comment_no_infix: true,
      on_record: (record: string[], context: { lines: number }) => {
        if (header === null) {
          header = record.map((h) => h.trim());
          pick = columns ? columns.map((c) => header!.indexOf(c)) : null;
          return null;
        }
        // Even empty extra cells count: a name split by a comma pushes the row's last (often
        // empty) cell past the header, and every cell after the split is then in the wrong column.
        const overflow = record.length > header.length ? record.length : null;
        return { line: context.lines, cells: pick ? pick.map((i) => (i < 0 ? '' : (record[i] ?? ''))) : record, overflow, delimiter };
      },
    }) as unknown as typeof records;
  } catch (e) {
    throw new AuditError('usage', `${name} is not a readable CSV file: ${(e as Error).message.replace(/\.$/, '')}.`, { cause: e });
  }
  if (header === null) throw new AuditError('usage', `${name} lists no schools: give one URL a line, a CSV with a "url" column, or a GIAS extract.`);
  return { header, records };
}

export interface CsvRecord {
  /** The file line the record ends on (a quoted cell may span lines). */
  line: number;
  cells: string[];
  /** The row's cell count when it has more cells than the header, else null. */
  overflow: number | null;
  /** The file's cell separator, named in the overflow message. */
  delimiter: Delimiter;
}

/**
 * The error for a row with more cells than the header: its cells have shifted (most often an
 * unquoted comma in a name), so no cell can be trusted to be the school's website.
 */
export function overflowError(r: CsvRecord, headerWidth: number): string | null {
  if (r.overflow === null) return null;
  return `Row ${r.line} has ${r.overflow} cells but the header has ${headerWidth}, so the school could not be audited: a name or address that holds a ${DELIMITER_NAMES[r.delimiter]} must be in double quotes.`;
}

/**
 * A CSV with a website column and, optionally, name, URN, school_type, LA and email columns, in
 * any order, under the names people use (columns.ts: "Website", "School name", "URL", ...).
 */
export function parseSchoolCsv(text: string, name: string, delimiter: Delimiter = ','): InputRow[] {
  const { header, records } = parseCsvRecords(text, name, undefined, delimiter);
  const url = findColumn(header, 'url');
  if (url < 0) {
    throw new AuditError(
      'usage',
      `${name} has no website column (its columns are: ${header.slice(0, 8).join(', ')}). Add one named "url" (or ${URL_COLUMN_NAMES.slice(0, 3).map((c) => `"${c}"`).join(', ')}), or give a GIAS extract or a plain list of URLs.`,
    );
  }
  const [urn, schoolName, type, la, email] = (['urn', 'name', 'schoolType', 'la', 'email'] as const).map((f) => findColumn(header, f)) as [number, number, number, number, number];
  const cell = (cells: string[], i: number) => (i < 0 ? null : (cells[i] ?? null));
  return records.map((record) => {
    const { line, cells } = record;
    const shifted = overflowError(record, header.length);
    // Only the name is kept from a shifted row, to help find it; its URN or URL could be another school's.
    if (shifted) return makeRow({ row: line, url: '', name: cell(cells, schoolName), error: shifted });
    const typeText = cell(cells, type)?.trim() ?? '';
    const schoolType = typeText === '' ? null : (SCHOOL_TYPES as readonly string[]).includes(typeText) ? (typeText as SchoolType) : undefined;
    return makeRow({
      row: line,
      url: cell(cells, url) ?? '',
      urn: cell(cells, urn),
      name: cell(cells, schoolName),
      la: cell(cells, la),
      email: cell(cells, email),
      schoolType: schoolType ?? null,
      error: schoolType === undefined ? `Row ${line}: school_type "${typeText}" is not one of ${SCHOOL_TYPES.join(', ')}.` : null,
    });
  });
}

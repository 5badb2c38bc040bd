import { parse } from 'csv-parse/sync';
import { AuditError } from '../../errors.js';
import { SCHOOL_TYPES, type SchoolType } from '../../rules/vocabulary.js';
import { makeRow } from './row.js';
import type { InputRow } from './types.js';

/**
 * Parses CSV text into a header and records of strings, each with the file line it ends on.
 * With `columns`, each record keeps only those named columns, in that order ('' when the file
 * has no such column): a national GIAS extract has 140 columns and 50,000 rows, and we need 6.
 */
export function parseCsvRecords(
  text: string,
  name: string,
  columns?: readonly string[],
): { header: string[]; records: { line: number; cells: string[] }[] } {
  let header: string[] | null = null;
  let pick: number[] | null = null;
  let records: { line: number; cells: string[] }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        if (header === null) {
          header = record.map((h) => h.trim());
          pick = columns ? columns.map((c) => header!.indexOf(c)) : null;
          return null;
        }
        return { line: context.lines, cells: pick ? pick.map((i) => (i < 0 ? '' : (record[i] ?? ''))) : record };
      },
    }) as unknown as typeof records;
  } catch (e) {
    throw new AuditError('usage', `${name} is not a readable CSV file: ${(e as Error).message.replace(/\.$/, '')}.`, { cause: e });
  }
  if (header === null) throw new AuditError('usage', `${name} lists no schools: give one URL a line, a CSV with a "url" column, or a GIAS extract.`);
  return { header, records };
}

/** A CSV with a `url` column and, optionally, `name`, `urn` and `school_type` (any order, any case). */
export function parseSchoolCsv(text: string, name: string): InputRow[] {
  const { header, records } = parseCsvRecords(text, name);
  const col = (n: string) => header.findIndex((h) => h.toLowerCase() === n);
  const url = col('url');
  if (url < 0) {
    throw new AuditError('usage', `${name} has no "url" column (its columns are: ${header.slice(0, 8).join(', ')}). Add one, or give a GIAS extract or a plain list of URLs.`);
  }
  const [urn, schoolName, type, la] = [col('urn'), col('name'), col('school_type'), col('la')];
  const cell = (cells: string[], i: number) => (i < 0 ? null : (cells[i] ?? null));
  return records.map(({ line, cells }) => {
    const typeText = cell(cells, type)?.trim() ?? '';
    const schoolType = typeText === '' ? null : (SCHOOL_TYPES as readonly string[]).includes(typeText) ? (typeText as SchoolType) : undefined;
    return makeRow({
      row: line,
      url: cell(cells, url) ?? '',
      urn: cell(cells, urn),
      name: cell(cells, schoolName),
      la: cell(cells, la),
      schoolType: schoolType ?? null,
      error: schoolType === undefined ? `Row ${line}: school_type "${typeText}" is not one of ${SCHOOL_TYPES.join(', ')}.` : null,
    });
  });
}

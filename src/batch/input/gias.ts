import { AuditError } from '../../errors.js';
import { GIAS_STATUS_CLOSED, GIAS_TYPES } from '../gias-types.js';
import { overflowError, parseCsvRecords } from './csv-list.js';
import type { Delimiter } from './delimiter.js';
import { makeRow } from './row.js';
import type { InputRow } from './types.js';

/** The GIAS columns we read, named exactly as in a downloaded establishment extract. */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (code)',
  status: 'EstablishmentStatus (code)',
  website: 'SchoolWebsite',
  la: 'LA (name)',
} as const;

/**
 * A header is a GIAS extract's when it has URN, EstablishmentName and SchoolWebsite; also when it
 * has URN and EstablishmentName and no `url` column, so that an extract downloaded without its
 * website field is told which GIAS column is missing rather than that it has no "url" column.
 */
export function isGiasHeader(header: string[]): boolean {
  const has = (c: string) => header.includes(c);
  if (!has(GIAS_COLUMNS.urn) || !has(GIAS_COLUMNS.name)) return false;
  return has(GIAS_COLUMNS.website) || !header.some((h) => h.toLowerCase() === 'url');
}

/**
 * A GIAS establishment extract: closed establishments and types the duty does not reach are
 * skipped with the reason; the school type comes from the type code (gias-types.ts).
 */
export function parseGiasExtract(text: string, name: string, delimiter: Delimiter = ','): InputRow[] {
  const wanted = Object.values(GIAS_COLUMNS);
  const { header, records } = parseCsvRecords(text, name, wanted, delimiter);
  const missing = wanted.filter((c) => !header.includes(c)).map((c) => `"${c}"`);
  if (missing.length > 0) throw new AuditError('usage', `${name} looks like a GIAS extract but has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: download the extract with all establishment fields.`);
  const at = Object.fromEntries(Object.keys(GIAS_COLUMNS).map((k, i) => [k, i])) as Record<keyof typeof GIAS_COLUMNS, number>;
  return records.map((record) => {
    const { line, cells } = record;
    const get = (k: keyof typeof GIAS_COLUMNS) => (cells[at[k]] ?? '').trim();
    const shifted = overflowError(record, header.length);
    if (shifted) return makeRow({ row: line, url: '', name: get('name'), error: shifted });
    const typeCode = Number.parseInt(get('type'), 10);
    const entry = GIAS_TYPES[typeCode];
    let skip: string | null = null;
    if (Number.parseInt(get('status'), 10) === GIAS_STATUS_CLOSED) skip = 'closed (GIAS EstablishmentStatus 2)';
    else if (!entry) skip = `establishment type code "${get('type')}" is not one the SEN information report duty is known to cover`;
    else if (entry.schoolType === null) skip = `out of scope: ${entry.name} (type ${typeCode}) is ${entry.outOfScope}`;
    return makeRow({
      row: line,
      url: get('website'),
      urn: get('urn'),
      name: get('name'),
      la: get('la'),
      schoolType: entry?.schoolType ?? null,
      skip,
    });
  });
}

import { AuditError } from '../../errors.js';
import { GIAS_STATUS_CLOSED, GIAS_TYPES } from '../gias-types.js';
import { columnKey, type Field, findColumn } from './columns.js';
import { overflowError, parseCsvRecords } from './csv-list.js';
import type { Delimiter } from './delimiter.js';
import { makeRow } from './row.js';
import type { InputRow } from './types.js';

/** The GIAS columns we read; only the website one is required. */
const GIAS_FIELDS = ['urn', 'name', 'url', 'la', 'email', 'typeCode', 'typeName', 'statusCode', 'statusName'] as const satisfies readonly Field[];

/** GIAS type names (any case) -> their code, for extracts that carry only "TypeOfEstablishment (name)". */
const TYPE_BY_NAME = new Map(Object.entries(GIAS_TYPES).map(([code, e]) => [e.name.toLowerCase(), Number(code)]));

/**
 * A header is a GIAS extract's when it has URN and EstablishmentName (and no "url" column of
 * its own), or a TypeOfEstablishment column: an extract downloaded without its website field is then told which column is missing
 * rather than that it has no "url" column.
 */
export function isGiasHeader(header: string[]): boolean {
  const has = (f: Field) => findColumn(header, f) >= 0;
  const named = header.some((h) => columnKey(h) === 'establishmentname');
  // A list someone made from an extract, with a "url" column of their own, is an ordinary CSV.
  const ownUrl = header.some((h) => columnKey(h) === 'url');
  return (has('urn') && named && !ownUrl) || has('typeCode') || has('typeName');
}

/**
 * A GIAS establishment extract: closed establishments and types the duty does not reach are
 * skipped with the reason; the school type comes from the type code (gias-types.ts), or from the
 * type name when the extract has only that. Only the website column is required.
 */
export function parseGiasExtract(text: string, name: string, delimiter: Delimiter = ','): InputRow[] {
  const { header, records } = parseCsvRecords(text, name, undefined, delimiter);
  const at = Object.fromEntries(GIAS_FIELDS.map((f) => [f, findColumn(header, f)])) as Record<(typeof GIAS_FIELDS)[number], number>;
  if (at.url < 0) {
    throw new AuditError('usage', `${name} looks like a GIAS extract but has no "SchoolWebsite" column: download the extract with all establishment fields.`);
  }
  return records.map((record) => {
    const { line, cells } = record;
    const get = (f: (typeof GIAS_FIELDS)[number]) => (at[f] < 0 ? '' : (cells[at[f]] ?? '').trim());
    const shifted = overflowError(record, header.length);
    if (shifted) return makeRow({ row: line, url: '', name: get('name'), error: shifted });
    const type = establishmentType(get('typeCode'), get('typeName'));
    const closed = Number.parseInt(get('statusCode'), 10) === GIAS_STATUS_CLOSED || /^closed$/i.test(get('statusName'));
    let skip: string | null = null;
    if (closed) skip = `closed (GIAS EstablishmentStatus ${get('statusCode') || get('statusName')})`;
    else if (type.unknown) skip = `establishment type ${type.unknown} is not one the SEN information report duty is known to cover`;
    else if (type.entry?.schoolType === null) skip = `out of scope: ${type.entry.name} (type ${type.code}) is ${type.entry.outOfScope}`;
    return makeRow({
      row: line,
      url: get('url'),
      urn: get('urn'),
      name: get('name'),
      la: get('la'),
      email: get('email'),
      schoolType: type.entry?.schoolType ?? null,
      skip,
    });
  });
}

/** The row's establishment type from its code, else its name; neither given means the default school type. */
function establishmentType(codeText: string, nameText: string) {
  const code = codeText !== '' ? Number.parseInt(codeText, 10) : nameText !== '' ? TYPE_BY_NAME.get(nameText.toLowerCase()) : undefined;
  if (codeText === '' && nameText === '') return { code: null, entry: null, unknown: null };
  const entry = code === undefined || Number.isNaN(code) ? undefined : GIAS_TYPES[code];
  if (!entry) return { code: null, entry: null, unknown: codeText !== '' ? `code "${codeText}"` : `"${nameText}"` };
  return { code, entry, unknown: null };
}

import { AuditError } from '../../errors.js';
import { decodeText } from '../../extract/decode.js';
import { sniffFormat } from '../../extract/sniff.js';
import { parseSchoolCsv } from './csv-list.js';
import { detectFormat } from './detect-format.js';
import { parseGiasExtract } from './gias.js';
import { parseUrlList } from './text-list.js';
import type { InputRow, LoadedInput } from './types.js';

export type { InputFormat, InputRow, LoadedInput } from './types.js';

/**
 * Input file bytes -> the schools to audit. The format is told by the content: a GIAS extract by
 * its header, a CSV by a first line with commas or quotes (or a .csv name, or a header split by
 * semicolons or tabs), else a list of URLs. Text is UTF-8 (with or without BOM), UTF-16 with a
 * BOM (Excel's "Unicode Text"), or, when not valid UTF-8, windows-1252 as GIAS writes it.
 */
export function loadSchools(bytes: Uint8Array, name: string): LoadedInput {
  // A spreadsheet (.xlsx is a ZIP), PDF or other binary file would otherwise be read as a list
  // of "URLs", one error row per line of noise, with its control characters in the messages.
  const kind = sniffFormat(bytes, null, name);
  if (kind === null || kind === 'pdf' || kind === 'docx') {
    throw new AuditError('usage', `${name} is not a text file (a spreadsheet or other binary file?): save it as CSV, or give a text file of URLs.`);
  }
  const text = decodeText(bytes, null, false); // UTF-16 by its BOM, as sniffFormat let it through
  const { format, delimiter } = detectFormat(text, name);
  const parsed = format === 'gias' ? parseGiasExtract(text, name, delimiter) : format === 'csv' ? parseSchoolCsv(text, name, delimiter) : parseUrlList(text);
  if (parsed.length === 0) {
    throw new AuditError('usage', `${name} lists no schools: give one URL a line, a CSV with a "url" column, or a GIAS extract.`);
  }
  return { format, ...dedupe(parsed) };
}

function dedupe(rows: InputRow[]): { rows: InputRow[]; duplicates: string[] } {
  const firstRow = new Map<string, number>();
  const kept: InputRow[] = [];
  const duplicates: string[] = [];
  for (const r of rows) {
    const seen = firstRow.get(r.school.key);
    if (seen !== undefined) {
      duplicates.push(`row ${r.school.row} repeats ${r.school.key} from row ${seen}; audited once`);
      continue;
    }
    firstRow.set(r.school.key, r.school.row);
    kept.push(r);
  }
  return { rows: kept, duplicates };
}

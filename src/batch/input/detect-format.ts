import { AuditError } from '../../errors.js';
import { redactUrl } from '../../fetch/redact.js';
import { detectDelimiter, splitHeader, type Delimiter } from './delimiter.js';
import { isKnownColumn } from './columns.js';
import { isGiasHeader } from './gias.js';
import type { InputFormat } from './types.js';

/**
 * Which kind of list a file is, and its cell separator, told from its first line that is not
 * blank or a `#` comment: a GIAS extract or a CSV by its header, else a list of URLs (one with
 * no header line is a list of URLs too, when that line is a lone website).
 */
export function detectFormat(text: string, name: string): { format: InputFormat; delimiter: Delimiter } {
  const first = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  const urls = { format: 'urls', delimiter: ',' } as const;
  if (first === undefined) return urls;
  const delimiter = detectDelimiter(first, isKnownColumn);
  const header = splitHeader(first, delimiter) ?? [first];
  const known = header.some(isKnownColumn);
  // A semicolon or tab makes a CSV only when it splits out a column we know: a URL may hold a ';'.
  const looksCsv = /\.[ct]sv$/i.test(name) || (/[",]/.test(first) && !/^https?:\/\//i.test(first)) || (delimiter !== ',' && known);
  if (!looksCsv) return urls;
  if (isGiasHeader(header)) return { format: 'gias', delimiter };
  // No header at all: Excel's one-column list of websites, saved as CSV, maybe with empty cells after.
  const cells = header.filter((c) => c !== '');
  if (!known && cells.length > 0 && looksLikeWebAddress(cells[0]!)) {
    if (cells.length === 1) return urls;
    // Websites with names or URNs beside them: which cell is which cannot be guessed.
    throw new AuditError('usage', `${name} has no header line (its first line starts with the website ${redactUrl(cells[0]!)}): add a first line naming the columns, such as "url,name".`);
  }
  return { format: 'csv', delimiter };
}

/**
 * `http(s)://...`, `www....` or a bare host (`oakfield.sch.uk`, `oak.org/send`, `127.0.0.1:8080`).
 * A column name can have a dot too (`School.Name`), so a bare host counts only when it is lower
 * case, has two dots or a path: such a header is refused for its missing "url" column rather
 * than read as a website.
 */
function looksLikeWebAddress(cell: string): boolean {
  if (/^https?:\/\//i.test(cell) || /^www\./i.test(cell)) return true;
  const m = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?([/?#]|$)/i.exec(cell);
  if (m === null) return false;
  const host = m[1]!;
  if (/^\d+(?:\.\d+){3}$/.test(host)) return true;
  if (!/\.[a-z]{2,}$/i.test(host)) return false;
  return host === host.toLowerCase() || host.split('.').length > 2 || m[2] !== '';
}

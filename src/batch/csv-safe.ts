/**
 * A cell a spreadsheet will not run as a formula: text starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before such a character) gets a leading '.
 * Numbers are left alone (counts are never negative).
 */
export function neutraliseCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

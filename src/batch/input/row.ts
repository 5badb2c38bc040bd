import type { SchoolType } from '../../rules/vocabulary.js';
import type { InputRow } from './types.js';
import { hasScheme, normaliseSchoolUrl, schoolKey } from './url.js';

export interface RawSchool {
  row: number;
  url: string;
  urn?: string | null;
  name?: string | null;
  schoolType?: SchoolType | null;
  la?: string | null;
  email?: string | null;
  /** Already decided: skipped on purpose, or an error in the row itself. */
  skip?: string | null;
  error?: string | null;
}

/** One input row -> the school to audit (or a preset outcome when it cannot or need not be). */
export function makeRow(raw: RawSchool): InputRow {
  const urn = blankToNull(raw.urn);
  const url = normaliseSchoolUrl(raw.url);
  const email = blankToNull(raw.email);
  const school: InputRow['school'] = {
    key: schoolKey(urn, url, raw.row),
    row: raw.row,
    urn,
    name: blankToNull(raw.name),
    schoolType: raw.schoolType ?? null,
    url,
    la: blankToNull(raw.la),
    ...(email ? { email } : {}),
    // Written without a scheme (as GIAS lists websites): https:// is tried first, then http://.
    ...(url && !hasScheme(raw.url) ? { schemeGuessed: true as const } : {}),
  };
  if (raw.skip) return { school, preset: { status: 'skipped', reason: raw.skip } };
  if (raw.error) return { school, preset: { status: 'error', error: { code: 'input', message: raw.error } } };
  if (url === null) {
    const message =
      raw.url.trim() === ''
        ? `Row ${raw.row} has no website address, so the school could not be audited.`
        : `Row ${raw.row}: "${raw.url.trim()}" is not a usable http(s) address.`;
    return { school, preset: { status: 'error', error: { code: 'input', message } } };
  }
  return { school, preset: null };
}

function blankToNull(s: string | null | undefined): string | null {
  const t = s?.trim() ?? '';
  return t === '' ? null : t;
}

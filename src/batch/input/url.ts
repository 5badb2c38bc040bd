import { redactUrl } from '../../fetch/redact.js';
/**
 * A school website as typed into a list or GIAS ("www.x.sch.uk", "http://x.org/send"), made
 * into an absolute http(s) URL: https:// is added when there is no scheme. Null when it cannot
 * be one (blank, another scheme, no host).
 */
export function normaliseSchoolUrl(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || /\s/.test(text)) return null;
  const withScheme = hasScheme(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  url.hash = '';
  return url.href;
}

/** Whether an address as typed names its scheme ("http://x", "mailto:x"); "x.org:8080/" does not. */
export function hasScheme(raw: string): boolean {
  const text = raw.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(text);
}

/** The identity of a school across runs, shards and resume (see SchoolInput.key). */
export function schoolKey(urn: string | null, url: string | null, row: number): string {
  if (urn) return `urn:${urn}`;
  // Never the password: the key is written to results.ndjson and summary.csv.
  if (url) return `url:${redactUrl(url)}`;
  return `row:${row}`;
}

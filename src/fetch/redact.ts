/**
 * Credentials in an address (https://user:pass@host/) must never reach a message, a log or a
 * report. These helpers hide them; every user-facing string in the fetch stage goes through one.
 */

/** The address with any user:password replaced by `***`, so the user can see there was one. */
export function redactUrl(url: string | URL): string {
  const text = String(url);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return redactText(text);
  }
  if (!parsed.username && !parsed.password) return parsed.href;
  parsed.username = '***';
  parsed.password = '';
  return parsed.href;
}

/** The address without any user:password: safe to report and to resolve links against. */
export function stripCredentials(url: URL): URL {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy;
}

// In free text an address ends at whitespace; the WHATWG parser takes the last `@` before the
// path as the end of the credentials, so the match is greedy up to it.
// The scheme can start only where a run of scheme characters starts, so a long line without
// "://" is read once, not once for every letter.
const CREDENTIALS_IN_TEXT = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;

/** Hides credentials in any address inside a piece of text (e.g. an error from a library). */
export function redactText(text: string): string {
  return text.replace(CREDENTIALS_IN_TEXT, '$1***@');
}

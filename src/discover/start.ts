import { AuditError, isAuditError } from '../errors.js';
import { redactUrl } from '../fetch/redact.js';
import type { FetchedResource, Fetcher, FetchOptions } from '../fetch/types.js';

// A school's address as an authority's list gives it is often not the one that answers: GIAS
// writes websites without a scheme, many school sites still answer over http only, and some
// answer only with (or only without) "www.". The start page is opened from the first address of
// these that a server answers at all; an answer with an error status (404, 403) ends the search
// there, as it says something about the site itself.

/** The addresses to try for a start page, in order: as given; http:// when the scheme was guessed; then with or without www. */
export function startAddresses(url: string, schemeGuessed: boolean): string[] {
  const first = new URL(url);
  const schemes = schemeGuessed && first.protocol === 'https:' ? ['https:', 'http:'] : [first.protocol];
  const hosts = [first.hostname, first.hostname.startsWith('www.') ? first.hostname.slice(4) : `www.${first.hostname}`];
  // A literal IP address or a single-label name has no www. form.
  const withWww = /^[\d.]+$|^\[|^[^.]+$/.test(first.hostname) ? hosts.slice(0, 1) : hosts;
  const out: string[] = [];
  for (const host of withWww) {
    for (const scheme of schemes) {
      const u = new URL(first.href);
      u.protocol = scheme;
      u.hostname = host;
      out.push(u.href);
    }
  }
  return [...new Set(out)];
}

export interface OpenedStart {
  /** The address that answered. */
  url: string;
  resource: FetchedResource;
  /** Addresses tried before it that no server answered, each with why. */
  tried: { url: string; why: string }[];
}

/**
 * Fetches the first of `addresses` that a server answers. Throws the first address's own error
 * when it fails otherwise (an error status, a deadline, robots.txt), and when no address
 * answers, one error naming each address tried and why it failed.
 */
export async function openStart(addresses: string[], fetcher: Fetcher, options: FetchOptions): Promise<OpenedStart> {
  const tried: { url: string; why: string }[] = [];
  let firstError: unknown = null;
  for (const url of addresses) {
    try {
      return { url, resource: await fetcher(url, options), tried };
    } catch (e) {
      firstError ??= e;
      if (!isAuditError(e) || e.unreachable === undefined) throw tried.length === 0 || !isAuditError(e) ? e : alsoTried(e, tried);
      tried.push({ url, why: e.unreachable });
    }
  }
  if (tried.length <= 1) throw firstError;
  const [head, ...rest] = tried;
  const host = new URL(head!.url).host;
  const also = rest.map((t) => `${redactUrl(t.url)} (${t.why})`).join(', ');
  throw new AuditError(
    'fetch',
    `Could not connect to ${host}: ${head!.why}. Also tried ${also}. Check the school's website address in a browser.`,
    { cause: firstError, unreachable: head!.why },
  );
}

/** A later address's own error, saying which addresses were tried before it and why they failed. */
function alsoTried(e: AuditError, tried: { url: string; why: string }[]): AuditError {
  const before = tried.map((t) => `${redactUrl(t.url)} (${t.why})`).join(', ');
  return new AuditError(e.code, `${e.message.replace(/\.$/, '')}. Tried first: ${before}.`, {
    cause: e,
    ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
    ...(e.retryAfter !== undefined ? { retryAfter: e.retryAfter } : {}),
  });
}

/** A fetcher that answers repeated requests for `urls` from the first answer, failures included (for one school only: the start page that openStart fetched is not fetched again by discovery). */
export function remembering(fetcher: Fetcher, urls: string[]): Fetcher {
  const answers = new Map<string, Promise<FetchedResource>>();
  return (u, o) => {
    if (!urls.includes(u)) return fetcher(u, o);
    let answer = answers.get(u);
    if (!answer) answers.set(u, (answer = fetcher(u, o)));
    return answer;
  };
}

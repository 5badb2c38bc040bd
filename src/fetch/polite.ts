import pLimit, { type LimitFunction } from 'p-limit';
import { AuditError, isAuditError } from '../errors.js';
import { redactUrl } from './redact.js';
import { robotsCache } from './robots.js';
import type { Fetcher, FetchOptions } from './types.js';

export interface PoliteOptions {
  /** Requests in flight at once over all sites (--concurrency). */
  concurrency: number;
  /** Requests in flight at once to one host. */
  perHost: number;
  /** Retries after a 429 or 503 answer (so at most maxRetries + 1 requests). */
  maxRetries: number;
  /** Obey robots.txt. */
  robots: boolean;
  /** Sent as the User-Agent header instead of the one in each call's FetchOptions, when set. */
  userAgent?: string;
  /** Told once per site when its robots.txt could not be read (5xx, 429 or no answer) and everything was allowed. */
  onNote?: (message: string) => void;
  /** Injected so tests need not wait; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** A Retry-After longer than this is cut to it, so one site cannot stall a batch for hours. */
  maxRetryWaitMs?: number;
  /** Current time in ms, for Retry-After given as an HTTP date. */
  now?: () => number;
}

const RETRY_STATUSES = new Set([429, 503]);
const BASE_BACKOFF_MS = 1000;

/**
 * Wraps a fetcher with the manners a batch owes school websites: robots.txt obeyed (for the
 * address asked for and for every redirect target, each against its own site's robots.txt), at
 * most `perHost` requests at once per host and `concurrency` overall, and 429/503 retried after
 * the wait the server asks for (Retry-After) or an exponential backoff. Every request on the
 * wire (each redirect hop and each robots.txt read too) holds a slot of the host it is sent to,
 * only while it is sent and its body read; waiting, between hops or before a retry, holds none.
 * A request for a site's /robots.txt is answered from the copy read for these checks.
 */
export function politeFetcher(base: Fetcher, o: PoliteOptions): Fetcher {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const maxWait = o.maxRetryWaitMs ?? 60_000;
  const global = pLimit(o.concurrency);
  const hosts = new Map<string, LimitFunction>();
  const slot = <T>(host: string, task: () => Promise<T>): Promise<T> => {
    let perHost = hosts.get(host);
    if (!perHost) hosts.set(host, (perHost = pLimit(o.perHost)));
    return perHost(() => global(task));
  };
  // Called by the base fetcher for each hop. A request never waits for a slot while holding one
  // (the hop before gives its slot back first), so A -> B and B -> A cannot wait on each other.
  const aroundHop = <T>(url: URL, send: () => Promise<T>): Promise<T> => slot(hostOf(url.href), send);
  const onWire: Fetcher = (url, options) => base(url, { ...options, aroundHop });
  const robots = robotsCache(o.onNote);
  /** robots.txt of url's site, read once, in slots like any request; never awaited while holding a slot. */
  const robotsOf = (url: string, options: FetchOptions) => robots.read(url, options, onWire);

  const refuse = (message: string): never => {
    const refusal = new AuditError('fetch', `${message}, so it was not fetched. Ask the school for the report's address, or audit a saved copy.`);
    refusals.add(refusal);
    throw refusal;
  };

  return async (url, given) => {
    const options = o.userAgent === undefined ? given : { ...given, userAgent: o.userAgent };
    // Not an http(s) address: the base fetcher says so in its own words, and there is no robots.txt.
    if (hostOf(url) === '') return base(url, options);
    let asked: FetchOptions = { ...options, aroundHop };
    if (o.robots) {
      if (isRobotsTxt(url)) return robotsOf(url, options).response;
      const rules = await robotsOf(url, options).rules;
      if (!rules.allows(url)) {
        const u = new URL(url);
        refuse(`${u.host}'s robots.txt does not allow senaudit to read ${u.pathname}${u.search}`);
      }
      asked = {
        ...asked,
        // Runs between hops, holding no slot: the target's robots.txt is read in a slot of the
        // target's host, and the hop to the target waits for a slot of its own after that.
        beforeRedirect: async (next) => {
          const target = await robotsOf(next.href, options).rules;
          if (!target.allows(next.href)) {
            refuse(`${redactUrl(url)} redirects to ${redactUrl(next)}, which ${next.host}'s robots.txt does not allow senaudit to read`);
          }
        },
      };
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await base(url, asked);
      } catch (e) {
        if (!isAuditError(e) || e.httpStatus === undefined || !RETRY_STATUSES.has(e.httpStatus) || attempt >= o.maxRetries) throw e;
        const wait = retryAfterMs(e.retryAfter, now());
        await sleep(Math.min(wait ?? BASE_BACKOFF_MS * 2 ** attempt, maxWait));
      }
    }
  };
}

/** A site's /robots.txt itself: always readable (RFC 9309 2.2.2), and already read for the checks. */
function isRobotsTxt(url: string): boolean {
  const u = new URL(url);
  return u.pathname === '/robots.txt' && u.search === '';
}

const refusals = new WeakSet<object>();

/** Whether an error is the polite fetcher declining an address that robots.txt disallows, asked for or redirected to (that address was not requested). */
export function isRobotsRefusal(e: unknown): boolean {
  return typeof e === 'object' && e !== null && refusals.has(e);
}

/** The host a request counts against ('' when the address is not http(s)). */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

/** Retry-After as milliseconds to wait: delay-seconds or an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

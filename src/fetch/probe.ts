import type { Readable } from 'node:stream';
import { addressRefusal, guardedLookup, literalAddress } from './address-policy.js';
import type { Fetcher } from './types.js';

/**
 * Does a linked document answer? HEAD first (no body), then GET when HEAD fails or is refused
 * (many servers answer 405 or 404 to HEAD). Redirects are followed up to 5 hops; "answers"
 * means the last status is below 400. Used only by the link-check pre-pass (--check-links).
 */
export async function httpProbe(url: string, options: { timeoutMs: number; userAgent: string }): Promise<boolean> {
  const { Agent, request } = await import('undici');
  // Link-local (cloud metadata) addresses are refused here too: a link in a document is input.
  const agent = new Agent({ connect: { timeout: options.timeoutMs, lookup: guardedLookup(true) } });
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    for (const method of ['HEAD', 'GET'] as const) {
      try {
        if ((await finalStatus(request, agent, url, method, options.userAgent, signal)) < 400) return true;
      } catch {
        if (signal.aborted) return false;
      }
    }
    return false;
  } finally {
    void agent.close().catch(() => undefined);
  }
}

async function finalStatus(
  request: (typeof import('undici'))['request'],
  agent: import('undici').Dispatcher,
  start: string,
  method: 'HEAD' | 'GET',
  userAgent: string,
  signal: AbortSignal,
): Promise<number> {
  let current = new URL(start);
  for (let hop = 0; hop <= 5; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return 999;
    const literal = literalAddress(current);
    if (literal && addressRefusal(literal, true)) return 999;
    const res = await request(current, { dispatcher: agent, method, headers: { 'user-agent': userAgent, accept: '*/*' }, signal });
    // Only the status is wanted: hang up on any body.
    const body = res.body as Readable;
    body.on('error', () => undefined);
    body.destroy();
    const location = res.headers['location'];
    const to = Array.isArray(location) ? location[0] : location;
    if (res.statusCode >= 300 && res.statusCode < 400 && to) {
      current = new URL(to, current);
      continue;
    }
    return res.statusCode;
  }
  return 999;
}

/**
 * A probe built on a Fetcher (GET only; a 4xx/5xx or network failure is thrown by it): for
 * callers that inject a fetcher but no probe, e.g. tests run in-process.
 */
export function fetcherProbe(fetcher: Fetcher): (url: string, options: { timeoutMs: number; userAgent: string }) => Promise<boolean> {
  return async (url, options) => {
    try {
      const res = await fetcher(url, { timeoutMs: options.timeoutMs, userAgent: options.userAgent, maxBytes: 64 * 1024 * 1024 });
      return res.status < 400;
    } catch {
      return false;
    }
  };
}

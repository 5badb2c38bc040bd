import type { Readable } from 'node:stream';
import { addressRefusal, guardedLookup, literalAddress } from './address-policy.js';
import type { Dispatcher } from 'undici';
import { AuditError } from '../errors.js';
import { authorizationFor, type BasicAuth, basicAuthFor } from './auth.js';
import { BodyTooLargeError, readBody } from './body.js';
import { ACCEPT_ENCODING, codingsToUndo, isDecodeError, UnsupportedCodingError } from './decode.js';
import * as say from './messages.js';
import { networkError, type Phase } from './network.js';
import { stripCredentials } from './redact.js';
import type { FetchedResource, Fetcher, FetchOptions } from './types.js';

const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type UndiciClient = { request: (typeof import('undici'))['request']; agent: Dispatcher };
const clients = new Map<boolean, UndiciClient>();

/**
 * undici is imported on first use, not at start-up: importing it up front slows every run
 * (stack-notes.md). One agent per address policy: its DNS lookup refuses addresses the policy
 * forbids, so a name cannot be pointed at a metadata service after the URL was checked.
 */
async function loadUndici(allowPrivate: boolean): Promise<UndiciClient> {
  let client = clients.get(allowPrivate);
  if (!client) {
    const { Agent, request } = await import('undici');
    client = { request, agent: new Agent({ connect: { lookup: guardedLookup(allowPrivate) } }) };
    clients.set(allowPrivate, client);
  }
  return client;
}

/**
 * GETs an http(s) address: follows redirects itself (to record each hop and refuse other
 * schemes), undoes gzip/deflate/br, and enforces one total deadline and a decoded-size cap.
 * Every failure is an AuditError with one sentence the user can act on.
 */
export const httpFetch: Fetcher = async (url, options) => {
  const start = parseHttpUrl(url);
  // Outside the try: a missing or broken undici is a bug to report, not a network failure.
  const client = await loadUndici(options.allowPrivate ?? true);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const state: FetchState = { start, current: start, phase: 'connect', redirects: [] };
  try {
    return await follow(client, state, options, signal);
  } catch (e) {
    throw explain(e, state, options, signal);
  }
};

interface FetchState {
  start: URL;
  current: URL;
  phase: Phase;
  redirects: string[];
}

async function follow(
  { request, agent }: UndiciClient,
  state: FetchState,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<FetchedResource> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let auth: BasicAuth | null = basicAuthFor(state.start);
  for (;;) {
    state.phase = 'connect';
    // An address written as an IP is never looked up, so it is checked here, on every hop.
    const literal = literalAddress(state.current);
    const refused = literal ? addressRefusal(literal, options.allowPrivate ?? true) : null;
    if (refused) throw say.refusedAddress(state.current.host, refused);
    // Then the caller's own say on a redirect target (the polite fetcher checks its robots.txt).
    if (state.redirects.length > 0 && options.beforeRedirect) await options.beforeRedirect(new URL(state.current.href));
    const res = await request(stripCredentials(state.current), {
      dispatcher: agent,
      method: 'GET',
      headers: requestHeaders(options.userAgent, authorizationFor(state.current, auth)),
      signal,
    });
    state.phase = 'body';
    const location = header(res.headers, 'location');

    if (REDIRECT_STATUSES.has(res.statusCode) && location !== null) {
      await discard(res.body);
      if (state.redirects.length >= maxRedirects) throw say.tooManyRedirects(state.start, state.redirects.length);
      const next = resolveRedirect(state.current, location);
      auth = basicAuthFor(next) ?? auth;
      state.current = next;
      state.redirects.push(stripCredentials(next).href);
      continue;
    }
    if (res.statusCode >= 400) {
      await discard(res.body);
      throw say.httpStatusError(state.current, res.statusCode, header(res.headers, 'retry-after'));
    }
    if (res.statusCode >= 300) {
      await discard(res.body);
      throw say.redirectWithoutLocation(state.current, res.statusCode);
    }

    let codings;
    try {
      codings = codingsToUndo(header(res.headers, 'content-encoding'));
    } catch (e) {
      abandon(res.body);
      throw e;
    }
    // Without a coding, Content-Length is the decoded size: refuse before reading anything.
    const declared = Number(header(res.headers, 'content-length') ?? NaN);
    if (codings.length === 0 && declared > options.maxBytes) {
      abandon(res.body);
      throw new BodyTooLargeError(options.maxBytes);
    }
    const bytes = await readBody(res.body, codings, options.maxBytes, signal);
    return {
      bytes,
      contentType: header(res.headers, 'content-type'),
      finalUrl: stripCredentials(state.current).href,
      status: res.statusCode,
      lastModified: header(res.headers, 'last-modified'),
      redirects: state.redirects,
    };
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw say.invalidUrl(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw say.invalidUrl(url);
  return parsed;
}

/** Location may be relative to the address that sent it; only http(s) may be followed. */
function resolveRedirect(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw say.badRedirect(from, location);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw say.redirectToOtherScheme(from, next);
  return next;
}

function requestHeaders(userAgent: string, authorization: string | null): Record<string, string> {
  return {
    'user-agent': userAgent,
    accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8',
    'accept-encoding': ACCEPT_ENCODING,
    ...(authorization ? { authorization } : {}),
  };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Reads a redirect or error body away (up to undici's small limit) so the socket can be reused. */
async function discard(body: Readable & { dump?: () => Promise<void> }): Promise<void> {
  try {
    await body.dump?.();
  } catch {
    // Nothing in it is needed; a broken body here must not hide the real outcome.
  }
}

/**
 * Hangs up on a body we will not read. undici's body emits an 'aborted' error when destroyed;
 * with no listener that would be an uncaught exception and end the process.
 */
function abandon(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function explain(e: unknown, state: FetchState, options: FetchOptions, signal: AbortSignal): AuditError {
  if (e instanceof AuditError) return e;
  if (e instanceof BodyTooLargeError) return say.tooLarge(state.current, options.maxBytes);
  if (signal.aborted) return say.timedOut(state.start, options.timeoutMs);
  if (e instanceof UnsupportedCodingError) return say.unsupportedCoding(state.current, e.coding);
  if (isDecodeError(e)) return say.undecodable(state.current);
  return networkError(state.current, e, state.phase);
}

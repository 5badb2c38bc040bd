import type { Readable } from 'node:stream';
import { addressRefusal, guardedLookup, literalAddress } from './address-policy.js';
import type { Dispatcher } from 'undici';
import { AuditError } from '../errors.js';
import { authorizationFor, type BasicAuth, basicAuthFor } from './auth.js';
import { BodyTooLargeError, readBody } from './body.js';
import { WireDeadline } from './deadline.js';
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
 * Each hop is sent through options.aroundHop. Every failure is an AuditError with one sentence
 * the user can act on.
 */
export const httpFetch: Fetcher = async (url, options) => {
  const start = parseHttpUrl(url);
  // Outside the try: a missing or broken undici is a bug to report, not a network failure.
  const client = await loadUndici(options.allowPrivate ?? true);
  const deadline = new WireDeadline(options.timeoutMs);
  const state: FetchState = { start, current: start, phase: 'connect', redirects: [] };
  try {
    return await follow(client, state, options, deadline);
  } catch (e) {
    throw explain(e, state, options, deadline.signal);
  }
};

interface FetchState {
  start: URL;
  current: URL;
  phase: Phase;
  redirects: string[];
}

/** What one hop came back with: somewhere else to go, or the resource. */
type HopAnswer = { location: string } | { resource: FetchedResource };

const sendNow = <T>(_url: URL, send: () => Promise<T>): Promise<T> => send();

async function follow(client: UndiciClient, state: FetchState, options: FetchOptions, deadline: WireDeadline): Promise<FetchedResource> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const aroundHop = options.aroundHop ?? sendNow;
  let auth: BasicAuth | null = basicAuthFor(state.start);
  for (;;) {
    state.phase = 'connect';
    // An address written as an IP is never looked up, so it is checked here, on every hop.
    const literal = literalAddress(state.current);
    const refused = literal ? addressRefusal(literal, options.allowPrivate ?? true) : null;
    if (refused) throw say.refusedAddress(state.current.host, refused);
    // Then the caller's own say on a redirect target (the polite fetcher checks its robots.txt).
    // Both run between hops, while this fetch holds no connection slot.
    if (state.redirects.length > 0 && options.beforeRedirect) await options.beforeRedirect(new URL(state.current.href));
    const authorization = authorizationFor(state.current, auth);
    // The hop is over once its answer is read or discarded: a redirect gives its slot back
    // before the next hop asks for one, so it never waits for a slot while holding another.
    const answer = await aroundHop(new URL(state.current.href), () =>
      deadline.run(() => sendHop(client, state, authorization, options, deadline.signal)),
    );
    if ('resource' in answer) return answer.resource;
    if (state.redirects.length >= maxRedirects) throw say.tooManyRedirects(state.start, state.redirects.length);
    const next = resolveRedirect(state.current, answer.location);
    auth = basicAuthFor(next) ?? auth;
    state.current = next;
    state.redirects.push(stripCredentials(next).href);
  }
}

/** Sends one request to state.current and reads its body (or discards it, for a redirect or an error). */
async function sendHop(
  { request, agent }: UndiciClient,
  state: FetchState,
  authorization: string | null,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<HopAnswer> {
  const res = await request(stripCredentials(state.current), {
    dispatcher: agent,
    method: 'GET',
    headers: requestHeaders(options.userAgent, authorization),
    signal,
  });
  state.phase = 'body';
  const location = header(res.headers, 'location');

  if (REDIRECT_STATUSES.has(res.statusCode) && location !== null) {
    await discard(res.body);
    return { location };
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
    resource: {
      bytes,
      contentType: header(res.headers, 'content-type'),
      finalUrl: stripCredentials(state.current).href,
      status: res.statusCode,
      lastModified: header(res.headers, 'last-modified'),
      contentDisposition: header(res.headers, 'content-disposition'),
      redirects: state.redirects,
    },
  };
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

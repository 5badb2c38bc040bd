import { AuditError } from '../errors.js';
import { redactText, redactUrl } from './redact.js';

/** Plain words for socket, DNS, TLS and HTTP-parser failures, by Node/undici error code. */
const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host was found',
  EAI_AGAIN: 'the name could not be looked up (DNS did not answer)',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  UND_ERR_SOCKET: 'the server closed the connection',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no response',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the response was not the length the server announced',
  CERT_HAS_EXPIRED: 'its security certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its security certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its security certificate is for a different address',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate could not be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its security certificate could not be verified',
  EPROTO: 'the secure connection failed',
};

/** Where the failure happened: before the response headers, or while reading the body. */
export type Phase = 'connect' | 'body';

export function networkError(url: URL, e: unknown, phase: Phase): AuditError {
  const cause = describeCause(e);
  const message =
    phase === 'connect'
      ? `Could not connect to ${url.host}: ${cause}. Check the address or try again later.`
      : `The connection to ${url.host} broke while downloading ${redactUrl(url)}: ${cause}. Try again later.`;
  return new AuditError('fetch', message, { cause: e, ...(phase === 'connect' ? { unreachable: cause } : {}) });
}

function describeCause(e: unknown): string {
  const code = errorCode(e);
  if (code && CAUSES[code]) return CAUSES[code];
  if (code?.startsWith('HPE_')) return 'the server sent a response that is not valid HTTP';
  if (code?.startsWith('ERR_SSL_')) return 'the secure connection failed';
  // Unknown: the library's own words, with any credentials hidden, and no trailing full stop.
  const text = e instanceof Error ? e.message : String(e);
  return redactText(text).replace(/[.\s]+$/, '') || 'an unknown network error';
}

/** The code may sit on the error, its cause, or (Happy Eyeballs) the first of an AggregateError. */
function errorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown }; errors?: Array<{ code?: unknown }> } | null;
  for (const code of [err?.code, err?.cause?.code, err?.errors?.[0]?.code]) {
    if (typeof code === 'string') return code;
  }
  return undefined;
}

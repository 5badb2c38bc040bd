/**
 * An error the user can act on: one plain sentence saying what went wrong and what to try.
 * The CLI prints `message` on one line and exits with code 2; no stack trace unless --debug.
 */
export type AuditErrorCode =
  | 'usage' // bad arguments
  | 'not-found' // missing local file
  | 'fetch' // network failure, HTTP error status, deadline, byte cap
  | 'unsupported' // not a document we can read
  | 'unreadable' // empty, truncated, encrypted or corrupt file
  | 'rules'; // bad rule or config file

export class AuditError extends Error {
  override readonly name = 'AuditError';
  /** The HTTP status when the server answered with an error status (the polite fetcher retries 429/503). */
  readonly httpStatus: number | undefined;
  /** The Retry-After header sent with that status, unparsed. */
  readonly retryAfter: string | undefined;
  /**
   * Why the server could not be reached at all (no answer: DNS, refused, TLS), in plain words;
   * unset once a server answered. Lets a caller try another address for the same site.
   */
  readonly unreachable: string | undefined;
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    options?: { cause?: unknown; httpStatus?: number; retryAfter?: string; unreachable?: string },
  ) {
    super(message, options);
    this.httpStatus = options?.httpStatus;
    this.retryAfter = options?.retryAfter;
    this.unreachable = options?.unreachable;
  }
}

export function isAuditError(e: unknown): e is AuditError {
  return e instanceof AuditError;
}

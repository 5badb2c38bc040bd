/** What the fetch stage hands on: raw bytes plus the facts about where they came from. */
export interface FetchedResource {
  /** The decoded (decompressed) body, never more than FetchOptions.maxBytes. */
  bytes: Uint8Array;
  /** The Content-Type header as sent, or null; the bytes decide the format in the end. */
  contentType: string | null;
  /** The address the bytes came from after redirects, without any user:password part. */
  finalUrl: string;
  status: number;
  /** The Last-Modified header as sent (unparsed), or null. */
  lastModified: string | null;
  /** The Content-Disposition header as sent (a download's file name), or null; absent from fetchers that have none. */
  contentDisposition?: string | null;
  /** Each address redirected to, in order (no credentials); the last one equals finalUrl. */
  redirects: string[];
}

export interface FetchOptions {
  /**
   * Total deadline for the whole fetch: connect, headers, every redirect and the whole body.
   * Only time on the wire counts: waiting between hops (in `aroundHop` for a turn to send, or for
   * `beforeRedirect`) does not.
   */
  timeoutMs: number;
  /** Largest decoded body accepted, in bytes. */
  maxBytes: number;
  userAgent: string;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /**
   * Whether loopback and private-network addresses may be fetched (default true: a single
   * audit may read a draft on the intranet; batch runs pass false unless --allow-private).
   * Link-local addresses (cloud metadata) are refused either way.
   */
  allowPrivate?: boolean;
  /**
   * Called with each redirect target (after the address policy allows it) before it is
   * requested; what it throws ends the fetch. The polite fetcher checks the target's robots.txt
   * here. Only the http fetcher knows redirects; other fetchers ignore it.
   */
  beforeRedirect?: (next: URL) => Promise<void>;
  /**
   * Wraps each request sent, the first and every redirect hop: `send` connects, sends, and reads
   * or discards that hop's body, and its promise settles once the connection is done with. The
   * polite fetcher runs `send` in a connection slot of `url`'s host, so a redirect counts against
   * the host it goes to and no slot is held between hops. A fetcher that puts requests on the
   * wire must call it for each one; other fetchers ignore it.
   */
  aroundHop?: <T>(url: URL, send: () => Promise<T>) => Promise<T>;
}

export type Fetcher = (url: string, options: FetchOptions) => Promise<FetchedResource>;

export interface LocalFile {
  bytes: Uint8Array;
  /** The path as given, used in messages and to guess the format from the extension. */
  name: string;
  modified: Date | null;
}

export interface FileReadOptions {
  /** Refuse a file larger than this (--max-bytes), as a download would be. */
  maxBytes?: number;
}

export type FileReader = (path: string, options?: FileReadOptions) => Promise<LocalFile>;

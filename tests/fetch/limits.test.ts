import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { failure, options, timed } from './support.js';

const MB = 1024 * 1024;
// 50 MB of zeros gzips to about 50 KB: small on the wire, huge once inflated.
const BOMB = gzipSync(Buffer.alloc(50 * MB));

/** Writes chunks for as long as the client reads them; resolves `closed` when the client hangs up. */
function endless(res: ServerResponse, chunk: Buffer, onClose: () => void): void {
  res.on('close', onClose);
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

let server: TestServer;
let endlessClosed: Promise<void>;
let markEndlessClosed: () => void = () => {};

beforeAll(async () => {
  server = await startServer({
    '/bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': BOMB.length });
      res.end(BOMB);
    },
    '/big': (_req, res) => {
      // No Content-Length (chunked), so only the byte count while reading can catch it.
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.alloc(2 * MB, 0x41));
    },
    '/exactly-1mb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.alloc(MB, 0x41));
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      endless(res, Buffer.alloc(64 * 1024, 0x41), markEndlessClosed);
    },
    '/claims-huge': (_req, res) => {
      // Announces 50 MB and then sends nothing: only the Content-Length check answers at once.
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(50 * MB) });
      res.flushHeaders();
    },
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('x'), 100);
      res.on('close', () => clearInterval(timer));
    },
    '/silent': () => {
      // Never answers: no headers at all.
    },
    '/slow-redirect': (_req, res) => {
      setTimeout(() => {
        res.writeHead(302, { location: '/drip' });
        res.end();
      }, 300);
    },
  });
});
afterAll(() => server.close());

describe('httpFetch: byte cap (--max-bytes)', () => {
  it('stops a gzip bomb at the cap on the decompressed bytes, quickly', async () => {
    const { ms, result } = await timed(() => httpFetch(server.url('/bomb'), options({ maxBytes: MB })));
    expect(result.status).toBe('rejected');
    const err = (result as PromiseRejectedResult).reason;
    expect(err.code).toBe('fetch');
    expect(err.message).toMatch(/ is larger than 1 MB \(--max-bytes\); /);
    expect(ms).toBeLessThan(2_000);
  });

  it('rejects a plain body over the cap while reading it', async () => {
    const err = await failure(httpFetch(server.url('/big'), options({ maxBytes: MB })));
    expect(err.message).toBe(
      `${server.url('/big')} is larger than 1 MB (--max-bytes); if it really is the report, raise the limit, e.g. --max-bytes 50MB.`,
    );
  });

  it('accepts a body of exactly the cap', async () => {
    const res = await httpFetch(server.url('/exactly-1mb'), options({ maxBytes: MB }));
    expect(res.bytes.length).toBe(MB);
  });

  it('hangs up on an endless body so the server stops sending', async () => {
    endlessClosed = new Promise((resolve) => (markEndlessClosed = resolve));
    const err = await failure(httpFetch(server.url('/endless'), options({ maxBytes: MB })));
    expect(err.message).toMatch(/larger than 1 MB/);
    // Resolves only if the client destroyed the stream; merely not reading would leave it open.
    await expect(Promise.race([endlessClosed.then(() => 'closed'), sleep(2_000).then(() => 'still open')])).resolves.toBe('closed');
  });

  it('refuses at once when Content-Length is over the cap, without waiting for the body', async () => {
    const { ms, result } = await timed(() => httpFetch(server.url('/claims-huge'), options({ maxBytes: MB, timeoutMs: 3_000 })));
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason.message).toMatch(/larger than 1 MB/);
    expect(ms).toBeLessThan(1_500);
  });

  it('words small caps in KB', async () => {
    const err = await failure(httpFetch(server.url('/big'), options({ maxBytes: 512 * 1024 })));
    expect(err.message).toMatch(/larger than 512 KB/);
  });
});

describe('httpFetch: total deadline (--timeout)', () => {
  it('gives up on a server dripping bytes past the deadline, though it is never idle', async () => {
    const { ms, result } = await timed(() => httpFetch(server.url('/drip'), options({ timeoutMs: 500 })));
    expect(result.status).toBe('rejected');
    const err = (result as PromiseRejectedResult).reason;
    expect(err.code).toBe('fetch');
    expect(err.message).toBe(
      `Gave up on ${server.url('/drip')} after 0.5 s (--timeout). The server is too slow; try again later or raise --timeout.`,
    );
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(2_000);
  });

  it('gives up on a server that never sends headers', async () => {
    const { ms, result } = await timed(() => httpFetch(server.url('/silent'), options({ timeoutMs: 500 })));
    expect((result as PromiseRejectedResult).reason.message).toMatch(/^Gave up on .* after 0\.5 s \(--timeout\)/);
    expect(ms).toBeLessThan(2_000);
  });

  it('counts the deadline across redirects and names the address the user gave', async () => {
    const { ms, result } = await timed(() => httpFetch(server.url('/slow-redirect'), options({ timeoutMs: 700 })));
    expect((result as PromiseRejectedResult).reason.message).toMatch(
      new RegExp(`^Gave up on ${escape(server.url('/slow-redirect'))} after 0\\.7 s`),
    );
    expect(ms).toBeLessThan(2_000);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

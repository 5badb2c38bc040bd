import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { failure, options, UA } from './support.js';

const PAGE = '<html><head><title>SEN information report</title></head><body><h1>SEN</h1></body></html>';
const LAST_MODIFIED = 'Wed, 01 Oct 2025 09:30:00 GMT';

let server: TestServer;
let lastHeaders: IncomingHttpHeaders = {};

beforeAll(async () => {
  server = await startServer({
    '/report.html': (req, res) => {
      lastHeaders = req.headers;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'last-modified': LAST_MODIFIED });
      res.end(PAGE);
    },
    '/empty': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end();
    },
    '/forbidden': (_req, res) => {
      res.writeHead(403);
      res.end('no');
    },
    '/broken': (_req, res) => {
      res.writeHead(503);
      res.end('down');
    },
  });
});
afterAll(() => server.close());

describe('httpFetch: a plain page', () => {
  it('returns the bytes, Content-Type, Last-Modified, status and final URL', async () => {
    const res = await httpFetch(server.url('/report.html'), options());
    expect(new TextDecoder().decode(res.bytes)).toBe(PAGE);
    expect(res).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      lastModified: LAST_MODIFIED,
      status: 200,
      finalUrl: server.url('/report.html'),
      redirects: [],
    });
  });

  it('returns a plain Uint8Array, not a Buffer (pdfjs refuses Buffers)', async () => {
    const res = await httpFetch(server.url('/report.html'), options());
    expect(Buffer.isBuffer(res.bytes)).toBe(false);
    expect(res.bytes).toBeInstanceOf(Uint8Array);
  });

  it('gives null for headers the server did not send, and empty bytes for an empty body', async () => {
    const res = await httpFetch(server.url('/empty'), options());
    expect(res.bytes.length).toBe(0);
    expect(res.lastModified).toBeNull();
  });

  it('sends exactly the User-Agent given, and asks for gzip, deflate and br', async () => {
    await httpFetch(server.url('/report.html'), options());
    expect(lastHeaders['user-agent']).toBe(UA);
    expect(lastHeaders['accept-encoding']).toBe('gzip, deflate, br');
    expect(lastHeaders.authorization).toBeUndefined();
  });
});

describe('httpFetch: error statuses', () => {
  it('a 404 is a fetch error naming the status and the address, on one line', async () => {
    const err = await failure(httpFetch(server.url('/no-such-page'), options()));
    expect(err.code).toBe('fetch');
    expect(err.message).toBe(`Could not fetch ${server.url('/no-such-page')}: HTTP 404 Not Found. Check the address in a browser.`);
    expect(err.message).not.toContain('\n');
  });

  it('a 403 says access was refused', async () => {
    const err = await failure(httpFetch(server.url('/forbidden'), options()));
    expect(err.message).toMatch(/HTTP 403 Forbidden\. The server refused access/);
  });

  it('a 503 says to try again later', async () => {
    const err = await failure(httpFetch(server.url('/broken'), options()));
    expect(err.message).toMatch(/HTTP 503 Service Unavailable\. .*try again later/);
  });
});

describe('httpFetch: addresses it will not fetch', () => {
  it('refuses a non-http scheme before touching the network', async () => {
    const err = await failure(httpFetch('ftp://127.0.0.1/report.pdf', options()));
    expect(err.code).toBe('usage');
  });

  it('refuses an address that does not parse', async () => {
    const err = await failure(httpFetch('http://', options()));
    expect(err.code).toBe('usage');
  });
});

import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { failure, options } from './support.js';

const TEXT = '<html><body><h1>SEN information report</h1><p>Our SENCO is Ms Ada Lovelace.</p></body></html>'.repeat(50);
const BODY = Buffer.from(TEXT);

let server: TestServer;

function encoded(encoding: string, bytes: Buffer): Parameters<typeof startServer>[0][string] {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding });
    res.end(bytes);
  };
}

beforeAll(async () => {
  server = await startServer({
    '/gzip': encoded('gzip', gzipSync(BODY)),
    '/x-gzip': encoded('x-gzip', gzipSync(BODY)),
    '/deflate': encoded('deflate', deflateSync(BODY)),
    '/raw-deflate': encoded('deflate', deflateRawSync(BODY)),
    '/br': encoded('br', brotliCompressSync(BODY)),
    '/layered': encoded('deflate, gzip', gzipSync(deflateSync(BODY))),
    '/identity': encoded('identity', BODY),
    '/truncated': encoded('gzip', gzipSync(BODY).subarray(0, -8)),
    '/not-gzip': encoded('gzip', Buffer.from('this was never gzipped')),
    '/zstd': encoded('zstd', Buffer.from('whatever')),
    '/empty-gzip': encoded('gzip', Buffer.alloc(0)),
  });
});
afterAll(() => server.close());

describe('httpFetch: content codings', () => {
  for (const path of ['/gzip', '/x-gzip', '/deflate', '/raw-deflate', '/br', '/layered', '/identity']) {
    it(`decodes ${path.slice(1)}`, async () => {
      const res = await httpFetch(server.url(path), options());
      expect(new TextDecoder().decode(res.bytes)).toBe(TEXT);
    });
  }

  it('keeps what arrived of a gzip body cut short before its trailer, as browsers do', async () => {
    const res = await httpFetch(server.url('/truncated'), options());
    expect(new TextDecoder().decode(res.bytes)).toBe(TEXT);
  });

  it('an empty body marked gzip is just empty', async () => {
    const res = await httpFetch(server.url('/empty-gzip'), options());
    expect(res.bytes.length).toBe(0);
  });

  it('says plainly when the body is not what the coding claims', async () => {
    const err = await failure(httpFetch(server.url('/not-gzip'), options()));
    expect(err.code).toBe('fetch');
    expect(err.message).toMatch(/was sent compressed but could not be decompressed/);
  });

  it('names a coding it was never asked for', async () => {
    const err = await failure(httpFetch(server.url('/zstd'), options()));
    expect(err.message).toMatch(/was sent compressed as "zstd", which senaudit cannot decompress/);
  });
});

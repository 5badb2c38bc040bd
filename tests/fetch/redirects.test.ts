import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { failure, options } from './support.js';

function redirect(res: ServerResponse, location: string, status = 302): void {
  res.writeHead(status, { location, 'content-type': 'text/html' });
  res.end(`<a href="${location}">moved</a>`);
}

// /hop/N redirects to /hop/N-1; /hop/0 is the page. So /hop/N takes exactly N redirects.
const HOPS = 7;

let server: TestServer;

beforeAll(async () => {
  const routes: Parameters<typeof startServer>[0] = {
    '/old': (_req, res) => redirect(res, server.url('/middle'), 301),
    '/middle': (_req, res) => redirect(res, server.url('/final'), 307),
    '/final': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('final page');
    },
    '/school/send/old.html': (_req, res) => redirect(res, '../info/report.html'),
    '/school/info/report.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('relative ok');
    },
    '/to-ftp': (_req, res) => redirect(res, 'ftp://127.0.0.1/report.pdf'),
    '/to-file': (_req, res) => redirect(res, 'file:///etc/passwd'),
    '/no-location': (_req, res) => {
      res.writeHead(302);
      res.end();
    },
    '/loop': (_req, res) => redirect(res, '/loop'),
  };
  for (let n = 0; n <= HOPS; n++) {
    routes[`/hop/${n}`] = (_req, res) => {
      if (n > 0) return redirect(res, `/hop/${n - 1}`);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('arrived');
    };
  }
  server = await startServer(routes);
});
afterAll(() => server.close());

describe('httpFetch: redirects', () => {
  it('follows a chain of two and records each hop; the last hop is the final URL', async () => {
    const res = await httpFetch(server.url('/old'), options());
    expect(new TextDecoder().decode(res.bytes)).toBe('final page');
    expect(res.finalUrl).toBe(server.url('/final'));
    expect(res.redirects).toEqual([server.url('/middle'), server.url('/final')]);
    expect(res.status).toBe(200);
  });

  it('resolves a relative Location against the address that sent it', async () => {
    const res = await httpFetch(server.url('/school/send/old.html'), options());
    expect(res.finalUrl).toBe(server.url('/school/info/report.html'));
    expect(new TextDecoder().decode(res.bytes)).toBe('relative ok');
  });

  it('follows exactly 5 by default', async () => {
    const res = await httpFetch(server.url('/hop/5'), options());
    expect(res.redirects).toHaveLength(5);
    expect(res.finalUrl).toBe(server.url('/hop/0'));
  });

  it('gives up on the 6th redirect with a fetch error', async () => {
    const err = await failure(httpFetch(server.url('/hop/6'), options()));
    expect(err.code).toBe('fetch');
    expect(err.message).toBe(
      `Gave up on ${server.url('/hop/6')}: followed 5 redirects without reaching a page; check the address in a browser.`,
    );
  });

  it('ends a redirect loop at the limit', async () => {
    const err = await failure(httpFetch(server.url('/loop'), options()));
    expect(err.message).toMatch(/followed 5 redirects/);
  });

  it('honours maxRedirects', async () => {
    await expect(httpFetch(server.url('/hop/2'), options({ maxRedirects: 2 }))).resolves.toMatchObject({ redirects: [server.url('/hop/1'), server.url('/hop/0')] });
    const err = await failure(httpFetch(server.url('/hop/2'), options({ maxRedirects: 1 })));
    expect(err.message).toMatch(/followed 1 redirect without/);
    const none = await failure(httpFetch(server.url('/hop/1'), options({ maxRedirects: 0 })));
    expect(none.message).toMatch(/followed 0 redirects/);
  });

  it('refuses a redirect to ftp:', async () => {
    const err = await failure(httpFetch(server.url('/to-ftp'), options()));
    expect(err.code).toBe('fetch');
    expect(err.message).toMatch(/redirected to ftp:\/\/127\.0\.0\.1\/report\.pdf, which is not an http or https address/);
  });

  it('refuses a redirect to file:', async () => {
    const err = await failure(httpFetch(server.url('/to-file'), options()));
    expect(err.message).toMatch(/redirected to file:\/\/\/etc\/passwd, which is not an http or https address/);
  });

  it('a redirect status with no Location is an error, not an empty page', async () => {
    const err = await failure(httpFetch(server.url('/no-location'), options()));
    expect(err.message).toMatch(/HTTP 302 Found without an address to go to/);
  });
});

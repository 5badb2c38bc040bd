// Hostile and broken servers (issue #6), on loopback, through the real CLI: each is refused in one
// plain line with exit 2 (no stack trace, no crash, nothing on stdout), or audited when the
// bytes are fine whatever the headers say. tests/fetch/* check httpFetch itself on the same shapes.
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { expectAudited, expectRefused } from './support.js';

const MB = 1024 * 1024;
const PAGE = '<!DOCTYPE html><html><body><main><h1>SEN Information Report</h1><p>Our SENCO is Mrs Jo Bell, who you can contact at senco@example.sch.uk or on 01632 960123.</p></main></body></html>';
// 50 MB of page once inflated, a few KB on the wire.
const inflated = Buffer.alloc(50 * MB, 'SEN provision. ');
const GZIP_BOMB = gzipSync(inflated, { level: 9 });
const BROTLI_BOMB = brotliCompressSync(inflated, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
const SECRET = 'hunter2-secret';

let server: TestServer;
let deadPort: number;
let dripClosed: Promise<void>;
const redirect = (location: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(302, { location });
  res.end();
};

beforeAll(async () => {
  let markDripClosed!: () => void;
  dripClosed = new Promise((resolve) => (markDripClosed = resolve));
  const pdf = await makePdf([{ heading: 'SEN Information Report', paragraphs: ['Our SENCO is Mrs Jo Bell, who you can contact at senco@example.sch.uk.'] }]);
  server = await startServer({
    '/loop': redirect('/loop'),
    '/to-javascript': redirect('javascript:alert(1)'),
    '/to-data': redirect('data:text/html,<h1>hi</h1>'),
    '/to-ftp': redirect('ftp://files.example.org/report.pdf'),
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(GZIP_BOMB);
    },
    '/brotli-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
      res.end(BROTLI_BOMB);
    },
    '/drip': (_req, res) => {
      // One byte a second, for ever: never idle long enough for an idle timeout.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<');
      const timer = setInterval(() => res.write('p'), 1000);
      res.on('close', () => {
        clearInterval(timer);
        markDripClosed();
      });
    },
    '/reset': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(PAGE.length * 10) });
      res.write(PAGE);
      setTimeout(() => res.socket?.resetAndDestroy(), 50);
    },
    '/pdf-as-html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pdf);
    },
    '/html-as-png': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PAGE);
    },
    '/private': (req, res) => {
      const expected = `Basic ${Buffer.from(`admin:${SECRET}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="staff"' });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    },
    '/to-private-with-credentials': (_req, res) => {
      res.writeHead(302, { location: server.url('/nowhere').replace('http://', `http://admin:${SECRET}@`) });
      res.end();
    },
  });
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadPort = (probe.address() as import('node:net').AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => server.close());

describe.concurrent('servers that are refused in one line', () => {
  test('a redirect loop ends at the redirect limit', () => expectRefused(['audit', server.url('/loop')], /followed 5 redirects without reaching a page/));

  test.each(['/to-javascript', '/to-data', '/to-ftp'])('a redirect to a non-http(s) scheme (%s)', async (path) => {
    await expectRefused(['audit', server.url(path)], /which is not an http or https address/);
  });

  test.each(['/gzip-bomb', '/brotli-bomb'])('%s stops at the cap on decompressed bytes', async (path) => {
    const started = Date.now();
    await expectRefused(['audit', server.url(path), '--max-bytes', '2MB'], /is larger than 2 MB \(--max-bytes\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a server dripping one byte a second meets the total deadline, and is hung up on', async () => {
    const started = Date.now();
    await expectRefused(['audit', server.url('/drip'), '--timeout', '2'], /Gave up on .*\/drip after 2 s \(--timeout\)/);
    expect(Date.now() - started).toBeLessThan(8_000);
    await dripClosed;
  });

  test('a connection reset half way through the body', () =>
    expectRefused(['audit', server.url('/reset')], /The connection to 127\.0\.0\.1:\d+ broke while downloading .*\/reset: (the connection was reset|the server closed the connection)/));

  test('a dead port', () => expectRefused(['audit', `http://127.0.0.1:${deadPort}/report`], /Could not connect to 127\.0\.0\.1:\d+: connection refused/));
});

describe.concurrent('a wrong Content-Type: the bytes decide', () => {
  test('a PDF sent as text/html is audited as a PDF', async () => {
    const report = await expectAudited(['audit', server.url('/pdf-as-html')]);
    expect(report.document.pages).toBe(1);
  });

  test('a web page sent as image/png is audited as a web page', async () => {
    const report = await expectAudited(['audit', server.url('/html-as-png')]);
    expect(report.results.find((r) => r.id === 'senco-contact')?.status).toBe('met');
  });
});

describe.concurrent('credentials in the address are used, never printed or written out', () => {
  const withCredentials = (path: string) => server.url(path).replace('http://', `http://admin:${SECRET}@`);

  test('an audit that succeeds: the JSON and text reports show *** instead', async () => {
    for (const format of ['json', 'text']) {
      const r = await runCli(['audit', withCredentials('/private'), '--format', format, '--as-of', '2026-11-01']);
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
      if (format === 'json') expect(JSON.parse(r.stdout).target).toBe(server.url('/private').replace('http://', 'http://***@'));
      expect(r.stdout).not.toContain(SECRET);
      expect(r.stdout).not.toContain('admin:');
    }
  });

  test.each([
    ['an error status', () => withCredentials('/missing'), /HTTP 404/],
    ['a dead port', () => `http://admin:${SECRET}@127.0.0.1:${deadPort}/`, /connection refused/],
    ['a redirect to an address with other credentials', () => server.url('/to-private-with-credentials'), /HTTP 404/],
  ])('an audit that fails on %s: not in the message, nor with --debug', async (_what, target, message) => {
    const r = await expectRefused(['audit', target()], message);
    expect(r.stderr).not.toContain(SECRET);
    const debug = await runCli(['audit', target(), '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).not.toContain(SECRET);
  });
});

// Hostile and broken HTML (issue #6), served by a loopback server and audited by the real CLI,
// plus the extractor itself on nesting far past anything a real page has.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractHtml } from '../../src/extract/html.js';
import { limitDepth, MAX_DEPTH } from '../../src/extract/html-depth.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { expectAudited, expectRefused } from './support.js';

const MB = 1024 * 1024;
const SENCO = 'Our SENCO is Ms Zoë O’Neill, who you can contact at senco@example.sch.uk or on 01632 960123.';
const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}<title>SEN Information Report</title></head><body><main><h1>SEN Information Report</h1>${body}</main></body></html>`;

/** `open` nested `depth` times around the report's text. */
const nested = (open: string, depth: number) => page(`${open.repeat(depth)}<p>${SENCO}</p>`);

let server: TestServer;
let bigSent = 0;
let bigClosed: Promise<void>;
const send = (type: string | null, body: Buffer | string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, type ? { 'content-type': type } : {});
  res.end(body);
};

beforeAll(async () => {
  let markBigClosed!: () => void;
  bigClosed = new Promise((resolve) => (markBigClosed = resolve));
  const utf16 = (encoding: 'utf16le' | 'utf16be') => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(`<p>${SENCO}</p>`), 'utf16le')]);
    if (encoding === 'utf16le') return le;
    const be = Buffer.from(le); // swap each pair: FF FE -> FE FF and every code unit to big-endian
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    return be;
  };
  server = await startServer({
    '/50mb.html': (_req, res) => {
      // 50 MB of a real-looking page, chunked (no Content-Length), written only as fast as it is read.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.on('close', markBigClosed);
      res.write(page(''));
      const chunk = Buffer.from(`<p>${SENCO}</p>\n`.repeat(600));
      const pump = (): void => {
        while (!res.destroyed && bigSent < 50 * MB) {
          bigSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    },
    '/deep.html': send('text/html; charset=utf-8', nested('<ul><li>', 10_000)),
    '/binary.html': send('text/html', randomBytes(64 * 1024)),
    '/no-text.html': send('text/html', '<!DOCTYPE html><html><head><script>document.write("x")</script><style>p{}</style></head><body><nav><a href="/"> </a></nav><img src="r.png" alt=""><div>   </div></body></html>'),
    '/utf16le.html': send('text/html', utf16('utf16le')),
    // The header even claims UTF-8: the byte order mark wins, as in browsers.
    '/utf16be.html': send('text/html; charset=utf-8', utf16('utf16be')),
    // Declares UTF-8 in a <meta> tag but sends windows-1252 bytes (ë is 0xEB, ’ is 0x92).
    '/says-utf8-sends-1252.html': send(null, Buffer.from(page(`<p>${SENCO.replace('’', '\x92')}</p>`, '<meta charset="utf-8">'), 'latin1')),
    // A PDF-ish name and type, but the bytes are a web page: the bytes decide.
    '/report.pdf': send('application/pdf', page(`<p>${SENCO}</p>`)),
  });
});
afterAll(() => server.close());

/** The quotes the JSON report gives as evidence for the SENCO rule. */
function sencoEvidence(stdoutJson: unknown): string {
  return JSON.stringify((stdoutJson as { results: { id: string }[] }).results.find((r) => r.id === 'senco-contact'));
}

describe.concurrent('HTML over HTTP', () => {
  test('a 50 MB page stops at the byte cap on the bytes read, and the server is hung up on', async () => {
    await expectRefused(['audit', server.url('/50mb.html')], /is larger than 20 MB \(--max-bytes\)/);
    await bigClosed;
    expect(bigSent).toBeLessThan(30 * MB);
  });

  test('10,000-deep nesting is audited quickly; the report says the deeper tags were ignored', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const report = await expectAudited(['audit', server.url('/deep.html')]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.document.warnings.join('\n')).toMatch(new RegExp(`nests elements more than ${MAX_DEPTH} deep; \\d+ deeper tags were ignored`));
    expect(report.results.find((r) => r.id === 'senco-contact')?.status).toBe('met');
  });

  test('binary bytes served as text/html are refused as not a document', () =>
    expectRefused(['audit', server.url('/binary.html')], /is not an HTML page, PDF, Word \(\.docx\) or text file/));

  test('a page with no text at all is refused, not reported as 26 gaps', () => expectRefused(['audit', server.url('/no-text.html')], /has no readable text/));

  test.each(['/utf16le.html', '/utf16be.html'])('a UTF-16 page with a byte order mark (%s) is read as UTF-16', async (path) => {
    const { runCli } = await import('../helpers/cli.js');
    const r = await runCli(['audit', server.url(path), '--format', 'json', '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    expect(sencoEvidence(JSON.parse(r.stdout))).toContain('Zoë O’Neill');
  });

  test('a page declaring UTF-8 and sending windows-1252 is read as windows-1252', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const r = await runCli(['audit', server.url('/says-utf8-sends-1252.html'), '--format', 'json', '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    expect(sencoEvidence(JSON.parse(r.stdout))).toContain('Zoë O’Neill');
  });

  test('a web page sent as application/pdf is audited as the web page it is', async () => {
    const report = await expectAudited(['audit', server.url('/report.pdf')]);
    expect(report.results.find((r) => r.id === 'senco-contact')?.status).toBe('met');
  });
});

describe('nesting far past any real page (no stack overflow, no quadratic parse)', () => {
  test.each([
    ['<div>', 100_000],
    ['<ul><li>', 20_000],
    ['<table><tr><td>', 20_000],
    ['<span><b><i>', 30_000],
  ])('%s nested %i deep is extracted in bounded time, text kept', { timeout: 30_000 }, async (open, depth) => {
    const started = Date.now();
    const doc = await extractHtml(nested(open, depth), null);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(doc.blocks.map((b) => b.text)).toContain(SENCO);
  });

  test('limitDepth is linear: 20 MB of open tags in well under a second a MB', () => {
    const html = '<div class="x">'.repeat(1_400_000); // ~21 MB
    const started = Date.now();
    const { dropped } = limitDepth(html);
    expect(dropped).toBe(1_400_000 - MAX_DEPTH);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('limitDepth leaves ordinary pages exactly as they are', () => {
    const ordinary = page(`<div><ul><li>One<li>Two</ul><table><tr><td>a<td>b</table><script>if (a < b && "<div>") x()</script><!-- <div> --></div>`);
    expect(limitDepth(ordinary)).toEqual({ html: ordinary, dropped: 0 });
  });

  test('limitDepth drops the deep start tags and their end tags only', () => {
    expect(limitDepth('<div><div><div>x</div></div></div><p>after</p>', 2)).toEqual({ html: '<div><div>x</div></div><p>after</p>', dropped: 1 });
    expect(limitDepth('<div><p>a<section title="a>b">b</section></div>', 1)).toEqual({ html: '<div><p>ab</div>', dropped: 1 });
  });
});

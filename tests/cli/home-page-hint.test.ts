// A home page or a page of links audited without --discover (issue #18): it is not judged as the
// report without a word; the output says what it looks like, names the link that looks like the
// report, and gives the --discover command. The real CLI, spawned, against 127.0.0.1.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportHtml } from '../batch/report-text.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
const html = (body: string) => (_req: unknown, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const links = (pairs: [string, string][]) => pairs.map(([text, href]) => `<li><a href="${href}">${text}</a></li>`).join('');

beforeAll(async () => {
  const home = `<!doctype html><html><head><title>Kestrel Rise Primary School</title></head><body><main><h1>Welcome to Kestrel Rise</h1><ul>${links([
    ['Parents', '/parents'], ['Curriculum', '/curriculum'], ['Policies', '/policies'], ['SEN Information Report', '/send/sen-information-report'],
    ['Term dates', '/term-dates'], ['Clubs', '/clubs'],
  ])}</ul><p>Our school is a happy place to learn.</p></main></body></html>`;
  // A SEND landing page of many documents: over 250 words, nearly all of them link names.
  const documents: [string, string][] = Array.from({ length: 30 }, (_, i) => [`Anyshire guidance leaflet number ${i + 1} for families and carers`, `/docs/leaflet-${i + 1}.pdf`]);
  documents.push(['Our SEND Information Report 2026 to 2027', '/docs/send-information-report-2026.pdf']);
  const landing = `<!doctype html><html><head><title>SEND</title></head><body><main><h1>Special educational needs</h1><p>Documents for families.</p><ul>${links(documents)}</ul></main></body></html>`;
  server = await startServer({
    '/': html(home),
    '/send': html(landing),
    '/report': html(reportHtml('Kestrel Rise Primary School')),
  });
});
afterAll(() => server.close());

test('a home page: what it looks like, the link that looks like the report, and the --discover command', async () => {
  const url = server.url('/');
  const r = await runCli(['audit', url, '--as-of', '2026-11-01']);
  expect(r.stdout).toContain('This looks like a page that links to the SEN information report rather than the report itself.');
  expect(r.stderr).toBe(
    `senaudit: note: ${url} looks like a page that leads to the report rather than the report itself. The link "SEN Information Report" (${server.url('/send/sen-information-report')}) looks like the report. To find the report on the site, run: senaudit audit --discover ${url}\n`,
  );
});

test('a long page that is mostly links is a page of links too, with the best link named', async () => {
  const r = await runCli(['audit', server.url('/send'), '--as-of', '2026-11-01', '--format', 'json']);
  const report = JSON.parse(r.stdout) as { document: { kind: string; kindReason: string; words: number } };
  expect(report.document.words).toBeGreaterThan(250);
  expect(report.document.kind).toBe('link_page');
  expect(report.document.kindReason).toMatch(/^This looks like a page of links \(a home page or a menu\) rather than the report: \d+% of its words are the names of its 31 links/);
  expect(r.stderr).toContain(`The link "Our SEND Information Report 2026 to 2027" (${server.url('/docs/send-information-report-2026.pdf')}) looks like the report.`);
});

test('no note for the report itself, nor when --discover was asked for', async () => {
  const report = await runCli(['audit', server.url('/report'), '--as-of', '2026-11-01']);
  expect(report.stderr).toBe('');
  // With --discover the site is searched (here the report link leads nowhere): no advice to do what was done.
  const discovered = await runCli(['audit', server.url('/'), '--discover', '--as-of', '2026-11-01']);
  expect(discovered.stderr).toMatch(/^senaudit: /);
  expect(discovered.stderr).not.toContain('run: senaudit audit --discover');
});

test('--discover takes a website as people type it (no scheme: https:// then http://), and refuses a file', async () => {
  // A site that speaks only plain http: a TLS handshake on its port is cut at once, as a closed
  // https port refuses it, so the https:// address fails and http:// is tried, as a batch does.
  const site = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><a href="/report">SEN Information Report</a></body></html>');
    else if (req.url === '/report') res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml('Kestrel Rise Primary School'));
    else res.writeHead(404).end();
  });
  site.on('connection', (socket) => socket.once('data', (d: Buffer) => d[0] === 0x16 && socket.destroy()));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    const bare = `127.0.0.1:${(site.address() as AddressInfo).port}`;
    const r = await runCli(['audit', bare, '--discover', '--as-of', '2026-11-01', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { finalUrl: string; discovery: { clickPath: string[] } };
    expect(report.finalUrl).toBe(`http://${bare}/report`);
    expect(report.discovery.clickPath[0]).toBe(`http://${bare}/`);
  } finally {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
  }
  const file = await runCli(['audit', 'fixtures/examples/oakfield-primary.html', '--discover']);
  expect(file.code).toBe(2);
  expect(file.stderr).toBe('senaudit: --discover searches a website from its address (such as www.example-school.sch.uk or https://...); fixtures/examples/oakfield-primary.html is a file: leave out --discover to audit it.\n');
});

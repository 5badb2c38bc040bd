// `senaudit serve` (issue #17): the page on 127.0.0.1 only, and POST /api/audit, through which the
// page audits a web address with the CLI's own fetcher (discovery, address policy, limits).
import type { ChildProcess } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportHtml } from '../batch/report-text.js';
import { startServe } from '../helpers/serve.js';
import { startServer, type TestServer } from '../helpers/server.js';

let serve: ChildProcess;
let origin: string;
let school: TestServer;

beforeAll(async () => {
  school = await startServer({
    '/robots.txt': (_req, res) => void res.writeHead(404).end(),
    '/': (_req, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><a href="/send/report">SEN Information Report</a></body></html>'),
    '/send/report': (_req, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml('Kestrel Rise Primary School')),
  });
  ({ origin, process: serve } = await startServe());
});
afterAll(async () => {
  serve.kill();
  await school.close();
});

test('serves the built page, with a policy that lets it run only what it was served', async () => {
  const res = await fetch(`${origin}/`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self' blob:");
  expect(await res.text()).toContain('Your file stays on this computer.');
  expect((await fetch(`${origin}/../../package.json`)).status).toBe(404);
});

test('POST /api/audit: a school home page, its report found and audited by the CLI', async () => {
  const res = await fetch(`${origin}/api/audit`, { method: 'POST', body: JSON.stringify({ url: school.url('/'), asOf: '2026-11-01' }) });
  const body = (await res.json()) as { report?: { finalUrl: string; summary: { met: number } } };
  expect(body.report!.finalUrl).toBe(school.url('/send/report'));
  expect(body.report!.summary.met).toBeGreaterThan(15);
  const bad = (await (await fetch(`${origin}/api/audit`, { method: 'POST', body: JSON.stringify({ url: 'ftp://example.org/' }) })).json()) as { error: string };
  expect(bad.error).toBe('Give a web address starting with https:// or http://.');
});

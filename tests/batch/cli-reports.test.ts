// `senaudit batch --format html,markdown,junit` writes the batch reports beside summary.csv, and
// a senaudit.config.yaml in the working directory applies to batch runs as to single audits.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { page, reportHtml } from './report-text.js';

let server: TestServer;
beforeAll(async () => {
  const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  server = await startServer({
    '/report/': html(reportHtml('Bramble Hill Primary School')),
    '/empty/': html(page('Quillfield School', [['About', '/about/']])),
  });
});
afterAll(() => server.close());

test('reports beside summary.csv, and the config in the working directory applies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'senaudit-reports-'));
  writeFileSync(join(dir, 'urls.txt'), `${server.url('/report/')}\n${server.url('/empty/')}\n`);
  writeFileSync(join(dir, 'senaudit.config.yaml'), 'extends: [senaudit:builtin]\ndisable: [plain-language]\n');
  const r = await runCli(['batch', 'urls.txt', '--out', 'out', '--format', 'html,junit,markdown', '--as-of', '2026-11-01', '--quiet', '--allow-private'], { cwd: dir });
  expect(r.stderr).toBe('');
  const out = join(dir, 'out');
  for (const f of ['results.ndjson', 'summary.csv', 'report.html', 'report.md', 'junit.xml']) expect(existsSync(join(out, f)), f).toBe(true);
  expect(r.stdout).toContain(join('out', 'report.html'));

  const header = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n')[0]!;
  expect(header).toContain('senco-contact');
  expect(header).not.toContain('plain-language'); // disabled by the config

  const html = load(readFileSync(join(out, 'report.html'), 'utf8'));
  expect(html('html').attr('lang')).toBe('en-GB');
  expect(html('table th').length).toBeGreaterThan(0);
  expect(html('svg').length).toBe(1);
  expect(html('body').text()).toContain(server.url('/empty/'));

  const junit = load(readFileSync(join(out, 'junit.xml'), 'utf8'), { xml: true });
  expect(junit('testsuite').length).toBe(2);
  expect(Number(junit('testsuites').attr('tests'))).toBe(junit('testcase').length);

  expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^# /m);
});

test('an unknown report format is one line and exit 2', async () => {
  const r = await runCli(['batch', 'urls.txt', '--out', 'o', '--format', 'pdf']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^senaudit: .*use one or more of: html, markdown, junit/);
});

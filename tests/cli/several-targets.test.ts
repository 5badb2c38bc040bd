// No shell loops in CI (issue #16): `audit` takes several targets, one report each, exit code
// the worst of them; `batch --format github` annotates every school's gaps. The real CLI, spawned.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportHtml } from '../batch/report-text.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const EXAMPLE = join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html');
let dir: string;
let draft: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-targets-'));
  draft = join(dir, 'draft.md');
  writeFileSync(draft, '# Kestrel Rise Primary School: SEN Information Report\n\nOur SENCO is Mrs Hana Ilori (senco@kestrel-rise.sch.uk).\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit with several targets', () => {
  test('JSON: an array of the reports, in the order given; exit 1 when one has gaps', async () => {
    const r = await runCli(['audit', EXAMPLE, draft, '--format', 'json', '--as-of', '2026-11-01']);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout) as { target: string; summary: { missing: number } }[];
    expect(reports.map((x) => x.target)).toEqual([EXAMPLE, draft]);
    expect(reports[0]!.summary.missing).toBe(0);
    expect(reports[1]!.summary.missing).toBeGreaterThan(0);
  });

  test('the complete report alone exits 0; twice, still 0', async () => {
    const r = await runCli(['audit', EXAMPLE, EXAMPLE, '--as-of', '2026-11-01', '--fail-on', 'info']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/26 met/g)).toHaveLength(2);
  });

  test('one target that cannot be audited: said on stderr, the others reported, exit 2', async () => {
    const missing = join(dir, 'no-such-report.pdf');
    const r = await runCli(['audit', EXAMPLE, missing, draft, '--format', 'github', '--as-of', '2026-11-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-report.pdf');
    expect(r.stdout).toContain(`senaudit: ${EXAMPLE}: 0 missing`);
    expect(r.stdout).toMatch(/^::error title=senaudit complaints%3A missing,file=/m);
  });

  test('JUnit: one document, a suite per report and an errored suite for the target that failed', async () => {
    const r = await runCli(['audit', EXAMPLE, join(dir, 'gone.docx'), '--format', 'junit', '--as-of', '2026-11-01']);
    expect(r.code).toBe(2);
    expect(r.stdout.match(/<testsuites/g)).toHaveLength(1);
    expect(r.stdout.match(/<testsuite /g)).toHaveLength(2);
    expect(r.stdout).toMatch(/<error message="[^"]*gone\.docx/);
  });

  test('--output, html and docx take one target: a one-line usage error, exit 2', async () => {
    const out = await runCli(['audit', EXAMPLE, draft, '--output', join(dir, 'x.md'), '--format', 'markdown']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^senaudit: --output writes one report/);
    const html = await runCli(['audit', EXAMPLE, draft, '--format', 'html']);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/^senaudit: --format html makes one document per report/);
  });
});

describe('batch --format github', () => {
  let server: TestServer;
  beforeAll(async () => {
    const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    server = await startServer({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '/lacking.html': html(reportHtml('Birch Junior School', { without: ['Complaints'] })),
    });
  });
  afterAll(() => server.close());

  test("annotates each school's gaps by name, says which could not be audited, and merge does the same", async () => {
    const list = join(dir, 'schools.csv');
    writeFileSync(list, `name,url,urn\nBirch Junior School,${server.url('/lacking.html')},900002\nCedar School,http://127.0.0.1:9/gone,900003\n`);
    const out = join(dir, 'batch');
    const r = await runCli(['batch', list, '--out', out, '--format', 'github,markdown', '--allow-private', '--quiet', '--as-of', '2026-11-01', '--timeout', '5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=senaudit Birch Junior School \(URN 900002\)%3A complaints%3A missing::/m);
    expect(r.stdout).toMatch(/^::error title=senaudit%3A Cedar School \(URN 900003\)%3A could not be audited::/m);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('Birch Junior School');

    const merged = await runCli(['merge', join(out, 'results.ndjson'), '--out', join(dir, 'merged'), '--format', 'github']);
    expect(merged.stdout).toMatch(/^::error title=senaudit Birch Junior School \(URN 900002\)%3A complaints%3A missing::/m);
  });
});

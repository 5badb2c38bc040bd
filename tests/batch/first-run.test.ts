// What an officer meets on a first batch run (issue #18), the real CLI spawned as a user runs it:
// a list that all fails on one setting stops with one message naming it; Ctrl-C leaves a usable
// summary and says how to resume; after --resume the counts add up over the whole list.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportHtml } from './report-text.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-first-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every site on a loopback address without --allow-private: one message naming the setting, not a row per school', async () => {
  const list = join(dir, 'private.csv');
  writeFileSync(list, `name,url\n${Array.from({ length: 40 }, (_, i) => `School ${i + 1},http://127.0.0.${(i % 200) + 1}:9/report`).join('\n')}\n`);
  const out = join(dir, 'private');
  const r = await runCli(['batch', list, '--out', out, '--quiet']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    "senaudit: the first 5 schools were all refused for one reason: their addresses are on this machine or a private network, which batch runs do not fetch. If they are your own test servers, add --allow-private; otherwise check the list's website column. No more schools were started; once it is fixed, run the same command with --resume.\n",
  );
  // Only the schools started before the first five had failed are written (16 are in progress at
  // the default --concurrency): not a row for each of the 40.
  expect(readFileSync(join(out, 'results.ndjson'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(16 + 5);
});

describe('Ctrl-C, then --resume', () => {
  let server: TestServer;
  const SCHOOLS = 10;
  // Schools whose page was asked for: with --concurrency 1, the second asked for means the first is done.
  let asked = 0;
  beforeAll(async () => {
    const routes: Parameters<typeof startServer>[0] = { '/robots.txt': (_req, res) => void res.writeHead(404).end() };
    for (let i = 1; i <= SCHOOLS; i++) {
      routes[`/s${i}.html`] = (_req, res: ServerResponse) => {
        asked++;
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml(`School ${i}`)), 400);
      };
    }
    server = await startServer(routes);
  });
  afterAll(() => server.close());

  test('an interrupted run writes summary.csv for the schools done and says how to resume; the resumed run counts the whole list', { timeout: 60_000 }, async () => {
    const list = join(dir, 'slow.csv');
    writeFileSync(list, `name,url,urn\n${Array.from({ length: SCHOOLS }, (_, i) => `School ${i + 1},${server.url(`/s${i + 1}.html`)},90000${i}`).join('\n')}\n`);
    const out = join(dir, 'slow');
    const args = ['batch', list, '--out', out, '--allow-private', '--as-of', '2026-11-01', '--concurrency', '1'];
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/senaudit.js'), ...args, '--quiet'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    // Ctrl-C once a school is done and the next in progress, however slowly the machine starts the
    // CLI (a fixed wait once sent it before the run had begun, on a loaded machine).
    const deadline = Date.now() + 30_000;
    while (asked < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('senaudit: stopping: no more schools will be started; those in progress finish, then summary.csv is written for the schools done (Ctrl-C again to stop at once).');
    const m = /senaudit: interrupted: (\d+) of 10 schools done, (\d+) not started\. To carry on, run the same command with --resume\./.exec(stderr);
    expect(m).not.toBeNull();
    const done = Number(m![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(SCHOOLS);
    expect(Number(m![2])).toBe(SCHOOLS - done);
    // summary.csv is there, whole, with a row for each school done.
    expect(existsSync(join(out, 'summary.csv'))).toBe(true);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + done);

    const resumed = await runCli([...args, '--resume']);
    expect(resumed.code).toBe(1); // the fictional reports have gaps
    const last = resumed.stderr.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^senaudit: 10/10 schools \\(100%\\): ${SCHOOLS - done} audited, 0 not found, 0 errors, 0 skipped, ${done} done before \\(--resume\\)`));
    expect(resumed.stdout).toMatch(/^10 schools: 10 audited/);
  });
});

test('Ctrl-C once every school has started loses nothing: the run ends as it would have, not as interrupted', { timeout: 60_000 }, async () => {
  const SCHOOLS = 4;
  let started = 0;
  const routes: Parameters<typeof startServer>[0] = { '/robots.txt': (_req, res) => void res.writeHead(404).end() };
  for (let i = 1; i <= SCHOOLS; i++) {
    routes[`/s${i}.html`] = (_req, res: ServerResponse) => {
      started++;
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml(`School ${i}`)), 1500);
    };
  }
  const server = await startServer(routes);
  try {
    const list = join(dir, 'all-started.csv');
    writeFileSync(list, `name,url,urn\n${Array.from({ length: SCHOOLS }, (_, i) => `School ${i + 1},${server.url(`/s${i + 1}.html`)},80000${i}`).join('\n')}\n`);
    const out = join(dir, 'all-started');
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/senaudit.js'), 'batch', list, '--out', out, '--allow-private', '--as-of', '2026-11-01', '--concurrency', String(SCHOOLS), '--quiet'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    // Every school's page has been asked for: all have started, none has finished.
    while (started < SCHOOLS) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1); // the fictional reports have gaps
    expect(stderr).not.toContain('interrupted');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + SCHOOLS);
  } finally {
    await server.close();
  }
});

test('a slow site: before any school finishes, the progress line shows the school in progress and the pages fetched, and no estimate', { timeout: 60_000 }, async () => {
  const server = await startServer({
    '/robots.txt': (_req, res) => void res.writeHead(404).end(),
    '/': (_req, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><a href="/send">SEND</a><a href="/report">SEN Information Report</a></body></html>'),
    // The report takes longer than the first progress line (every 10 s off a terminal).
    '/report': (_req, res: ServerResponse) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml('Slow School')), 11_000),
  });
  try {
    const list = join(dir, 'one-slow.csv');
    writeFileSync(list, `name,url
Slow School,${server.url('/')}
`);
    const r = await runCli(['batch', list, '--out', join(dir, 'one-slow'), '--allow-private', '--as-of', '2026-11-01']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^senaudit: 0\/1 schools \(0%\): 0 audited, 0 not found, 0 errors, 0 skipped; 1 in progress, \d+ pages? fetched$/);
    expect(lines.at(-1)).toMatch(/^senaudit: 1\/1 schools \(100%\): 1 audited/);
  } finally {
    await server.close();
  }
});


// One run at a time in an --out folder (issue #19, item 10): two batches started on one folder
// both ran (800 lines for 400 schools, double load on every site). The second now stops at once
// with what to do; a lock left by a run that was killed is taken over and said so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportHtml } from '../batch/report-text.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

let dir: string;
let server: TestServer;
let list: string;
const SCHOOLS = 6;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-lock-'));
  const routes: Parameters<typeof startServer>[0] = { '/robots.txt': (_req, res) => void res.writeHead(404).end() };
  // Each report answers after 300 ms, so the first batch is still running when the second starts.
  for (let i = 1; i <= SCHOOLS; i++) {
    routes[`/s${i}.html`] = (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml(`School ${i}`)), 300);
  }
  server = await startServer(routes);
  list = join(dir, 'schools.csv');
  writeFileSync(list, `name,url,urn\n${Array.from({ length: SCHOOLS }, (_, i) => `School ${i + 1},${server.url(`/s${i + 1}.html`)},90000${i + 1}`).join('\n')}\n`);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const batch = (out: string) => runCli(['batch', list, '--out', out, '--allow-private', '--quiet', '--as-of', '2026-11-01', '--concurrency', '1']);

test('two batches on one --out at once: one runs, the other stops with what to do; each school once', async () => {
  const out = join(dir, 'together');
  const [a, b] = await Promise.all([batch(out), new Promise((r) => setTimeout(r, 150)).then(() => batch(out))]);
  const codes = [a.code, b.code].sort();
  expect(codes).toEqual([1, 2]); // 1: the fictional reports have gaps
  const refused = a.code === 2 ? a : b;
  expect(refused.stderr).toMatch(/^senaudit: another senaudit batch \(process \d+ on .+, started .+\) is using .+together: wait for it to finish, or give another --out\. If no run is using it, delete .+\.senaudit\.lock\.\n$/);
  expect(readFileSync(join(out, 'results.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(SCHOOLS);
  expect(existsSync(join(out, '.senaudit.lock'))).toBe(false);
});

test('a lock left by a run that was killed is taken over, and said so', async () => {
  const out = join(dir, 'stale');
  mkdirSync(out);
  const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
  writeFileSync(join(out, '.senaudit.lock'), JSON.stringify({ pid: gone, host: hostname(), started: '2026-12-01T09:00:00.000Z', command: 'batch' }));
  const r = await batch(out);
  expect(r.code).toBe(1); // ran: the fictional reports have gaps
  expect(r.stderr).toContain(`senaudit: note: took over ${join(out, '.senaudit.lock')}, left by batch process ${gone} (started 2026-12-01T09:00:00.000Z), which is no longer running.`);
  expect(existsSync(join(out, '.senaudit.lock'))).toBe(false);
});

test("merge takes the same lock: a live run's lock (or another host's) is never taken", async () => {
  const out = join(dir, 'held');
  mkdirSync(out);
  writeFileSync(join(out, '.senaudit.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-12-07T08:00:00.000Z', command: 'batch' }));
  const r = await runCli(['merge', join(dir, 'together', 'results.ndjson'), '--out', out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`another senaudit batch (process ${process.pid}`);
  writeFileSync(join(out, '.senaudit.lock'), JSON.stringify({ pid: 1, host: 'another-machine', started: '2026-12-07T08:00:00.000Z', command: 'batch' }));
  expect((await runCli(['merge', join(dir, 'together', 'results.ndjson'), '--out', out])).stderr).toContain('(process 1 on another-machine');
});

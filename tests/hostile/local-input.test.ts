// Local input and run limits (issue #19, items 7, 11 and 12): only regular files are read, and no
// more of them than --max-bytes (audit /dev/zero grew 200 MB/s, a named pipe hung); a --timeout
// too long for a timer is refused (3,000,000 s made every fetch fail at once); a corrupt line in
// results.ndjson is said on --resume; a full disk is said as such.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { realIO } from '../../src/cli/run.js';
import { reportHtml } from '../batch/report-text.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const EXAMPLE = join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-local-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('only regular files, no larger than --max-bytes', () => {
  test('/dev/zero is refused at once, not read for ever', async () => {
    const r = await runCli(['audit', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('senaudit: /dev/zero is not a regular file (it is a device, a pipe or a socket), so it is not read. Save the report as a file and give that file\'s path.\n');
  });

  test('a named pipe with no writer is refused, not waited on', async () => {
    const fifo = join(dir, 'report.pdf');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['audit', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a regular file');
  });

  test('--max-bytes applies to files as to downloads', async () => {
    const r = await runCli(['audit', EXAMPLE, '--max-bytes', '2KB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/oakfield-primary\.html is larger than 2 KB \(--max-bytes\); if it really is the report, raise the limit/);
    expect((await runCli(['audit', EXAMPLE, '--max-bytes', '1MB', '--as-of', '2026-11-01'])).code).toBe(0);
  });
});

test('--timeout past an hour is refused with what to give, for audit and batch', async () => {
  for (const command of [['audit', EXAMPLE], ['batch', join(dir, 'none.csv'), '--out', join(dir, 'o')]]) {
    const r = await runCli([...command, '--timeout', '3000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give at most 3600 seconds (an hour)');
  }
});

describe('results.ndjson', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '/a.html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml('Alder Primary School')),
      '/b.html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(reportHtml('Birch Junior School')),
    });
  });
  afterAll(() => server.close());

  test('a corrupt line in the middle is named on --resume, and its school is audited again', async () => {
    const list = join(dir, 'schools.csv');
    writeFileSync(list, `name,url,urn\nAlder Primary School,${server.url('/a.html')},900001\nBirch Junior School,${server.url('/b.html')},900002\n`);
    const out = join(dir, 'run');
    const args = ['batch', list, '--out', out, '--allow-private', '--quiet', '--as-of', '2026-11-01'];
    await runCli(args);
    const results = join(out, 'results.ndjson');
    const [first, second] = readFileSync(results, 'utf8').trimEnd().split('\n');
    const keyOf = (line: string) => (JSON.parse(line) as { school: { key: string } }).school.key;
    const [lost, kept] = [keyOf(first!), keyOf(second!)];
    writeFileSync(results, `${first!.slice(0, 40)}\u0000\u0000garbage\n${second}\n`);
    const r = await runCli([...args, '--resume']);
    expect(r.stderr).toContain(`senaudit: warning: ${results} line 1 is not a result line and was skipped; a school with no other complete line there was audited again.`);
    // The corrupt line stays where it was; the school it held is audited again and appended.
    expect(readFileSync(results, 'utf8').trimEnd().split('\n').slice(1).map(keyOf)).toEqual([kept, lost]);
  });

  test('a full disk is said as such, with what to do, not as an unexpected error', async () => {
    let stderr = '';
    const io = await realIO();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/mnt/full/gaps.md' });
    const code = await main({
      ...io,
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      writeFileAtomic: async () => {
        throw full;
      },
      argv: ['audit', EXAMPLE, '--format', 'markdown', '--output', '/mnt/full/gaps.md', '--as-of', '2026-11-01'],
    });
    expect(code).toBe(2);
    expect(stderr).toBe('senaudit: the disk is full writing /mnt/full/gaps.md. Free some space (or give --out on another disk) and run again; a batch carries on with --resume.\n');
  });
});

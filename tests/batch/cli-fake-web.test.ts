import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultLine } from '../../src/batch/types.js';
import { runCli } from '../helpers/cli.js';
import { type FakeWeb, keyOf, startFakeWeb } from './fake-web.js';

// The real CLI against a fake web of schools on 127.0.0.1: every outcome, the files, resume,
// shards and merge. --timeout 2 so the slow school runs past its deadline quickly.

let web: FakeWeb;
let dir: string;
let input: string;
// The fake web is on 127.0.0.1, which batch runs refuse unless told.
const BASE = ['--as-of', '2026-11-01', '--timeout', '2', '--allow-private'];

const lines = (out: string) => readFileSync(join(out, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
const csvRows = (out: string) => parse(readFileSync(join(out, 'summary.csv')), { bom: true, columns: true }) as Record<string, string>[];
const latest = (ls: ResultLine[]) => new Map(ls.map((l) => [l.school.key, l]));

beforeAll(async () => {
  web = await startFakeWeb();
  dir = mkdtempSync(join(tmpdir(), 'senaudit-batch-e2e-'));
  input = join(dir, 'schools.csv');
  writeFileSync(input, web.csv());
});
afterAll(async () => {
  await web?.close();
});

describe('senaudit batch over a fake web of schools', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    out = join(dir, 'full');
    run = await runCli(['batch', input, '--out', out, ...BASE]);
  }, 60_000);

  it('ends every school in the right outcome', () => {
    const byKey = latest(lines(out));
    const get = (id: string) => byKey.get(keyOf(web.byId(id)))!;
    const pdf = get('pdf-via-send');
    expect(pdf).toMatchObject({ status: 'audited', reportUrl: web.byId('pdf-via-send').url.replace(/\/$/, '/files/sen-information-report-2026.pdf') });
    expect(pdf.status === 'audited' && pdf.report.document.format).toBe('pdf');
    expect(pdf.status === 'audited' && pdf.clickPath).toEqual([web.byId('pdf-via-send').url, expect.stringMatching(/\/send\/$/), expect.stringMatching(/\.pdf$/)]);

    const direct = get('direct-html');
    expect(direct).toMatchObject({ status: 'audited', clickPath: [web.byId('direct-html').url], reportUrl: web.byId('direct-html').url });

    expect(get('sitemap-only')).toMatchObject({ status: 'audited', reportUrl: expect.stringMatching(/\/policies\/send-information-report\.html$/) });

    const robots = get('robots');
    expect(robots).toMatchObject({ status: 'error', error: { code: 'fetch' } });
    expect(robots.status === 'error' && robots.error.message).toMatch(/robots\.txt/);

    const busy = get('retry-429');
    expect(busy).toMatchObject({ status: 'audited' });
    expect(busy.status === 'audited' && busy.report.schoolType).toBe('maintained_nursery'); // from the CSV's school_type
    expect(web.byId('retry-429').hits()).toBe(2); // 429, then 200 after Retry-After

    const moved = get('redirects');
    expect(moved).toMatchObject({ status: 'audited', reportUrl: expect.stringMatching(/\/documents\/sen-information-report\.html$/) });
    expect(moved.status === 'audited' && moved.clickPath[0]).toBe(web.byId('redirects').url);
    expect(moved.status === 'audited' && moved.clickPath.at(-1)).toBe(moved.status === 'audited' && moved.reportUrl);

    const nothing = get('nothing');
    expect(nothing).toMatchObject({ status: 'not_found' });
    expect(nothing.status === 'not_found' && nothing.pagesSearched.length).toBeGreaterThanOrEqual(3);

    expect(get('slow')).toMatchObject({ status: 'error', error: { code: 'fetch' } });
    expect(get('dead')).toMatchObject({ status: 'error', error: { code: 'fetch' } });
    expect(byKey.get('urn:910010')).toMatchObject({ status: 'error', error: { code: 'input' } });
  });

  it('writes one complete JSON line per school', () => {
    const ls = lines(out);
    expect(ls).toHaveLength(web.schools.length + 1);
    expect(new Set(ls.map((l) => l.school.key)).size).toBe(ls.length);
    for (const l of ls) expect(l).toMatchObject({ schemaVersion: 1, asOf: '2026-11-01' });
    const audited = ls.find((l) => l.status === 'audited');
    expect(audited?.status === 'audited' && audited.report.results.length).toBeGreaterThan(20);
  });

  it('writes summary.csv in input order, spreadsheet-safe, with a column per requirement', () => {
    const rows = csvRows(out);
    expect(rows.map((r) => r['name'])).toEqual([...web.schools.map((s) => (s.id === 'direct-html' ? `'${s.name}` : s.name)), 'Juniper Way School']);
    expect(rows.map((r) => r['status'])).toEqual(['audited', 'audited', 'audited', 'error', 'audited', 'audited', 'not_found', 'error', 'error', 'error']);
    const pdf = rows[0]!;
    expect(pdf).toMatchObject({ urn: '910001', kind: 'report', school_type: 'maintained_mainstream' });
    expect(pdf['report_url']).toMatch(/\.pdf$/);
    expect(pdf['report_date']).toMatch(/^2026-09/);
    expect(Number(pdf['met'])).toBeGreaterThan(0);
    expect(pdf['senco-contact']).toBe('met');
    expect(rows[3]!['reason']).toMatch(/robots\.txt/);
    expect(rows[9]!['reason']).toBe('Row 11 has no website address, so the school could not be audited.');
    expect(Object.keys(pdf)).toContain('accessibility-plan');
  });

  it('prints the share meeting each requirement and exits 2 because some schools could not be audited', () => {
    expect(run.stdout).toMatch(/^10 schools: 5 audited, 1 report not found, 4 could not be audited, 0 skipped\./);
    expect(run.stdout).toMatch(/\n {2}senco-contact +100% +5\/5 /);
    expect(run.stdout).toContain(`Summary: ${join(out, 'summary.csv')}`);
    expect(run.stderr).toMatch(/senaudit: 10\/10 schools \(100%\): 5 audited, 1 not found, 4 errors, 0 skipped/);
    expect(run.code).toBe(2);
  });

  it('--resume after a kill: cuts the partial line, redoes only what is missing or failed', async () => {
    const again = join(dir, 'resumed');
    const full = readFileSync(join(out, 'results.ndjson'), 'utf8').trim().split('\n');
    const pdfKey = keyOf(web.byId('pdf-via-send'));
    const keep = full.filter((l) => !l.includes(`"key":"${pdfKey}"`));
    const cut = full.find((l) => l.includes(`"key":"${pdfKey}"`))!;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(again);
    writeFileSync(join(again, 'results.ndjson'), `${keep.join('\n')}\n${cut.slice(0, 100)}`);
    const hitsBefore = Object.fromEntries(web.schools.map((s) => [s.id, s.hits()]));
    const r = await runCli(['batch', input, '--out', again, '--resume', '--quiet', ...BASE]);
    expect(r.stderr).toMatch(/removed a partial last line \(100 bytes\)/);
    const hitsNow = (id: string) => web.byId(id).hits() - hitsBefore[id]!;
    expect(hitsNow('pdf-via-send')).toBeGreaterThan(0);
    for (const id of ['direct-html', 'sitemap-only', 'retry-429', 'redirects', 'nothing']) expect(hitsNow(id), id).toBe(0);
    const ls = lines(again);
    expect(ls.filter((l) => l.school.key === pdfKey)).toHaveLength(1);
    expect(csvRows(again).map((x) => [x['name'], x['status']])).toEqual(csvRows(out).map((x) => [x['name'], x['status']]));
    expect(r.code).toBe(2);
  }, 60_000);

  it('--shard 1/2 and 2/2 split the list; merge joins them into one summary with each school once', async () => {
    const a = join(dir, 'shard1');
    const b = join(dir, 'shard2');
    const [r1, r2] = await Promise.all([
      runCli(['batch', input, '--out', a, '--shard', '1/2', '--quiet', ...BASE]),
      runCli(['batch', input, '--out', b, '--shard', '2/2', '--quiet', ...BASE]),
    ]);
    expect([r1.stderr, r2.stderr]).toEqual(['', '']);
    const k1 = lines(a).map((l) => l.school.key);
    const k2 = lines(b).map((l) => l.school.key);
    expect(k1.length).toBeGreaterThan(0);
    expect(k2.length).toBeGreaterThan(0);
    expect(k1.filter((k) => k2.includes(k))).toEqual([]);
    const merged = join(dir, 'merged');
    const m = await runCli(['merge', join(a, 'results.ndjson'), join(b, 'results.ndjson'), '--out', merged]);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(2);
    const rows = csvRows(merged);
    expect(rows.map((x) => x['name'])).toEqual(csvRows(out).map((x) => x['name']));
    expect(rows.map((x) => x['status'])).toEqual(csvRows(out).map((x) => x['status']));
  }, 60_000);
});

describe('senaudit batch: input it cannot use is one line and exit 2', () => {
  it.each([
    ['a missing file', null, /^senaudit: .*(no such|not found|does not exist|cannot find)/i],
    ['an empty list', '# nothing here yet\n\n', /^senaudit: .*lists no schools/],
    ['a CSV without a website column', 'name,homepage\nOak,https://oak.example.org/\n', /^senaudit: .*has no website column/],
  ])('%s', async (_what, content, message) => {
    const d = mkdtempSync(join(tmpdir(), 'senaudit-batch-bad-'));
    const file = join(d, content?.includes(',') ? 'list.csv' : 'list.txt');
    if (content !== null) writeFileSync(file, content);
    const r = await runCli(['batch', file, '--out', join(d, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('results already in --out without --resume', async () => {
    const d = mkdtempSync(join(tmpdir(), 'senaudit-batch-bad-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'out', 'results.ndjson'), '{"schemaVersion":1}\n');
    writeFileSync(join(d, 'list.txt'), 'https://oak.example.org/\n');
    const r = await runCli(['batch', join(d, 'list.txt'), '--out', join(d, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists: add --resume/);
  });

  it('bad --shard and --concurrency values', async () => {
    for (const args of [['--shard', '3/2'], ['--shard', 'half'], ['--concurrency', '0']]) {
      const r = await runCli(['batch', 'x.txt', '--out', 'o', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^senaudit: option '--(shard|concurrency) /);
    }
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputRow } from '../../src/batch/input/types.js';
import { loadSchools } from '../../src/batch/input/index.js';
import { plainProgress } from '../../src/batch/progress.js';
import { type BatchOptions, runBatch } from '../../src/batch/run.js';
import type { FindReport } from '../../src/batch/school.js';
import type { ResultLine } from '../../src/batch/types.js';
import { AuditError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/index.js';
import type { FetchedResource, Fetcher } from '../../src/fetch/types.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import type { Ruleset } from '../../src/rules/types.js';
import { page, reportHtml } from './report-text.js';

// runBatch in-process with an injected fetcher and discovery: no network, so each behaviour of
// the runner (order, limits, errors, resume, shards) is tested on its own.

let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadRuleset(BUILTIN_RULESET, (p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')));
});

const res = (url: string, body: string): FetchedResource => ({ bytes: Buffer.from(body), contentType: 'text/html; charset=utf-8', finalUrl: url, status: 200, lastModified: null, redirects: [] });

/** Sites: a<N> home pages that link to a report, r<N> that are reports, x<N> that fail. */
function fakeFetcher(log: string[], state = { inFlight: 0, max: 0 }): Fetcher {
  return async (url) => {
    log.push(url);
    state.inFlight++;
    state.max = Math.max(state.max, state.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 5));
      const host = new URL(url).hostname;
      if (host.startsWith('x')) throw new AuditError('fetch', `Could not connect to ${host}.`);
      if (host.startsWith('boom')) throw new TypeError('something broke');
      if (host.startsWith('r') || url.endsWith('/report')) return res(url, reportHtml(`School ${host}`));
      return res(url, page(`School ${host}`, [['SEND', '/send/']]));
    } finally {
      state.inFlight--;
    }
  };
}

const findReport: FindReport = async (startUrl, fetcher, o) => {
  if (new URL(startUrl).hostname.startsWith('n')) return { found: false, message: `No SEN information report found in 3 pages of ${startUrl}.`, pagesSearched: [startUrl] };
  const home = await fetcher(startUrl, o.fetchOptions);
  if (new URL(startUrl).hostname.startsWith('r')) {
    const doc = await extractDocument({ bytes: home.bytes, contentType: home.contentType, name: startUrl, baseUrl: startUrl });
    return { found: true, resource: home, doc, reportUrl: home.finalUrl, clickPath: [startUrl], pagesSearched: [startUrl] };
  }
  const reportUrl = new URL('/send/report', home.finalUrl).href;
  const resource = await fetcher(reportUrl, o.fetchOptions);
  const doc = await extractDocument({ bytes: resource.bytes, contentType: resource.contentType, name: reportUrl, baseUrl: reportUrl });
  return { found: true, resource, doc, reportUrl, clickPath: [startUrl, reportUrl], pagesSearched: [startUrl, reportUrl] };
};

function options(outDir: string, extra: Partial<BatchOptions> = {}): BatchOptions {
  return {
    outDir,
    schoolsAtOnce: 3,
    resume: false,
    shard: null,
    failOn: 'error',
    ruleset,
    defaultSchoolType: 'maintained_mainstream',
    asOf: '2026-11-01',
    toolVersion: 'test',
    fetchOptions: { timeoutMs: 1000, maxBytes: 1e6, userAgent: 'test' },
    maxPages: 30,
    maxDepth: 3,
    ...extra,
  };
}

function rows(hosts: string[]): InputRow[] {
  return loadSchools(Buffer.from(hosts.map((h) => `https://${h}.example.org/`).join('\n')), 'list.txt').rows;
}

const readLines = (dir: string) => readFileSync(join(dir, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
const readCsv = (dir: string) => parse(readFileSync(join(dir, 'summary.csv')), { bom: true, columns: true }) as Record<string, string>[];

describe('runBatch', () => {
  it('audits directly, through discovery, or records not found and errors; one line each; summary in input order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
    const log: string[] = [];
    const list = rows(['a1', 'r2', 'n3', 'x4', 'boom5']);
    const r = await runBatch(list, options(dir), { fetcher: fakeFetcher(log), findReport });
    const lines = readLines(dir);
    expect(lines).toHaveLength(5);
    const byHost = Object.fromEntries(lines.map((l) => [new URL(l.school.url!).hostname.split('.')[0], l]));
    expect(byHost['a1']).toMatchObject({ status: 'audited', reportUrl: 'https://a1.example.org/send/report', clickPath: ['https://a1.example.org/', 'https://a1.example.org/send/report'] });
    expect(byHost['r2']).toMatchObject({ status: 'audited', reportUrl: 'https://r2.example.org/', clickPath: ['https://r2.example.org/'] });
    expect(byHost['n3']).toMatchObject({ status: 'not_found', pagesSearched: ['https://n3.example.org/'] });
    expect(byHost['x4']).toMatchObject({ status: 'error', error: { code: 'fetch', message: 'Could not connect to x4.example.org.' } });
    expect(byHost['boom5']).toMatchObject({ status: 'error', error: { code: 'internal', message: 'unexpected error: something broke' } });
    for (const l of lines) expect(l).toMatchObject({ schemaVersion: 1, asOf: '2026-11-01' });
    // The home page is fetched once, however often discovery and the runner ask for it.
    expect(log.filter((u) => u === 'https://a1.example.org/')).toHaveLength(1);
    expect(readCsv(dir).map((x) => [x['url'], x['status']])).toEqual(list.map((x, i) => [x.school.url, ['audited', 'audited', 'not_found', 'error', 'error'][i]]));
    expect(r.counts).toEqual({ audited: 2, not_found: 1, error: 2, skipped: 0 });
    expect(r.anyErrors).toBe(true);
    expect(r.requirements.map((q) => q.id)).toEqual(ruleset.rules.map((x) => x.spec.id));
  });

  it('never runs more schools at once than schoolsAtOnce', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
    const state = { inFlight: 0, max: 0 };
    await runBatch(rows(Array.from({ length: 12 }, (_, i) => `r${i}`)), options(dir, { schoolsAtOnce: 4 }), { fetcher: fakeFetcher([], state), findReport });
    expect(state.max).toBe(4);
  });

  it('refuses to overwrite results.ndjson unless resuming', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
    writeFileSync(join(dir, 'results.ndjson'), '{}\n');
    await expect(runBatch(rows(['r1']), options(dir), { fetcher: fakeFetcher([]), findReport })).rejects.toThrow(/already exists: add --resume/);
  });

  it('--resume skips complete schools, retries errors, and cuts a partial last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
    const list = rows(['r1', 'r2', 'n3', 'x4', 'r5']);
    await runBatch(list, options(dir), { fetcher: fakeFetcher([]), findReport });
    // Simulate a kill: drop r5's line and leave half of a line.
    const kept = readFileSync(join(dir, 'results.ndjson'), 'utf8').split('\n').filter((l) => l !== '' && !l.includes('r5.example'));
    writeFileSync(join(dir, 'results.ndjson'), `${kept.join('\n')}\n{"schemaVersion":1,"school":{"key":"url:https://r5.exa`);
    const log: string[] = [];
    const r = await runBatch(list, options(dir, { resume: true }), { fetcher: fakeFetcher(log), findReport });
    expect(r.repairedBytes).toBeGreaterThan(0);
    expect(r.resumed).toBe(3);
    expect([...new Set(log.map((u) => new URL(u).hostname))].sort()).toEqual(['r5.example.org', 'x4.example.org']);
    const lines = readLines(dir); // parses: no partial line left
    expect(lines).toHaveLength(6); // 4 kept + x4 again + r5
    expect(readCsv(dir).map((x) => x['status'])).toEqual(['audited', 'audited', 'not_found', 'error', 'audited']);
    expect(r.schools).toBe(5);
  });

  it('--shard k/n: the shares together cover every school once', async () => {
    const list = rows(Array.from({ length: 20 }, (_, i) => `r${i}`));
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
      const r = await runBatch(list, options(dir, { shard: { k, n: 3 } }), { fetcher: fakeFetcher([]), findReport });
      const keys = readLines(dir).map((l) => l.school.key);
      expect(keys).toHaveLength(r.selected);
      seen.push(...keys);
    }
    expect(seen.sort()).toEqual(list.map((x) => x.school.key).sort());
  });

  it('writes preset rows (skipped, bad input) without fetching', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
    const list = loadSchools(Buffer.from('name,url\nNo Site,\nFine,https://r1.example.org/\n'), 'x.csv').rows;
    const log: string[] = [];
    await runBatch(list, options(dir), { fetcher: fakeFetcher(log), findReport });
    expect(log).toEqual(['https://r1.example.org/']);
    expect(readCsv(dir).map((x) => [x['name'], x['status'], x['reason']])).toEqual([
      ['No Site', 'error', 'Row 2 has no website address, so the school could not be audited.'],
      ['Fine', 'audited', ''],
    ]);
  });
});

describe('is the start address the report?', () => {
  const notFound: FindReport = async (startUrl, fetcher, o) => {
    await fetcher(startUrl, o.fetchOptions);
    return { found: false, message: `No SEN information report found in 1 page of ${startUrl}.`, pagesSearched: [startUrl] };
  };
  const one = (body: string): Fetcher => async (url) => res(url, body);
  const run = async (body: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-run-'));
    await runBatch(rows(['s1']), options(dir), { fetcher: one(body), findReport: notFound });
    return readLines(dir)[0]!.status;
  };
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('a home page that talks about "our school" is searched, not audited', async () => {
    expect(await run(page('Riverside Special School', [['About us', '/about/']], `Our school is a happy place. ${words(200)}`))).toBe('not_found');
  });
  it('a shorter page titled as the report is audited when the search finds nothing better', async () => {
    const body = `<html><head><title>SEN Information Report</title></head><body><h1>SEN Information Report</h1><p>This SEN information report says how our school supports pupils with SEN. ${words(200)}</p></body></html>`;
    expect(await run(body)).toBe('audited');
  });
});

describe('plain progress', () => {
  it('prints counts and an ETA every interval and at the end', () => {
    let t = 0;
    const out: string[] = [];
    const p = plainProgress((s) => out.push(s), () => t, 10_000);
    p.start(10, 2);
    t = 4000;
    p.done('audited');
    t = 11_000;
    p.done('error');
    t = 12_000;
    p.stop();
    // The counts add up to the finished count: this run's outcomes and the earlier run's schools.
    expect(out).toEqual([
      'senaudit: resuming: 2 of 10 schools already done\n',
      'senaudit: 4/10 schools (40%): 1 audited, 0 not found, 1 errors, 0 skipped, 2 done before (--resume); about 33s left\n',
      'senaudit: 4/10 schools (40%): 1 audited, 0 not found, 1 errors, 0 skipped, 2 done before (--resume); about 36s left\n',
    ]);
  });

  it('while slow sites keep every school in progress: schools under way and pages fetched, no estimate yet', () => {
    let t = 0;
    const out: string[] = [];
    const p = plainProgress((s) => out.push(s), () => t, 10_000);
    p.start(34, 0);
    for (let i = 0; i < 16; i++) p.begin();
    for (let i = 0; i < 40; i++) p.page();
    t = 10_000;
    p.page();
    t = 26_000;
    p.page();
    expect(out).toEqual([
      'senaudit: 0/34 schools (0%): 0 audited, 0 not found, 0 errors, 0 skipped; 16 in progress, 41 pages fetched\n',
      'senaudit: 0/34 schools (0%): 0 audited, 0 not found, 0 errors, 0 skipped; 16 in progress, 42 pages fetched\n',
    ]);
  });
});

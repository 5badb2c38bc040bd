// Finding the report on sites built the ways school website systems build them (issue #14):
// the whole fake web of fixtures/fake-web/ (one loopback server standing in for many hosts),
// audited by `senaudit batch` in-process from a GIAS-style extract whose websites have no scheme.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFakeSchools, giasCsv } from '../../fixtures/fake-web/schools.mjs';
import { startFakeWeb, throughFakeWeb } from '../../fixtures/fake-web/server.mjs';
import type { FakeSchool, FakeWeb } from '../../fixtures/fake-web/types.d.mts';
import type { ResultLine } from '../../src/batch/types.js';
import { main } from '../../src/cli/main.js';
import { realIO } from '../../src/cli/run.js';
import { httpFetch } from '../../src/fetch/http.js';

let web: FakeWeb;
let schools: FakeSchool[];
let results: Map<string, ResultLine>;
let code: number;
const MAX_PAGES = 30;

beforeAll(async () => {
  const built = await buildFakeSchools();
  schools = built.schools;
  web = await startFakeWeb(built.hosts);
  const dir = mkdtempSync(join(tmpdir(), 'senaudit-site-styles-'));
  writeFileSync(join(dir, 'gias.csv'), giasCsv(schools));
  const io = { ...(await realIO()), stdout: () => {}, stderr: () => {}, fetcher: throughFakeWeb(web, httpFetch) };
  code = await main({ ...io, argv: ['batch', join(dir, 'gias.csv'), '--out', join(dir, 'out'), '--allow-private', '--as-of', '2026-11-01', '--quiet', '--max-pages', String(MAX_PAGES)] });
  const lines = readFileSync(join(dir, 'out', 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
  results = new Map(lines.map((l) => [l.school.urn!, l]));
}, 60_000);
afterAll(async () => {
  await web?.close();
});

const styles = () => [...new Set(schools.filter((s) => s.report).map((s) => s.style))];

describe('batch over a fake web of school sites, websites without a scheme', () => {
  it('has at least 40 schools with a report, in at least 10 site styles, and every school has a result', () => {
    expect(schools.filter((s) => s.report).length).toBeGreaterThanOrEqual(40);
    expect(styles().length).toBeGreaterThanOrEqual(10);
    expect(results.size).toBe(schools.length);
    expect(code).toBe(2); // a site refusing access is an error row
  });

  // One case per style: the report found is the school's own document, at its own address.
  it.each([
    'http-only', 'http-to-https', 'www-only', 'https-to-http', 'framed', 'viewer', 'download-endpoint',
    'trust-hosted', 'cloud-drive', 'script-menu', 'site-search', 'long-policy-list', 'robots-partial',
  ])('%s: the report is found for every school', (style) => {
    const these = schools.filter((s) => s.style === style);
    expect(these.length).toBeGreaterThanOrEqual(3);
    for (const s of these) {
      const r = results.get(s.urn)!;
      expect(r.status === 'audited' ? r.reportUrl : `${r.status}: ${JSON.stringify(r)}`, s.name).toBe(s.report);
    }
  });

  it('an address given without a scheme tries https:// first, then http://; the click path starts where a server answered', () => {
    const s = schools.find((x) => x.style === 'http-only')!;
    const asked = web.log.filter((l) => l.host === s.host && l.path === '/').map((l) => `${l.scheme}${l.refused ? ' refused' : ''}`);
    expect(asked.slice(0, 2)).toEqual(['https refused', 'http']);
    const r = results.get(s.urn)!;
    expect(r.status === 'audited' && r.clickPath[0]).toBe(`http://${s.host}/`);
  });

  it('sites that cannot be read say which: a login form, refused access, a parked domain, a page built by scripts', () => {
    for (const s of schools.filter((x) => !x.report)) {
      const r = results.get(s.urn)!;
      expect(r.status, s.style).not.toBe('audited');
      const text = r.status === 'not_found' ? r.message : r.status === 'error' ? r.error.message : '';
      expect(text, s.style).toMatch(s.reason!);
    }
  });

  it('stays polite: no request robots.txt disallows, at most 2 at once per host, and the page budget holds across hosts', () => {
    expect(web.disallowedRequests()).toBe(0);
    expect(web.log.some((l) => l.path.startsWith('/staff/'))).toBe(false);
    expect(web.maxInFlightPerHost()).toBeLessThanOrEqual(2);
    for (const r of results.values()) {
      if (r.status !== 'skipped') expect(r.pagesFetched ?? 0, r.school.name ?? '').toBeLessThanOrEqual(MAX_PAGES);
    }
  });

  it('on a trust site listing several schools, each school gets its own report', () => {
    const trust = schools.filter((s) => s.style === 'trust-hosted');
    const found = trust.map((s) => { const r = results.get(s.urn)!; return r.status === 'audited' ? r.reportUrl : null; });
    expect(new Set(found).size).toBe(trust.length);
  });
});

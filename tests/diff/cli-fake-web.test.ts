// `senaudit diff` on two real batch runs (issue #5): the real CLI runs `senaudit batch` over a
// small fake web of schools on 127.0.0.1, the sites change, it runs again, and `senaudit diff`
// must report exactly what changed. Between the runs Alderbrook adds the SENCO section its report
// lacked, Birchfield drops its section on moving on, Cedar Bank stays the same, Damson Lane leaves
// the list and Elderfield joins it. Each section change moves exactly one requirement (checked on
// the results files below), so any other move the diff reports is a wrong comparison. (Not the
// complaints section: that plain prose holds the fixture's reading ease just above the
// plain-language line, so dropping it moves a second requirement.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ResultLine } from '../../src/batch/types.js';
import type { ResultsDiff } from '../../src/diff/compare.js';
import type { Finding } from '../../src/rules/types.js';
import { reportHtml } from '../batch/report-text.js';
import { runCli } from '../helpers/cli.js';
import { type FakeSchool, schoolPage, sendLinkPage, startFakeSchool } from '../helpers/fake-school.js';

// The fake web is on 127.0.0.1, which batch runs refuse unless told.
const BASE = ['--as-of', '2026-11-01', '--allow-private', '--quiet'];
const REPORT = '/send/sen-information-report/';

interface Listed {
  name: string;
  urn: string;
  /** The address given in the input list. */
  url: string;
  site: FakeSchool;
}

let dir: string;
const schools: Record<'alder' | 'birch' | 'cedar' | 'damson' | 'elder', Listed> = {} as never;
let oldResults: string;
let newResults: string;

const key = (s: Listed) => `urn:${s.urn}`;
const csv = (list: Listed[]) => ['name,url,urn', ...list.map((s) => `${s.name},${s.url},${s.urn}`)].join('\n') + '\n';
const readLines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
const findings = (l: ResultLine | undefined): Map<string, Finding> => {
  if (l?.status !== 'audited') throw new Error(`expected an audited line, got ${l?.status}`);
  return new Map(l.report.results.map((f) => [f.id, f]));
};

/** A school whose report the list points straight at. */
async function direct(name: string, urn: string): Promise<Listed> {
  const site = await startFakeSchool({ [REPORT]: { html: reportHtml(name) } });
  return { name, urn, url: site.url(REPORT), site };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-diff-web-'));
  // Alderbrook is listed by its home page, so the batch finds the report through its SEND page.
  const alder = await startFakeSchool({
    '/': { html: schoolPage('Alderbrook Primary School', [['SEND', '/send/']]) },
    '/send/': { html: sendLinkPage('SEN Information Report 2026', REPORT) },
    [REPORT]: { html: reportHtml('Alderbrook Primary School', { without: ['Our SENCO'] }) },
  });
  schools.alder = { name: 'Alderbrook Primary School', urn: '920001', url: alder.url('/'), site: alder };
  schools.birch = await direct('Birchfield Academy', '920002');
  schools.cedar = await direct('Cedar Bank School', '920003');
  schools.damson = await direct('Damson Lane School', '920004');
  schools.elder = await direct('Elderfield School', '920005');
  const { alder: a, birch: b, cedar: c, damson: d, elder: e } = schools;

  writeFileSync(join(dir, 'last-year.csv'), csv([a, b, c, d]));
  const first = await runCli(['batch', join(dir, 'last-year.csv'), '--out', join(dir, 'last-year'), ...BASE]);
  expect(first.stderr).toBe('');

  // A year on: Alderbrook fixed its gap, Birchfield lost its section on moving on.
  a.site.set(REPORT, { html: reportHtml(a.name) });
  b.site.set(REPORT, { html: reportHtml(b.name, { without: ['Moving on'] }) });
  writeFileSync(join(dir, 'this-year.csv'), csv([a, b, c, e]));
  const second = await runCli(['batch', join(dir, 'this-year.csv'), '--out', join(dir, 'this-year'), ...BASE]);
  expect(second.stderr).toBe('');

  oldResults = join(dir, 'last-year', 'results.ndjson');
  newResults = join(dir, 'this-year', 'results.ndjson');
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(schools).map((s) => s?.site.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('senaudit diff on two batch runs of a fake web', () => {
  test('the runs differ in exactly the two requirements the sites changed', () => {
    const was = new Map(readLines(oldResults).map((l) => [l.school.key, l]));
    const now = new Map(readLines(newResults).map((l) => [l.school.key, l]));
    const { alder, birch, cedar, damson, elder } = schools;
    expect([...was.keys()].sort()).toEqual([alder, birch, cedar, damson].map(key));
    expect([...now.keys()].sort()).toEqual([alder, birch, cedar, elder].map(key));
    for (const l of [...was.values(), ...now.values()]) expect(l.status, l.school.key).toBe('audited');
    const moves = (s: Listed) => {
      const before = findings(was.get(key(s)));
      const after = findings(now.get(key(s)));
      return [...after.values()].filter((f) => before.get(f.id)?.status !== f.status).map((f) => `${f.id}: ${before.get(f.id)?.status} -> ${f.status}`);
    };
    expect(moves(alder)).toEqual(['senco-contact: missing -> met']);
    expect(moves(birch)).toEqual(['transitions-adulthood: met -> missing']);
    expect(moves(cedar)).toEqual([]);
  });

  test('text: Alderbrook now meets senco-contact, Birchfield has a new transitions gap, Elderfield added, Damson Lane gone; nothing else', async () => {
    const res = await runCli(['diff', oldResults, newResults]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const { alder, birch, damson, elder } = schools;
    const title = (id: string) => findings(readLines(newResults).find((l) => l.school.key === key(alder))).get(id)!.title;
    const blocks: Record<string, string> = {
      [key(alder)]: `${alder.name} (${key(alder)})\n  Now met (1):\n    senco-contact: ${title('senco-contact')} (missing -> met)`,
      [key(birch)]: `${birch.name} (${key(birch)})\n  New gaps (1):\n    transitions-adulthood: ${title('transitions-adulthood')} (met -> missing)`,
      [key(elder)]: `${elder.name} (${key(elder)}): added (audited)`,
    };
    // Changed and added schools in the new run's order (the order they finished in), then the gone.
    const order = readLines(newResults).map((l) => l.school.key).filter((k) => k in blocks);
    expect(res.stdout).toBe(
      [
        `Comparing ${oldResults} (4 schools, as of 2026-11-01)`,
        `     with ${newResults} (4 schools, as of 2026-11-01)`,
        '',
        '2 schools changed, 1 unchanged, 1 added, 1 gone. 1 requirement now met, 1 new gap.',
        ...order.flatMap((k) => ['', blocks[k]!]),
        '',
        `${damson.name} (${key(damson)}): gone (was audited)`,
        '',
      ].join('\n'),
    );
  });

  test('--format json: the same changes as data, every other requirement unmoved', async () => {
    const res = await runCli(['diff', oldResults, newResults, '--format', 'json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const diff = JSON.parse(res.stdout) as ResultsDiff;
    const { alder, birch, cedar, damson, elder } = schools;
    expect(diff.schemaVersion).toBe(1);
    expect(diff.old).toEqual({ file: oldResults, schools: 4, asOf: ['2026-11-01'] });
    expect(diff.new).toEqual({ file: newResults, schools: 4, asOf: ['2026-11-01'] });
    expect(diff.summary).toEqual({ changed: 2, unchanged: 1, added: 1, gone: 1, nowMet: 1, newGaps: 1 });
    const by = new Map(diff.schools.map((s) => [s.key, s]));
    expect(diff.schools).toHaveLength(5);
    const same = { from: 'audited', to: 'audited', detail: null };
    expect(by.get(key(alder))).toEqual({
      key: key(alder),
      name: alder.name,
      change: 'changed',
      ...same,
      nowMet: [{ id: 'senco-contact', title: expect.any(String), severity: expect.any(String), from: 'missing', to: 'met' }],
      newGaps: [],
      other: [],
    });
    expect(by.get(key(birch))).toEqual({
      key: key(birch),
      name: birch.name,
      change: 'changed',
      ...same,
      nowMet: [],
      newGaps: [{ id: 'transitions-adulthood', title: expect.any(String), severity: expect.any(String), from: 'met', to: 'missing' }],
      other: [],
    });
    expect(by.get(key(cedar))).toEqual({ key: key(cedar), name: cedar.name, change: 'unchanged', ...same, nowMet: [], newGaps: [], other: [] });
    expect(by.get(key(elder))).toMatchObject({ change: 'added', from: null, to: 'audited', nowMet: [], newGaps: [], other: [] });
    expect(by.get(key(damson))).toMatchObject({ change: 'gone', from: 'audited', to: null, nowMet: [], newGaps: [], other: [] });
    // The schools gone from the list come after the new run's schools.
    expect(diff.schools.at(-1)!.key).toBe(key(damson));
  });
});

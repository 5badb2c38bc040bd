import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { neutraliseCell } from '../../src/batch/csv-safe.js';
import { batchExitCode } from '../../src/batch/exit-code.js';
import { repairTail, ResultsWriter, scanLines } from '../../src/batch/ndjson.js';
import { inShard, shardOf } from '../../src/batch/shard.js';
import { SUMMARY_COLUMNS, writeSummary } from '../../src/batch/summary.js';
import type { ResultLine, SchoolInput } from '../../src/batch/types.js';
import type { Finding, Status } from '../../src/rules/types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'senaudit-batch-'));

function school(n: number, extra: Partial<SchoolInput> = {}): SchoolInput {
  return { key: `urn:${n}`, row: n + 1, urn: String(n), name: `School ${n}`, schoolType: null, url: `https://s${n}.example.org/`, la: 'Westmere', ...extra };
}

function finding(id: string, status: Status, severity: Finding['severity'] = 'error'): Finding {
  return { id, title: `Title of ${id}`, severity, status, source: 's', evidence: [], searched: [], advice: '', why: '', docs: null };
}

function audited(s: SchoolInput, statuses: Record<string, Status>): ResultLine {
  const results = Object.entries(statuses).map(([id, st]) => finding(id, st));
  const count = (st: Status) => results.filter((r) => r.status === st).length;
  const report = {
    schemaVersion: 1,
    schoolType: 'maintained_mainstream',
    document: { date: '2026-09-01', kind: 'report' },
    summary: { met: count('met'), partial: count('partial'), missing: count('missing'), notApplicable: count('not_applicable') },
    results,
  } as unknown as AuditReport;
  return { schemaVersion: 1, school: s, asOf: '2026-11-01', status: 'audited', reportUrl: `${s.url}report.pdf`, clickPath: [s.url!, `${s.url}report.pdf`], report };
}

const line = (l: ResultLine) => `${JSON.stringify(l)}\n`;

describe('neutraliseCell', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    for (const v of ['=1+2', '+44 1632', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(neutraliseCell(v)).toBe(`'${v}`);
    for (const v of ['Oak Primary', 'https://x.org/', "'quoted", '2026-09-01', '']) expect(neutraliseCell(v)).toBe(v);
    expect(neutraliseCell(3)).toBe(3);
    expect(neutraliseCell(null)).toBe('');
  });
});

describe('shards', () => {
  it('every key falls in exactly one share, stably', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `urn:${100000 + i}`);
    for (const n of [1, 2, 3, 7]) {
      const sizes = Array.from({ length: n }, (_, k) => keys.filter((key) => inShard(key, { k: k + 1, n })).length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(keys.length);
      for (const size of sizes) expect(size).toBeGreaterThan((keys.length / n) * 0.6);
    }
    expect(shardOf('urn:100000', 4)).toBe(shardOf('urn:100000', 4));
    expect(inShard('anything', null)).toBe(true);
  });
  it('does not depend on input order or run', () => {
    // Pinned values: a change here would reshuffle every CI matrix.
    expect([shardOf('urn:100001', 2), shardOf('urn:100002', 2), shardOf('urn:100003', 2), shardOf('url:https://a.example.org/', 3)]).toEqual([2, 2, 1, 2]);
  });
});

describe('results.ndjson', () => {
  it('appends whole lines, one at a time, even when many finish together', async () => {
    const path = join(tmp(), 'results.ndjson');
    const w = await ResultsWriter.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => w.append(audited(school(i), { a: 'met' }))));
    await w.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(50);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('repairTail cuts a partial last line left by a kill, and leaves whole files alone', async () => {
    const dir = tmp();
    const path = join(dir, 'results.ndjson');
    const whole = line(audited(school(1), { a: 'met' })) + line(audited(school(2), { a: 'missing' }));
    writeFileSync(path, whole + line(audited(school(3), { a: 'met' })).slice(0, 40));
    expect(await repairTail(path)).toBe(40);
    expect(readFileSync(path, 'utf8')).toBe(whole);
    expect(await repairTail(path)).toBe(0);
    expect(await repairTail(join(dir, 'absent.ndjson'))).toBe(0);
    writeFileSync(path, '{"half');
    expect(await repairTail(path)).toBe(6);
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('scanLines gives complete lines with byte offsets and ignores a partial last line', async () => {
    const path = join(tmp(), 'r.ndjson');
    writeFileSync(path, 'ab\n\nnaïve\n{"cut');
    const seen: [string, number, number][] = [];
    await scanLines(path, (l, ref) => seen.push([l, ref.offset, ref.length]));
    expect(seen).toEqual([
      ['ab', 0, 2],
      ['naïve', 4, 6],
    ]);
  });
});

describe('summary.csv', () => {
  it('one row per school in input order, later lines winning, formulas neutralised, statuses per requirement', async () => {
    const dir = tmp();
    const path = join(dir, 'results.ndjson');
    const evil = school(3, { name: '=HYPERLINK("http://evil.example/","Click")', la: '@risk', urn: '3' });
    writeFileSync(
      path,
      [
        audited(school(2), { 'kinds-of-sen': 'met', complaints: 'missing' }),
        { schemaVersion: 1, school: school(1), asOf: '2026-11-01', status: 'error', error: { code: 'fetch', message: '-could not connect' } },
        { schemaVersion: 1, school: evil, asOf: '2026-11-01', status: 'skipped', reason: '+closed' },
        audited(school(1), { 'kinds-of-sen': 'partial', complaints: 'met' }), // a retry: wins over the error
        { schemaVersion: 1, school: school(4), asOf: '2026-11-01', status: 'not_found', message: 'No report found.', pagesSearched: ['https://s4.example.org/'] },
      ]
        .map((l) => line(l as ResultLine))
        .join('') + '{"schemaVersion":1,"school":{"key":"urn:9"', // partial last line: ignored
    );
    const out = join(dir, 'summary.csv');
    const r = await writeSummary({ files: [path], outPath: out, failOn: 'error', requirementIds: ['kinds-of-sen', 'complaints'] });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...SUMMARY_COLUMNS, 'kinds-of-sen', 'complaints']);
    expect(rows.map((x) => [x['urn'], x['status'], x['kinds-of-sen'], x['complaints'], x['met'], x['reason']])).toEqual([
      ['1', 'audited', 'partial', 'met', '1', ''],
      ['2', 'audited', 'met', 'missing', '1', ''],
      ['3', 'skipped', '', '', '', "'+closed"],
      ['4', 'not_found', '', '', '', 'No report found.'],
    ]);
    expect(rows[2]!['name']).toBe(`'=HYPERLINK("http://evil.example/","Click")`);
    expect(rows[2]!['la']).toBe("'@risk");
    expect(rows[0]!['report_url']).toBe('https://s1.example.org/report.pdf');
    expect(rows[0]!['report_date']).toBe('2026-09-01');
    expect(r.counts).toEqual({ audited: 2, not_found: 1, error: 0, skipped: 1 });
    expect(r.requirements).toEqual([
      { id: 'kinds-of-sen', title: 'Title of kinds-of-sen', met: 1, applicable: 2 },
      { id: 'complaints', title: 'Title of complaints', met: 1, applicable: 2 },
    ]);
    expect(r.anyErrors).toBe(false);
    expect(r.anyGaps).toBe(true);
    expect(batchExitCode(r)).toBe(1);
  });

  it('merges several files: each school once, the last file read winning', async () => {
    const dir = tmp();
    const a = join(dir, 'a.ndjson');
    const b = join(dir, 'b.ndjson');
    writeFileSync(a, line(audited(school(1), { x: 'met' })) + line(audited(school(2), { x: 'missing' })));
    writeFileSync(b, line(audited(school(3), { x: 'met' })));
    appendFileSync(b, line(audited(school(2), { x: 'met' })));
    const out = join(dir, 'summary.csv');
    const r = await writeSummary({ files: [a, b], outPath: out, failOn: 'error' });
    const rows = parse(readFileSync(out), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x['urn'], x['x']])).toEqual([
      ['1', 'met'],
      ['2', 'met'],
      ['3', 'met'],
    ]);
    expect(r.anyGaps).toBe(false);
    expect(batchExitCode(r)).toBe(0);
    expect(batchExitCode({ anyErrors: true, anyGaps: true })).toBe(2);
  });
});

// `senaudit diff`: two results.ndjson files compared school by school (fixtures/diff: one school
// fixed a gap, another lost one, one changed status, one was added and one is gone).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffResults, type ResultsDiff } from '../../src/diff/compare.js';
import { readResults } from '../../src/diff/read.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const OLD = join(REPO_ROOT, 'fixtures/diff/old.ndjson');
const NEW = join(REPO_ROOT, 'fixtures/diff/new.ndjson');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-diff-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diffResults', () => {
  test('per school: now met, new gaps, status changes, added and gone', async () => {
    const diff = diffResults({ file: 'old', ...(await readResults(OLD)) }, { file: 'new', ...(await readResults(NEW)) });
    expect(diff.summary).toEqual({ changed: 3, unchanged: 1, added: 1, gone: 1, nowMet: 1, newGaps: 1 });
    const by = Object.fromEntries(diff.schools.map((s) => [s.key, s]));
    expect(by['urn:100001']).toMatchObject({ change: 'changed', nowMet: [{ id: 'local-offer', from: 'missing', to: 'met' }], newGaps: [], other: [] });
    expect(by['urn:100002']).toMatchObject({
      change: 'changed',
      nowMet: [],
      newGaps: [{ id: 'complaints', from: 'met', to: 'partial', severity: 'error' }],
      other: [{ id: 'senco-contact', from: 'partial', to: 'missing' }],
    });
    expect(by['urn:100003']).toMatchObject({ change: 'changed', from: 'audited', to: 'error' });
    expect(by['urn:100003']!.detail).toContain('HTTP 503');
    expect(by['urn:100004']).toMatchObject({ change: 'gone', from: 'audited', to: null });
    expect(by['urn:100005']).toMatchObject({ change: 'added', from: null, to: 'not_found' });
    expect(by['urn:100006']).toMatchObject({ change: 'unchanged' });
    // New run's order first, then the schools that are gone.
    expect(diff.schools.map((s) => s.key)).toEqual(['urn:100001', 'urn:100002', 'urn:100003', 'urn:100006', 'urn:100005', 'urn:100004']);
    expect(diff.old.asOf).toEqual(['2025-11-01']);
  });

  test('a school listed twice (a resumed run) counts by its last line', async () => {
    const lines = readFileSync(NEW, 'utf8').trimEnd().split('\n');
    const first = JSON.parse(lines[0]!);
    const changed = { ...first, status: 'skipped', reason: 'Closed in 2026.' };
    const file = join(dir, 'twice.ndjson');
    writeFileSync(file, [...lines, JSON.stringify(changed)].join('\n') + '\n');
    const read = await readResults(file);
    expect(read.schools.size).toBe(5);
    expect(read.schools.get('urn:100001')!.status).toBe('skipped');
  });
});

describe('senaudit diff', () => {
  test('text output, exit 0', async () => {
    const res = await runCli(['diff', 'fixtures/diff/old.ndjson', 'fixtures/diff/new.ndjson']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('3 schools changed, 1 unchanged, 1 added, 1 gone. 1 requirement now met, 1 new gap.');
    expect(res.stdout).toContain('Hollins Lane Primary (urn:100001)\n  Now met (1):\n    local-offer: Where the local authority publishes its Local Offer (missing -> met)');
    expect(res.stdout).toContain('Brook Vale Academy (urn:100002)\n  New gaps (1):\n    complaints: Arrangements for complaints from parents about SEN provision (met -> partly there)');
    expect(res.stdout).toContain('Pinfold School (urn:100003)\n  Status: audited -> error (Could not fetch');
    expect(res.stdout).toContain('Millbeck Primary (urn:100005): added (not found)');
    expect(res.stdout).toContain('Greystone Infants (urn:100004): gone (was audited)');
    expect(res.stdout).not.toContain('Ashgrove');
  });

  test('--format json', async () => {
    const res = await runCli(['diff', 'fixtures/diff/old.ndjson', 'fixtures/diff/new.ndjson', '--format', 'json']);
    expect(res.code).toBe(0);
    const diff = JSON.parse(res.stdout) as ResultsDiff;
    expect(diff.schemaVersion).toBe(1);
    expect(diff.summary.newGaps).toBe(1);
    expect(diff.schools).toHaveLength(6);
  });

  test('a truncated last line (an interrupted run) is skipped with a warning', async () => {
    const text = readFileSync(NEW, 'utf8');
    const cut = join(dir, 'cut.ndjson');
    writeFileSync(cut, text + text.split('\n')[0]!.slice(0, 120).replace('100001', '100009'));
    const res = await runCli(['diff', OLD, cut]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`senaudit: ${cut} line 6 is cut off (the run was probably interrupted); it was skipped.\n`);
    expect(res.stdout).toContain('3 schools changed, 1 unchanged, 1 added, 1 gone.');
  });

  test('a damaged line in the middle, or a missing file, is an error (exit 2)', async () => {
    const lines = readFileSync(NEW, 'utf8').split('\n');
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, [lines[0], '{"schemaVersion": 1, "scho', ...lines.slice(1)].join('\n'));
    const res = await runCli(['diff', OLD, bad]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/bad\.ndjson line 2 is not a senaudit result line/);
    const missing = await runCli(['diff', OLD, join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

// `senaudit eval` as a user (and CI) runs it: the real CLI on the small fixture corpus, whose
// two-rule set agrees on 4 of 6 pairs, so --check must fail it and name what is below target.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { missedTargets, TARGETS } from '../../src/eval/index.js';
import type { EvalResult } from '../../src/eval/types.js';
import { runCli } from '../helpers/cli.js';

const args = ['eval', 'fixtures/eval', '--rules', 'fixtures/eval/rules.yaml', '--as-of', '2026-11-01'];
// Folders the tests write to, removed at the end (a run outside the test script leaves nothing in /tmp).
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test('prints the figures and writes them as JSON', async () => {
  const out = join(tempDir('senaudit-eval-'), 'figures.json');
  const r = await runCli([...args, '--json', out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Three-way agreement (met/partial/missing): 66.7% (4/6)');
  const json = JSON.parse(readFileSync(out, 'utf8')) as { overall: { pairs: number; agree: number } };
  expect(json.overall).toMatchObject({ pairs: 6, agree: 4 });
});

test('--check exits 1 below the targets and says which', async () => {
  const r = await runCli([...args, '--check']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^senaudit: accuracy below target: three-way agreement 0\.667 is below the target 0\.950; gap precision 0\.500/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test('missedTargets: a result at every target passes, one just below fails on that figure alone', () => {
  const gaps = (precision: number, tp: number) => ({ tp, fp: 0, fn: 0, tn: 0, precision, recall: TARGETS.gapRecall });
  const at: EvalResult = {
    documents: 1,
    requirements: ['a', 'b'],
    overall: { pairs: 10, agree: 9, agreement: TARGETS.agreement, gaps: gaps(TARGETS.gapPrecision, 9) },
    perRequirement: [
      { id: 'a', pairs: 5, agree: 5, agreement: 1, gaps: gaps(TARGETS.perRequirementGapPrecision, 5), confusion: {} as never },
      // Too few labelled gaps to be judged alone.
      { id: 'b', pairs: 5, agree: 5, agreement: 1, gaps: gaps(0, 4), confusion: {} as never },
    ],
    kind: { total: 10, correct: 9, accuracy: TARGETS.kindAccuracy, misses: [] },
    reportDate: { dated: 1, datedAgree: 1, datedAgreement: TARGETS.datedAgreement, undated: 1, undatedCorrect: 1, nullCorrectShare: TARGETS.undatedCorrect, misses: [] },
    disagreements: [],
  };
  expect(missedTargets(at)).toEqual([]);
  const worse = structuredClone(at);
  worse.perRequirement[0]!.gaps.precision = 0.84;
  expect(missedTargets(worse)).toEqual(['gap precision of a 0.840 is below the target 0.900']);
  const undated = structuredClone(at);
  undated.reportDate.nullCorrectShare = 0.8;
  expect(missedTargets(undated)).toEqual(['report_date null where the label is null 0.800 is below the target 0.920']);
});

test('prints the figures per part and per fold, and lists only the development part’s disagreements', async () => {
  // By the id hash, a and c are development documents and b is held out.
  const r = await runCli([...args, '--folds', '3']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^development {7}2 /m);
  expect(r.stdout).toMatch(/^held-out {10}1 /m);
  expect(r.stdout).toMatch(/^fold 3\/3 /m);
  expect(r.stdout).toContain("the held-out part's 0 (of 1 documents) are not shown");
  const listed = r.stdout.split('Disagreements (')[1]!;
  expect(listed).toMatch(/^ {2}c /m);
  expect(listed).not.toMatch(/^ {2}[ab] /m);
  const all = await runCli([...args, '--show-held-out']);
  expect(all.stdout).not.toContain('are not shown');
});

test('--parity audits each published original beside its text version and lists the requirements judged differently', async () => {
  const { mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
  const { makePdf } = await import('../helpers/pdf.js');
  const dir = tempDir('senaudit-parity-');
  mkdirSync(join(dir, 'texts'));
  mkdirSync(join(dir, 'originals'));
  copyFileSync('fixtures/eval/labels.json', join(dir, 'labels.json'));
  // a: the same words both ways; c: its text version has a sentence its PDF does not.
  writeFileSync(join(dir, 'texts', 'a.md'), 'We support pupils with autism. See www.anyshire.gov.uk/localoffer.\n');
  writeFileSync(join(dir, 'originals', 'a.pdf'), await makePdf([{ paragraphs: ['We support pupils with autism. See www.anyshire.gov.uk/localoffer.'] }]));
  writeFileSync(join(dir, 'texts', 'c.md'), 'We support pupils with autism.\n');
  writeFileSync(join(dir, 'originals', 'c.pdf'), await makePdf([{ paragraphs: ['We support pupils with dyslexia.'] }]));
  writeFileSync(join(dir, 'texts', 'b.md'), 'Our pupils.\n');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify([
      { id: 'a', text: 'texts/a.md', original: 'originals/a.pdf' },
      { id: 'b', text: 'texts/b.md', original: null },
      { id: 'c', text: 'texts/c.md', original: 'originals/c.pdf' },
    ]),
  );
  const r = await runCli(['eval', dir, '--rules', 'fixtures/eval/rules.yaml', '--as-of', '2026-11-01', '--parity']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Same words, two formats: 2 documents audited as published and as text; 1 judged differently.');
  expect(r.stdout).toMatch(/^ {2}c \[dev\]: kinds-of-sen \(original missing, text met\)$/m);
  expect(r.stdout).not.toMatch(/^ {2}a \[/m);
});

// The eval arithmetic (issue #3): a tiny labelled corpus in fixtures/eval with a two-rule set,
// and compareWithLabels on hand-made reports for kind and date agreement.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { extractText } from '../../src/extract/text.js';
import { compareWithLabels, formatEvalJson, formatEvalText, loadCorpus, reportDateAgrees, runEval, type DocumentLabel } from '../../src/eval/index.js';
import { loadRuleset } from '../../src/rules/loader.js';
import type { Finding, Status } from '../../src/rules/types.js';

const CORPUS = resolve(import.meta.dirname, '../../fixtures/eval');

describe('runEval on fixtures/eval', async () => {
  const ruleset = await loadRuleset(resolve(CORPUS, 'rules.yaml'), (p) => readFile(p, 'utf8'));
  const result = await runEval({
    corpusDir: CORPUS,
    ruleset,
    asOf: '2026-11-01',
    loadDocument: async (entry) => extractText(await readFile(entry.textPath, 'utf8'), true),
  });

  test('three-way agreement per requirement and overall', () => {
    expect(result.documents).toBe(3);
    expect(result.requirements).toEqual(['kinds-of-sen', 'local-offer']);
    const [kinds, local] = result.perRequirement;
    // kinds: a met/met, b missing/missing, c label missing but we say met.
    expect(kinds).toMatchObject({ pairs: 3, agree: 2, gaps: { tp: 1, fp: 0, fn: 1, tn: 1, precision: 1, recall: 0.5 } });
    // local-offer: a met/met, b partial/partial, c label met but we say missing.
    expect(local).toMatchObject({ pairs: 3, agree: 2, gaps: { tp: 0, fp: 1, fn: 0, tn: 2, precision: 0, recall: null } });
    expect(local!.confusion.partial.partial).toBe(1);
    expect(result.overall).toMatchObject({ pairs: 6, agree: 4, gaps: { tp: 1, fp: 1, fn: 1, tn: 3, precision: 0.5, recall: 0.5 } });
    expect(result.overall.agreement).toBeCloseTo(4 / 6, 10);
  });

  test('lists each disagreement with our evidence or what we searched, and the label quote', () => {
    expect(result.disagreements.map((d) => [d.doc, d.requirement, d.ours, d.label])).toEqual([
      ['c', 'kinds-of-sen', 'met', 'missing'],
      ['c', 'local-offer', 'missing', 'met'],
    ]);
    expect(result.disagreements[0]!.evidence[0]!.quote).toBe('Our staff know about autism.');
    expect(result.disagreements[1]!.searched[0]).toContain('localoffer');
    expect(result.disagreements[1]!.labelQuote).toBe('(a label that disagrees on purpose)');
  });

  test('text and JSON forms', () => {
    const text = formatEvalText(result);
    expect(text).toContain('Three-way agreement (met/partial/missing): 66.7% (4/6)');
    expect(text).toContain('precision 50.0%, recall 50.0% (tp 1, fp 1, fn 1, tn 3)');
    expect(text).toContain('c local-offer: ours missing, label met');
    const json = JSON.parse(formatEvalJson(result)) as { schemaVersion: number; overall: { agree: number } };
    expect(json.schemaVersion).toBe(1);
    expect(json.overall.agree).toBe(4);
  });
});

test('loadCorpus uses the original when the manifest has one', async () => {
  const files: Record<string, string> = {
    '/c/labels.json': JSON.stringify([{ id: 'x', kind: 'report', report_date: null, labels: {} }]),
    '/c/manifest.json': JSON.stringify([{ id: 'x', text: 'texts/x.txt', original: 'originals/x.pdf' }]),
  };
  const [entry] = await loadCorpus('/c', async (p) => files[p]!);
  expect(entry).toMatchObject({ id: 'x', path: '/c/originals/x.pdf', textPath: '/c/texts/x.txt', isOriginal: true });
});

describe('compareWithLabels: kind and report date', () => {
  const finding = (id: string, status: Status): Finding => ({
    id, title: id, severity: 'error', status, source: '', evidence: [], searched: [], advice: '', why: '', docs: null,
  });
  const report = (kind: AuditReport['document']['kind'], date: string | null, dateSource: AuditReport['document']['dateSource'], status: Status): AuditReport =>
    ({ document: { kind, date, dateSource }, results: [finding('r', status)] }) as unknown as AuditReport;
  const label = (id: string, kind: DocumentLabel['kind'], date: string | null): DocumentLabel => ({
    id, kind, report_date: date, labels: { r: { status: 'missing', quote: null } },
  });

  const result = compareWithLabels(
    [
      { id: '1', report: report('report', '2024-09', 'text', 'missing') }, // more precise date within the labelled year
      { id: '2', report: report('policy', '2023', 'text', 'not_applicable') }, // wrong kind, wrong year
      { id: '3', report: report('report', null, null, 'missing') }, // undated, label undated
      { id: '4', report: report('report', '2025-01-05', 'pdf-metadata', 'met') }, // metadata date is not the text's
      { id: '5', report: report('la_page', '2022', 'text', 'missing') }, // dated where the label is not
    ],
    [label('1', 'report', '2024'), label('2', 'report', '2024'), label('3', 'report', null), label('4', 'report', null), label('5', 'la_page', null)],
  );

  test('kind accuracy', () => {
    expect(result.kind).toMatchObject({ total: 5, correct: 4, accuracy: 0.8, misses: [{ doc: '2', ours: 'policy', label: 'report' }] });
  });

  test('report date: dated agreement and null-correct share', () => {
    expect(result.reportDate).toMatchObject({ dated: 2, datedAgree: 1, datedAgreement: 0.5, undated: 3, undatedCorrect: 2 });
    expect(result.reportDate.nullCorrectShare).toBeCloseTo(2 / 3, 10);
    expect(result.reportDate.misses.map((m) => m.doc)).toEqual(['2', '5']);
  });

  test('not_applicable counts as missing', () => {
    expect(result.perRequirement[0]!.confusion.missing.missing).toBe(4);
    expect(result.perRequirement[0]!.confusion.missing.met).toBe(1);
  });

  test('reportDateAgrees', () => {
    expect(reportDateAgrees('2024-09', '2024')).toBe(true);
    expect(reportDateAgrees('2024', '2024-09')).toBe(false);
    expect(reportDateAgrees('2024-09', '2024-09')).toBe(true);
    expect(reportDateAgrees('20245', '2024')).toBe(false);
    expect(reportDateAgrees(null, null)).toBe(true);
    expect(reportDateAgrees('2024', null)).toBe(false);
  });
});

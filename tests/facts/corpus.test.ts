// Measures the fact finders against the labelled corpus: kind and report date per document.
// Prints every disagreement so heuristics can be judged; asserts the floors the project needs.

import { describe, expect, it } from 'vitest';
import type { SenDocument } from '../../src/document/types.js';
import { classifyKind } from '../../src/facts/kind.js';
import { findReportDate } from '../../src/facts/report-date.js';
import { type CorpusDoc, dateAgrees, haveCorpus, linesToDocument, loadCorpus } from './corpus-docs.js';

interface Scores {
  kind: number;
  dated: number;
  undated: number;
  misses: string[];
}

function score(docs: CorpusDoc[], docOf: (d: CorpusDoc) => SenDocument): Scores {
  const misses: string[] = [];
  let kind = 0;
  let dated = 0;
  let undated = 0;
  for (const d of docs) {
    const doc = docOf(d);
    const k = classifyKind(doc);
    if (k.kind === d.kind) kind++;
    else misses.push(`  ${d.id} kind: label ${d.kind}, got ${k.kind} (${k.reason})`);
    const date = findReportDate(doc);
    if (dateAgrees(date.value, d.reportDate)) {
      if (d.reportDate === null) undated++;
      else dated++;
    } else misses.push(`  ${d.id} date: label ${d.reportDate}, got ${date.value} ("${date.quote ?? ''}")`);
  }
  return { kind, dated, undated, misses };
}

function expectFloors(docs: CorpusDoc[], s: Scores): void {
  const withDate = docs.filter((d) => d.reportDate !== null).length;
  expect(s.kind / docs.length).toBeGreaterThanOrEqual(0.9);
  expect(s.dated / withDate).toBeGreaterThanOrEqual(0.85);
  expect(s.undated / (docs.length - withDate)).toBeGreaterThanOrEqual(0.85);
}

function summary(name: string, docs: CorpusDoc[], s: Scores): string {
  const withDate = docs.filter((d) => d.reportDate !== null).length;
  return `${name}: kind ${s.kind}/${docs.length}, dated ${s.dated}/${withDate}, undated ${s.undated}/${docs.length - withDate}\n${s.misses.join('\n')}`;
}

describe.skipIf(!haveCorpus)('facts against the labelled corpus', () => {
  const { docs, extractorName, texts } = haveCorpus ? loadCorpus() : { docs: [], extractorName: '', texts: new Map<string, string>() };

  it('finds kind (>= 90%) and report date (>= 85% of dated, >= 85% of undated) on the extracted texts', () => {
    const s = score(docs, (d) => d.doc);
    console.log(summary(extractorName, docs, s));
    expectFloors(docs, s);
  });

  // The same texts cut into blocks another way (a line each; the whole text as one block, as a
  // PDF with no line breaks gives): the heuristics must not depend on one extractor's layout.
  it('holds when the same texts are cut into blocks differently', () => {
    const lines = score(docs, (d) => linesToDocument(texts.get(d.id) ?? ''));
    const oneBlock = score(docs, (d) => linesToDocument((texts.get(d.id) ?? '').replace(/\s+/g, ' ')));
    console.log(`${summary('one block per line', docs, lines)}\n${summary('one block', docs, oneBlock)}`);
    expectFloors(docs, lines);
    expectFloors(docs, oneBlock);
  });
});

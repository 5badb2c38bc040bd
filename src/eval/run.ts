import { auditDocument } from '../audit/audit-document.js';
import type { SenDocument } from '../document/types.js';
import type { SchoolType } from '../rules/schema.js';
import type { Ruleset } from '../rules/types.js';
import { compareWithLabels } from './compare.js';
import { loadCorpus, type CorpusEntry, type ReadText } from './corpus.js';
import { foldOf, partOf } from './split.js';
import type { AuditedDocument, EvalResult, EvalSlices } from './types.js';

export interface EvalOptions {
  corpusDir: string;
  ruleset: Ruleset;
  /** YYYY-MM-DD: fixed so the annual-update judgement is repeatable. */
  asOf: string;
  /** Turns a corpus entry into a Document (the caller picks the extractor: PDF original or text). */
  loadDocument: (entry: CorpusEntry) => Promise<SenDocument>;
  /** Labels judge content, not which duties bind, so every rule is run (default maintained_mainstream). */
  schoolType?: SchoolType;
  readText?: ReadText;
  toolVersion?: string;
  /** Also score the corpus in this many folds (by a hash of each id), to show how figures move with the documents. */
  folds?: number;
}

/** Audits every labelled document of a corpus and compares the findings with the labels. */
export async function runEval(o: EvalOptions): Promise<EvalResult & { reports: AuditedDocument[]; slices: EvalSlices }> {
  const entries = await loadCorpus(o.corpusDir, o.readText);
  const reports: AuditedDocument[] = [];
  for (const entry of entries) {
    const doc = await o.loadDocument(entry);
    const report = auditDocument(doc, o.ruleset, {
      target: entry.path,
      finalUrl: null,
      asOf: o.asOf,
      schoolType: o.schoolType ?? 'maintained_mainstream',
      toolVersion: o.toolVersion ?? '0.0.0',
    });
    reports.push({ id: entry.id, report });
  }
  const labels = entries.map((e) => e.label);
  const slice = (keep: (e: CorpusEntry) => boolean) => compareWithLabels(reports, entries.filter(keep).map((e) => e.label));
  const slices: EvalSlices = {
    fullText: entries.some((e) => e.manifest.full_text === true) ? slice((e) => e.manifest.full_text === true) : null,
    dev: slice((e) => partOf(e.id) === 'dev'),
    heldOut: slice((e) => partOf(e.id) === 'held-out'),
    folds: o.folds && o.folds > 1 ? Array.from({ length: o.folds }, (_, k) => slice((e) => foldOf(e.id, o.folds!) === k)) : [],
  };
  return { ...compareWithLabels(reports, labels), reports, slices };
}

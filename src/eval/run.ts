import { auditDocument } from '../audit/audit-document.js';
import type { SenDocument } from '../document/types.js';
import type { SchoolType } from '../rules/schema.js';
import type { Ruleset } from '../rules/types.js';
import { compareWithLabels } from './compare.js';
import { loadCorpus, type CorpusEntry, type ReadText } from './corpus.js';
import type { AuditedDocument, EvalResult } from './types.js';

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
}

/** Audits every labelled document of a corpus and compares the findings with the labels. */
export async function runEval(o: EvalOptions): Promise<EvalResult & { reports: AuditedDocument[] }> {
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
  return { ...compareWithLabels(reports, entries.map((e) => e.label)), reports };
}

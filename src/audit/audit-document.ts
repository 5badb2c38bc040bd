import type { SenDocument } from '../document/types.js';
import { computeFacts, monthsBetween } from '../facts/index.js';
import { runRules } from '../rules/engine.js';
import type { SchoolType } from '../rules/schema.js';
import type { Ruleset } from '../rules/types.js';
import type { AuditReport } from './report.js';

export interface AuditContext {
  target: string;
  finalUrl: string | null;
  asOf: string; // YYYY-MM-DD
  schoolType: SchoolType;
  toolVersion: string;
  /** Answers of the link-check pre-pass (src/audit/link-check.ts); absent when links were not checked. */
  linkLive?: ReadonlyMap<string, boolean>;
}

/**
 * Document -> findings, with the document's facts. No I/O: everything it needs is given,
 * so the same document, rules and as-of date always give the same report.
 */
export function auditDocument(doc: SenDocument, ruleset: Ruleset, ctx: AuditContext): AuditReport {
  const facts = computeFacts(doc);
  const date = facts.reportDate;
  const results = runRules(
    ruleset,
    doc,
    {
      reportDate: date.value,
      reportDateQuote: date.quote,
      reportDateSource: date.source,
      ...(facts.kind.voice ? { documentVoice: facts.kind.voice } : {}),
      asOf: ctx.asOf,
      monthsSinceReportDate: date.value ? monthsBetween(date.value, ctx.asOf) : null,
      readingEase: facts.readingEase,
      textLayer: doc.textLayer,
      ...(ctx.linkLive ? { linkLive: ctx.linkLive } : {}),
    },
    ctx.schoolType,
  );
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return {
    schemaVersion: 1,
    tool: { name: 'senaudit', version: ctx.toolVersion },
    target: ctx.target,
    finalUrl: ctx.finalUrl,
    asOf: ctx.asOf,
    schoolType: ctx.schoolType,
    ruleset: ruleset.info,
    document: {
      format: doc.format,
      kind: facts.kind.kind,
      kindReason: facts.kind.reason,
      title: doc.title,
      date: date.value,
      dateSource: date.source,
      dateQuote: date.quote,
      pages: doc.pages,
      words: facts.words,
      readingEase: facts.readingEase === null ? null : Math.round(facts.readingEase * 10) / 10,
      textLayer: doc.textLayer,
      warnings: doc.warnings,
    },
    summary: { met: count('met'), partial: count('partial'), missing: count('missing'), notApplicable: count('not_applicable') },
    results,
  };
}

import type { ResultLine } from '../batch/types.js';
import type { Severity } from '../rules/types.js';
import { clean } from './common.js';

/** What a batch report is told beyond the result lines. Nothing here is a clock time: output stays deterministic. */
export interface BatchMeta {
  /** The report's title; default "SEN information report audit". */
  title?: string;
  /** For junit: the lowest severity of gap that is a failure (default error). */
  failOn?: Severity;
}

export type BatchOutcome = 'gaps' | 'all_met' | 'not_found' | 'error' | 'skipped';

export const OUTCOME_ORDER: readonly BatchOutcome[] = ['gaps', 'all_met', 'not_found', 'error', 'skipped'];

export const OUTCOME_LABEL: Record<BatchOutcome, string> = {
  gaps: 'Gaps found',
  all_met: 'All met',
  not_found: 'No report found',
  error: 'Could not audit',
  skipped: 'Skipped',
};

export function batchOutcome(l: ResultLine): BatchOutcome {
  if (l.status !== 'audited') return l.status;
  const s = l.report.summary;
  return s.missing + s.partial > 0 ? 'gaps' : 'all_met';
}

export function batchOutcomeLabel(l: ResultLine): string {
  return OUTCOME_LABEL[batchOutcome(l)];
}

/** The school's name, else its URL, else its key: what a reader recognises. */
export function batchSchoolName(l: ResultLine): string {
  return clean(l.school.name ?? l.school.url ?? l.school.key) || `row ${l.school.row}`;
}

/** Why a school was not audited, in one sentence (null when it was). */
export function batchWhyNot(l: ResultLine): string | null {
  if (l.status === 'not_found') return l.message;
  if (l.status === 'error') return l.error.message;
  if (l.status === 'skipped') return l.reason;
  return null;
}

export interface RuleShare {
  id: string;
  title: string;
  /** Audited schools the rule applies to. */
  applies: number;
  met: number;
  partial: number;
}

/** Per rule (in the order the first audited report lists them): how many audited schools meet it. */
export function ruleShares(lines: readonly ResultLine[]): RuleShare[] {
  const byId = new Map<string, RuleShare>();
  for (const l of lines) {
    if (l.status !== 'audited') continue;
    for (const f of l.report.results) {
      let s = byId.get(f.id);
      if (!s) byId.set(f.id, (s = { id: f.id, title: f.title, applies: 0, met: 0, partial: 0 }));
      if (f.status === 'not_applicable') continue;
      s.applies += 1;
      if (f.status === 'met') s.met += 1;
      if (f.status === 'partial') s.partial += 1;
    }
  }
  return [...byId.values()];
}

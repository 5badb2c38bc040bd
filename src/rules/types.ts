import type { CompiledMatcher } from './compile.js';
import type { RuleSpec, RulesetInfo, SchoolType, Severity } from './schema.js';

/** A rule ready to run: its spec plus compiled matchers. */
export interface Rule {
  spec: RuleSpec;
  met: CompiledMatcher;
  partial: CompiledMatcher | null;
  /** The file it came from, for messages. */
  file: string;
}

export interface Ruleset {
  info: RulesetInfo;
  rules: Rule[];
}

export type Status = 'met' | 'partial' | 'missing' | 'not_applicable';

export interface Evidence {
  quote: string;
  page: number | null;
  heading: string | null;
}

export interface Finding {
  id: string;
  title: string;
  severity: Severity;
  status: Status;
  source: string;
  evidence: Evidence[];
  searched: string[];
  advice: string;
  why: string;
  docs: string | null;
  /** For not_applicable: why. */
  reason?: string;
  /** Plain sentences about how the finding was reached, e.g. whether linked documents were checked. */
  notes?: string[];
}

export type { SchoolType, Severity };

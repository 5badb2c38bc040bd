import type { AuditReport, DocumentKind } from '../audit/report.js';
import type { Evidence } from '../rules/types.js';

/** The three statuses a label (and a finding, once not_applicable is set aside) can have. */
export type LabelStatus = 'met' | 'partial' | 'missing';

/** One document's labels, as in the corpus's labels.json. */
export interface DocumentLabel {
  id: string;
  kind: DocumentKind;
  /** `YYYY-MM`, `YYYY`, or null when the document gives no date for itself. */
  report_date: string | null;
  labels: Record<string, { status: LabelStatus; quote: string | null }>;
}

/** One document of the corpus, as in manifest.json. */
export interface ManifestEntry {
  id: string;
  /** The text, relative to the corpus folder. */
  text: string;
  /** The published PDF or DOCX, relative to the corpus folder, or null. */
  original: string | null;
  url?: string;
  school_name?: string;
  full_text?: boolean;
}

export interface AuditedDocument {
  id: string;
  report: AuditReport;
}

/** Gap detection with "missing" as the positive class: a gap is what a school must add. */
export interface GapCounts {
  /** We say missing, the label says missing. */
  tp: number;
  /** We say missing, the label says met or partial: we would send a school to add what it has. */
  fp: number;
  /** We say met or partial, the label says missing: a gap we do not report. */
  fn: number;
  tn: number;
  /** tp / (tp + fp); null when we report no gaps at all. */
  precision: number | null;
  /** tp / (tp + fn); null when the labels have no gaps. */
  recall: number | null;
}

export interface RequirementScore {
  id: string;
  pairs: number;
  agree: number;
  /** agree / pairs: three-way (met / partial / missing) agreement. */
  agreement: number;
  gaps: GapCounts;
  /** confusion[label][ours] */
  confusion: Record<LabelStatus, Record<LabelStatus, number>>;
}

export interface Disagreement {
  doc: string;
  requirement: string;
  ours: LabelStatus;
  label: LabelStatus;
  evidence: Evidence[];
  searched: string[];
  labelQuote: string | null;
}

export interface DateComparison {
  doc: string;
  ours: string | null;
  label: string | null;
  agrees: boolean;
}

export interface EvalResult {
  documents: number;
  requirements: string[];
  overall: { pairs: number; agree: number; agreement: number; gaps: GapCounts };
  perRequirement: RequirementScore[];
  kind: { total: number; correct: number; accuracy: number; misses: { doc: string; ours: DocumentKind; label: DocumentKind }[] };
  reportDate: {
    /** Documents whose label gives a date, and how many of those we agree with. */
    dated: number;
    datedAgree: number;
    datedAgreement: number | null;
    /** Documents whose label is null, and how many of those we also leave undated. */
    undated: number;
    undatedCorrect: number;
    nullCorrectShare: number | null;
    misses: DateComparison[];
  };
  disagreements: Disagreement[];
}

/** The same figures on parts of the corpus (src/eval/split.ts). */
export interface EvalSlices {
  /** The whole documents (`full_text: true`), the real use; null when the corpus marks none. */
  fullText: EvalResult | null;
  /** The part whose disagreements may be studied while rules change. */
  dev: EvalResult;
  /** The part that judges a change: its disagreements are not printed unless asked. */
  heldOut: EvalResult;
  /** With --folds k: each fold's figures. */
  folds: EvalResult[];
}

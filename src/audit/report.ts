import type { DocumentFormat } from '../document/types.js';
import type { RulesetInfo, SchoolType } from '../rules/schema.js';
import type { Finding } from '../rules/types.js';

export type DocumentKind = 'report' | 'policy' | 'la_page' | 'template' | 'link_page' | 'other';

/**
 * The result of one audit: the JSON contract of `--format json` (schemaVersion 1).
 * Fields may be added; none may be removed or change meaning without a new schemaVersion.
 */
export interface AuditReport {
  schemaVersion: 1;
  tool: { name: 'senaudit'; version: string };
  target: string;
  finalUrl: string | null;
  asOf: string;
  schoolType: SchoolType;
  ruleset: RulesetInfo;
  document: {
    format: DocumentFormat;
    kind: DocumentKind;
    /** One plain sentence on why the document was judged this kind. */
    kindReason: string;
    title: string | null;
    date: string | null;
    /** Where the date came from: the text itself or a labelled fallback. */
    dateSource: 'text' | 'pdf-metadata' | null;
    dateQuote: string | null;
    pages: number | null;
    words: number;
    readingEase: number | null;
    textLayer: boolean;
    warnings: string[];
  };
  summary: { met: number; partial: number; missing: number; notApplicable: number };
  results: Finding[];
  /** The school's name when the user gave it (`--school-name`, a batch input's name column): titles the Markdown and HTML reports. */
  schoolName?: string | null;
  /** With --discover: how the report was reached from the address given. */
  discovery?: { clickPath: string[]; pagesSearched: string[] };
}

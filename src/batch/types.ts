import type { AuditReport } from '../audit/report.js';
import type { SchoolType } from '../rules/vocabulary.js';

// The batch contract: what each input row becomes, and the line written to results.ndjson for
// it. Formatters (summary.csv, markdown, html) read only these types.

/** One school to audit, from a URL list, a CSV or a GIAS extract. */
export interface SchoolInput {
  /** Stable identity across runs, shards and resume: "urn:<URN>" when there is one, else "url:<normalised URL>". */
  key: string;
  /** 1-based line (or row) of the input file, for messages and to keep input order in summary.csv. */
  row: number;
  urn: string | null;
  name: string | null;
  /** From the CSV column or the GIAS type code; null means the default --school-type. */
  schoolType: SchoolType | null;
  /** Normalised http(s) URL, or null when the input gave none (an error row). */
  url: string | null;
  la: string | null;
  /** The school's e-mail address, when the input has an email column (for letters' mail merge). */
  email?: string;
  /** The input gave the address without a scheme: https:// was added, and http:// is tried when it fails. */
  schemeGuessed?: true;
}

/** What happened to one school. Every input row ends as exactly one of these. */
export type SchoolOutcome =
  | {
      status: 'audited';
      /** The report's address after discovery and redirects. */
      reportUrl: string;
      /** Addresses followed from the input URL to the report (first = input URL, last = reportUrl). */
      clickPath: string[];
      report: AuditReport;
      /** Pages and documents discovery requested on the way (robots.txt and sitemaps not counted). */
      pagesFetched?: number;
    }
  | {
      status: 'not_found';
      /** Plain sentence: "No SEN information report found in 30 pages of https://...". */
      message: string;
      pagesSearched: string[];
      pagesFetched?: number;
    }
  | {
      /** Could not be audited: fetch failure, robots.txt, unreadable document, bad input row. */
      status: 'error';
      error: { code: string; message: string };
      clickPath?: string[];
      pagesFetched?: number;
    }
  | {
      /** Not audited on purpose: closed school, out-of-scope type (the reason says which). */
      status: 'skipped';
      reason: string;
    };

/** One line of results.ndjson. */
export type ResultLine = { schemaVersion: 1; school: SchoolInput; asOf: string } & SchoolOutcome;

import { redactUrl } from '../fetch/redact.js';
import { auditDocument } from '../audit/audit-document.js';
import type { SenDocument } from '../document/types.js';
import { isAuditError } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import { classifyKind, wordCount } from '../facts/index.js';
import { REPORT_NAME } from '../facts/kind-signals.js';
import type { FetchedResource, Fetcher, FetchOptions } from '../fetch/types.js';
import type { SchoolType } from '../rules/vocabulary.js';
import type { Ruleset } from '../rules/types.js';
import type { SchoolInput, SchoolOutcome } from './types.js';
import { openStart, remembering, startAddresses } from '../discover/start.js';
import { noTextMessage } from '../audit/no-text.js';
import type { DocumentWork } from '../audit/isolated.js';

/** The discovery stage as src/discover/index.ts gives it (`findReport`). */
export type FindReport = (
  startUrl: string,
  fetcher: Fetcher,
  options: { maxPages: number; maxDepth: number; fetchOptions: FetchOptions; schoolName?: string | null; extract?: DocumentWork['extract'] },
) => Promise<
  | { found: true; resource: FetchedResource; doc: SenDocument; reportUrl: string; clickPath: string[]; pagesSearched: string[]; pagesFetched?: number }
  | { found: false; message: string; pagesSearched: string[]; pagesFetched?: number }
>;

export interface SchoolAuditSettings {
  ruleset: Ruleset;
  defaultSchoolType: SchoolType;
  asOf: string;
  toolVersion: string;
  fetchOptions: FetchOptions;
  maxPages: number;
  maxDepth: number;
}

export interface SchoolAuditDeps {
  /** Already polite (robots.txt, per-host limit, retries): see src/fetch/polite.ts. */
  fetcher: Fetcher;
  findReport: FindReport;
  /**
   * Where documents are read and judged: worker threads under a deadline and a memory ceiling in
   * the CLI (src/audit/isolated.ts); this thread when absent (tests of the batch in-process).
   */
  work?: DocumentWork;
}

/**
 * One school: find its report from the address given (which may be the report itself) and
 * audit it.
 * Never throws: every failure is an `error` outcome so the batch goes on.
 */
export async function auditSchool(school: SchoolInput, s: SchoolAuditSettings, deps: SchoolAuditDeps): Promise<SchoolOutcome> {
  if (school.url === null) return { status: 'error', error: { code: 'input', message: `Row ${school.row} has no website address.` } };
  // The first address that answers: https then http for an address given without a scheme, with
  // or without www. Discovery fetches it again, and the fallback below once more: both are
  // answered from the first answer.
  const addresses = startAddresses(school.url, school.schemeGuessed === true);
  const fetcher = remembering(deps.fetcher, addresses);
  try {
    const startUrl = (await openStart(addresses, fetcher, s.fetchOptions)).url;
    // findReport takes the start page itself when it is the report (a document, or a long page
    // that reads as one), else searches the site.
    const extract = deps.work?.extract ?? extractDocument;
    const found = await deps.findReport(startUrl, fetcher, { maxPages: s.maxPages, maxDepth: s.maxDepth, fetchOptions: s.fetchOptions, schoolName: school.name, extract });
    if (found.found) return withPages(await audit(school, found.doc, found.resource, found.clickPath, s, deps.work), found.pagesFetched);
    // A shorter start page titled as the report, with nothing better on the site: it is the report.
    const first = await fetcher(startUrl, s.fetchOptions);
    // (A start page without words of its own, such as a frameset, was searched through its links.)
    const doc = await extract({ bytes: first.bytes, contentType: first.contentType, name: first.finalUrl, baseUrl: first.finalUrl }).catch(() => null);
    if (doc && titledReport(doc)) return withPages(await audit(school, doc, first, [startUrl, ...first.redirects.filter((u) => u !== startUrl)], s, deps.work), found.pagesFetched);
    return withPages({ status: 'not_found', message: found.message, pagesSearched: found.pagesSearched }, found.pagesFetched);
  } catch (e) {
    if (isAuditError(e)) return { status: 'error', error: { code: e.code, message: e.message } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { status: 'error', error: { code: 'internal', message: `unexpected error: ${err.message}` } };
  }
}

/**
 * A web page that reads as a report and is titled as one (title or first heading), but is shorter
 * than discovery takes on sight: audited only when the site holds nothing better. Not a home page
 * that merely talks about "our school" (those read as reports too).
 */
function titledReport(doc: SenDocument): boolean {
  if (doc.format !== 'html' || classifyKind(doc).kind !== 'report') return false;
  const name = [doc.title ?? '', doc.blocks.find((b) => b.kind === 'heading')?.text ?? ''].join('\n');
  return wordCount(doc) >= MAYBE_MIN_WORDS && new RegExp(REPORT_NAME.source, 'i').test(name);
}

/** A page shorter than this is not taken for the report even when it is titled like one. */
const MAYBE_MIN_WORDS = 150;

async function audit(school: SchoolInput, doc: SenDocument, res: FetchedResource, clickPath: string[], s: SchoolAuditSettings, work: DocumentWork | undefined): Promise<SchoolOutcome> {
  const reportUrl = res.finalUrl;
  if (!doc.textLayer) {
    return {
      status: 'error',
      error: {
        code: 'unreadable',
        message: noTextMessage(reportUrl, doc),
      },
      clickPath: clickPath.map(redactUrl),
    };
  }
  const ctx = {
    target: school.url ? redactUrl(school.url) : reportUrl,
    finalUrl: reportUrl,
    asOf: s.asOf,
    schoolType: school.schoolType ?? s.defaultSchoolType,
    toolVersion: s.toolVersion,
  };
  const report = work ? await work.audit(doc, ctx) : auditDocument(doc, s.ruleset, ctx);
  return { status: 'audited', reportUrl, clickPath: clickPath.map(redactUrl), report };
}

/** The outcome with the number of pages discovery fetched, when it says. */
function withPages(outcome: SchoolOutcome, pagesFetched: number | undefined): SchoolOutcome {
  return pagesFetched === undefined || outcome.status === 'skipped' ? outcome : { ...outcome, pagesFetched };
}


// The document-level facts the audit reports beside the findings.

import type { SenDocument } from '../document/types.js';
import { classifyKind, type KindVerdict } from './kind.js';
import { readingEase, wordCount } from './readability.js';
import { findReportDate, type ReportDate } from './report-date.js';

export { classifyKind, type DocumentKind, type KindVerdict } from './kind.js';
export { readingEase, wordCount } from './readability.js';
export { findReportDate, isWithinMonths, monthsBetween, type ReportDate, type ReportDateSource } from './report-date.js';

export interface DocumentFacts {
  reportDate: ReportDate;
  kind: KindVerdict;
  readingEase: number | null;
  words: number;
}

export function computeFacts(doc: SenDocument): DocumentFacts {
  return { reportDate: findReportDate(doc), kind: classifyKind(doc), readingEase: readingEase(doc), words: wordCount(doc) };
}

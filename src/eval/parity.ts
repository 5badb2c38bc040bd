// The same words in two formats (issue #13, class 8): a corpus document published as a PDF or
// DOCX also has a text version. Audited both ways, they should be judged alike; where they are
// not, extraction (not the rules) is what differs. Only requirement ids and statuses are given, so
// a held-out document can be checked this way without being read.

import type { AuditReport } from '../audit/report.js';
import { partOf, type Part } from './split.js';

export interface ParityDifference {
  requirement: string;
  original: string;
  text: string;
}

export interface ParityRow {
  id: string;
  part: Part;
  differences: ParityDifference[];
}

/** The requirements judged differently in a document's original and its text version. */
export function parityRow(id: string, original: AuditReport, text: AuditReport): ParityRow {
  const asText = new Map(text.results.map((r) => [r.id, r.status]));
  const differences = original.results
    .filter((r) => asText.get(r.id) !== undefined && asText.get(r.id) !== r.status)
    .map((r) => ({ requirement: r.id, original: r.status, text: asText.get(r.id)! }));
  return { id, part: partOf(id), differences };
}

export function formatParity(rows: ParityRow[]): string {
  const differing = rows.filter((r) => r.differences.length > 0);
  const out = ['', `Same words, two formats: ${rows.length} documents audited as published and as text; ${differing.length} judged differently.`];
  for (const r of differing) {
    const list = r.differences.map((d) => `${d.requirement} (original ${d.original}, text ${d.text})`).join(', ');
    out.push(`  ${r.id} [${r.part}]: ${list}`);
  }
  return `${out.join('\n')}\n`;
}

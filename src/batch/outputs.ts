import { join } from 'node:path';
import type { LetterSettings } from '../format/letter/settings.js';
import type { Severity } from '../rules/vocabulary.js';
import { writeLetters } from './letters.js';
import { type BatchReport, writeBatchReports } from './reports.js';
import type { SummaryResult } from './summary.js';
import { WORKBOOK_FILE, writeWorkbook } from './workbook.js';

export interface OutputOptions {
  outDir: string;
  /** The results.ndjson files the summary was read from. */
  files: string[];
  failOn: Severity;
  /** --format: report.html, report.md, junit.xml. */
  reports: readonly BatchReport[];
  /** --letters: the letters' settings; null for no letters. */
  letters: LetterSettings | null;
  writeFileAtomic: (path: string, text: string) => Promise<void>;
  /** --format github: where each school's annotations go (stdout), or null for none. */
  annotations?: ((text: string) => void) | null;
}

/**
 * What `batch` and `merge` write after summary.csv, from the same results: summary.xlsx always,
 * then the reports and letters asked for. Returns a line for each, for the end of the run.
 */
export async function writeOutputs(summary: SummaryResult, o: OutputOptions): Promise<string[]> {
  if (o.annotations) {
    const { formatGithubSchool } = await import('../format/github.js');
    for await (const line of summary.latest.lines()) o.annotations(formatGithubSchool(line));
  }
  const workbook = join(o.outDir, WORKBOOK_FILE);
  await writeWorkbook(summary.latest, summary.requirementIds, workbook);
  const said = [`Workbook: ${workbook}`];
  for (const path of await writeBatchReports(o.reports, o.files, o.outDir, o.failOn, o.writeFileAtomic)) said.push(`Report: ${path}`);
  if (o.letters) {
    const l = await writeLetters(summary.latest, o.outDir, o.letters);
    const none = l.without > 0 ? `; ${l.without} school${l.without === 1 ? '' : 's'} could not be audited and ${l.without === 1 ? 'has' : 'have'} none` : '';
    said.push(`Letters: ${l.letters} in ${l.dir}${none}`);
  }
  return said;
}

import { join } from 'node:path';
import { parseResultLine, scanLines } from './ndjson.js';
import type { ResultLine } from './types.js';
import type { Severity } from '../rules/vocabulary.js';

/** Reports a batch can write beside results.ndjson and summary.csv (`--format`). */
export const BATCH_REPORTS = { html: 'report.html', markdown: 'report.md', junit: 'junit.xml' } as const;
export type BatchReport = keyof typeof BATCH_REPORTS;

/**
 * Each school's latest line, in input order. These reports show every school at once, so the
 * lines are held in memory: they are opt-in, unlike summary.csv which streams.
 */
export async function latestLines(files: string[]): Promise<ResultLine[]> {
  const latest = new Map<string, ResultLine>();
  for (const path of files) {
    await scanLines(path, (text) => {
      const line = parseResultLine(text);
      if (line) latest.set(line.school.key, line);
    });
  }
  return [...latest.values()].sort((a, b) => a.school.row - b.school.row || (a.school.key < b.school.key ? -1 : 1));
}

/** Writes the asked-for reports into `outDir`, each whole (temp file + rename); returns their paths. */
export async function writeBatchReports(
  formats: readonly BatchReport[],
  files: string[],
  outDir: string,
  failOn: Severity,
  writeFileAtomic: (path: string, text: string) => Promise<void>,
): Promise<string[]> {
  if (formats.length === 0) return [];
  const lines = await latestLines(files);
  const written: string[] = [];
  for (const format of formats) {
    const path = join(outDir, BATCH_REPORTS[format]);
    await writeFileAtomic(path, await render(format, lines, failOn));
    written.push(path);
  }
  return written;
}

async function render(format: BatchReport, lines: ResultLine[], failOn: Severity): Promise<string> {
  const meta = { failOn };
  switch (format) {
    case 'html':
      return (await import('../format/html.js')).formatBatchHtml(lines, meta);
    case 'markdown':
      return (await import('../format/markdown.js')).formatBatchMarkdown(lines, meta);
    case 'junit':
      return (await import('../format/junit.js')).formatBatchJunit(lines, meta);
  }
}

import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { clean, isWebUrl } from '../format/common.js';
import type { Finding, Status } from '../rules/types.js';
import type { LatestLines } from './latest-lines.js';
import type { ResultLine } from './types.js';

export const WORKBOOK_FILE = 'summary.xlsx';

// summary.xlsx: the SEND board's spreadsheet, the same results as summary.csv in three sheets.
// ExcelJS's streaming writer commits each row as it goes, so memory stays flat in the length of
// the list (npm run bench:batch measures it): Schools and Findings each walk the results once,
// and Requirements is written between them from the counts the Schools walk made.

/** The usual red/amber/green of an audit sheet, as Excel's own "good/neutral/bad" fills. */
export const RAG: Record<Status, { label: string; fill: string; font: string }> = {
  met: { label: 'Met', fill: 'FFC6EFCE', font: 'FF006100' },
  partial: { label: 'Partial', fill: 'FFFFEB9C', font: 'FF9C5700' },
  missing: { label: 'Missing', fill: 'FFFFC7CE', font: 'FF9C0006' },
  not_applicable: { label: 'N/A', fill: 'FFEDEDED', font: 'FF595959' },
};

interface RequirementCount {
  id: string;
  title: string;
  severity: string;
  source: string;
  counts: Record<Status, number>;
}

/** Text safe inside the workbook's XML: control characters removed, one line. */
const text = (s: string | null | undefined): string => (s ? clean(s) : '');

/** Writes summary.xlsx from the results (temp file, then rename: never left half-written). */
export async function writeWorkbook(latest: LatestLines, requirementIds: readonly string[], outPath: string): Promise<void> {
  const tmp = `${outPath}.${randomBytes(6).toString('hex')}.tmp`;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  book.creator = 'senaudit';
  try {
    const requirements = await writeSchools(book, latest, requirementIds);
    writeRequirements(book, requirements);
    await writeFindings(book, latest);
    await book.commit();
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

const SCHOOL_COLUMNS = ['URN', 'School', 'LA', 'Status', 'Report', 'Report date', 'Kind', 'Met', 'Partial', 'Missing', 'N/A', 'Reason'];

async function writeSchools(book: ExcelJS.stream.xlsx.WorkbookWriter, latest: LatestLines, ids: readonly string[]): Promise<RequirementCount[]> {
  const sheet = book.addWorksheet('Schools', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [...SCHOOL_COLUMNS, ...ids].map((header, i) => ({ header, width: i === 1 ? 36 : i === 4 ? 40 : i < SCHOOL_COLUMNS.length ? 12 : 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SCHOOL_COLUMNS.length + ids.length } };
  boldHeader(sheet.getRow(1));
  // The counts are numbers, right-aligned in their cells: so are their headings, to sit above them.
  for (let c = SCHOOL_COLUMNS.indexOf('Met') + 1; c <= SCHOOL_COLUMNS.indexOf('N/A') + 1; c++) sheet.getRow(1).getCell(c).alignment = { horizontal: 'right' };
  sheet.getRow(1).commit();

  const byId = new Map<string, RequirementCount>();
  for (const id of ids) byId.set(id, { id, title: id, severity: '', source: '', counts: { met: 0, partial: 0, missing: 0, not_applicable: 0 } });
  for await (const line of latest.lines()) {
    const s = line.school;
    const audited = line.status === 'audited' ? line : null;
    const row = sheet.addRow([
      text(s.urn),
      text(s.name),
      text(s.la),
      line.status.replace('_', ' '),
      null,
      text(audited?.report.document.date),
      audited?.report.document.kind ?? '',
      audited?.report.summary.met ?? null,
      audited?.report.summary.partial ?? null,
      audited?.report.summary.missing ?? null,
      audited?.report.summary.notApplicable ?? null,
      text(reason(line)),
    ]);
    const link = audited?.reportUrl ?? (line.status === 'not_found' ? null : s.url);
    if (isWebUrl(link)) row.getCell(5).value = { text: text(link), hyperlink: link };
    if (audited) {
      const found = new Map(audited.report.results.map((f) => [f.id, f]));
      ids.forEach((id, i) => {
        const f = found.get(id);
        if (!f) return;
        paint(row.getCell(SCHOOL_COLUMNS.length + 1 + i), f.status);
        const count = byId.get(id)!;
        count.counts[f.status]++;
        if (count.title === id) Object.assign(count, { title: text(f.title), severity: f.severity, source: text(f.source) });
      });
    }
    row.commit();
  }
  await sheet.commit();
  return [...byId.values()];
}

function writeRequirements(book: ExcelJS.stream.xlsx.WorkbookWriter, requirements: RequirementCount[]): void {
  const sheet = book.addWorksheet('Requirements', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = ['Requirement', 'Title', 'Severity', 'Source', 'Met', 'Partial', 'Missing', 'N/A', 'Met share', 'Partial share', 'Missing share'];
  sheet.columns = headers.map((header, i) => ({ header, width: i === 1 || i === 3 ? 44 : 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  boldHeader(sheet.getRow(1));
  // The counts are numbers, right-aligned in their cells: so are their headings, to sit above them.
  for (let c = SCHOOL_COLUMNS.indexOf('Met') + 1; c <= SCHOOL_COLUMNS.indexOf('N/A') + 1; c++) sheet.getRow(1).getCell(c).alignment = { horizontal: 'right' };
  sheet.getRow(1).commit();
  for (const r of requirements) {
    const applicable = r.counts.met + r.counts.partial + r.counts.missing;
    const share = (n: number) => (applicable > 0 ? n / applicable : null);
    const row = sheet.addRow([
      r.id,
      r.title,
      r.severity,
      r.source,
      r.counts.met,
      r.counts.partial,
      r.counts.missing,
      r.counts.not_applicable,
      share(r.counts.met),
      share(r.counts.partial),
      share(r.counts.missing),
    ]);
    for (const c of [9, 10, 11]) row.getCell(c).numFmt = '0%';
    row.commit();
  }
  sheet.commit();
}

async function writeFindings(book: ExcelJS.stream.xlsx.WorkbookWriter, latest: LatestLines): Promise<void> {
  const sheet = book.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = ['URN', 'School', 'Requirement', 'Title', 'Severity', 'Status', 'Evidence or what was searched', 'Citation'];
  sheet.columns = headers.map((header, i) => ({ header, width: i === 6 ? 80 : i === 1 || i === 3 || i === 7 ? 36 : 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  boldHeader(sheet.getRow(1));
  // The counts are numbers, right-aligned in their cells: so are their headings, to sit above them.
  for (let c = SCHOOL_COLUMNS.indexOf('Met') + 1; c <= SCHOOL_COLUMNS.indexOf('N/A') + 1; c++) sheet.getRow(1).getCell(c).alignment = { horizontal: 'right' };
  sheet.getRow(1).commit();
  for await (const line of latest.lines()) {
    if (line.status !== 'audited') continue;
    for (const f of line.report.results) {
      const row = sheet.addRow([text(line.school.urn), text(line.school.name), f.id, text(f.title), f.severity, null, text(evidenceOrSearched(f)), text(f.source)]);
      paint(row.getCell(6), f.status);
      row.commit();
    }
  }
  await sheet.commit();
}

/** The quotes that met the rule, else what was looked for, else why it does not apply. */
function evidenceOrSearched(f: Finding): string {
  if (f.status === 'not_applicable') return f.reason ?? '';
  if (f.evidence.length > 0) return f.evidence.map((e) => `\u201c${e.quote}\u201d`).join(' ');
  return f.searched.length > 0 ? `Looked for: ${f.searched.join('; ')}` : '';
}

function reason(line: ResultLine): string | null {
  if (line.status === 'error') return line.error.message;
  if (line.status === 'skipped') return line.reason;
  if (line.status === 'not_found') return line.message;
  return null;
}

function paint(cell: ExcelJS.Cell, status: Status): void {
  const rag = RAG[status];
  cell.value = rag.label;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: rag.fill } };
  cell.font = { color: { argb: rag.font } };
}

function boldHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

// `batch --letters` and summary.xlsx: every file is opened with a reader (mammoth for Word,
// ExcelJS for the workbook) and its content checked against the results the run wrote, including
// a school whose name carries characters unsafe in file names, formulas and XML.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ResultLine } from '../../src/batch/types.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { page, reportHtml } from './report-text.js';

// A bare "&" and "<" would break the XML if unescaped. (Not "&amp;": ExcelJS's reader decodes
// entities in plain string cells twice, so it would read back as "&" whatever was written.)
const HOSTILE = '=HYPERLINK("http://x.example/","Click") <b>& "Ünsafe"/..\\School\u0007';
const HOSTILE_SHOWN = '=HYPERLINK("http://x.example/","Click") <b>& "Ünsafe"/..\\School';

let server: TestServer;
let dir: string;
let out: string;
let lines: ResultLine[];
let stdout: string;

beforeAll(async () => {
  const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  server = await startServer({
    '/bramble/': html(reportHtml('Bramble Hill Primary School')),
    '/hostile/': html(reportHtml('Ünsafe School')),
    '/empty/': html(page('Quillfield School', [['About', '/about/']])),
  });
  dir = mkdtempSync(join(tmpdir(), 'senaudit-letters-'));
  out = join(dir, 'out');
  const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(
    join(dir, 'schools.csv'),
    [
      'urn,name,url,email',
      `100001,Bramble Hill Primary School,${server.url('/bramble/')},office@bramble.example.sch.uk`,
      `100002,${csv(HOSTILE)},${server.url('/hostile/')},`,
      `100003,Quillfield School,${server.url('/empty/')},head@quill.example.sch.uk`,
      `100004,Gone School,${server.url('/missing.html')},`,
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'senaudit.config.yaml'),
    [
      'letters:',
      '  authority: Anyshire County Council',
      '  service: SEND Service',
      '  address: [County Hall, Anytown AN1 1AA]',
      '  officer: { name: Robin Ashdown, role: SEND Officer, email: send@anyshire.example.gov.uk }',
      '  replyWithinDays: 30',
      '  closing: "Please send {school} (URN {urn}) news of the new report by {replyBy}."',
    ].join('\n'),
  );
  const r = await runCli(['batch', 'schools.csv', '--out', 'out', '--letters', '--as-of', '2026-11-01', '--quiet', '--allow-private'], { cwd: dir });
  expect(r.stderr).toBe('');
  stdout = r.stdout;
  lines = readFileSync(join(out, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
});
afterAll(() => server.close());

const audited = (urn: string) => {
  const l = lines.find((x) => x.school.urn === urn);
  if (l?.status !== 'audited') throw new Error(`${urn} was not audited`);
  return l;
};

describe('letters', () => {
  test('one Word letter and one Markdown letter per school audited or not found, with safe names', () => {
    const files = readdirSync(join(out, 'letters')).sort();
    for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.(docx|md|csv)$/);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(3);
    expect(files).toContain('100001-bramble-hill-primary-school.docx');
    expect(files.some((f) => f.startsWith('100002-hyperlink'))).toBe(true);
    expect(stdout).toMatch(/Letters: 3 in .*letters; 1 school could not be audited and has none/);
  });

  test('index.csv has a row per letter, ready for a mail merge', () => {
    const rows = parse(readFileSync(join(out, 'letters', 'index.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.urn)).toEqual(['100001', '100002', '100003']);
    const bramble = rows[0]!;
    expect(bramble.email).toBe('office@bramble.example.sch.uk');
    expect(bramble.file).toBe('100001-bramble-hill-primary-school.docx');
    const line = audited('100001');
    expect(Number(bramble.gaps)).toBe(line.report.results.filter((f) => f.status === 'missing').length);
    expect(Number(bramble.partial)).toBe(line.report.results.filter((f) => f.status === 'partial').length);
    // A name starting with "=" is not a formula in the mail-merge sheet.
    expect(rows[1]!.school!.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows[2]!.status).toBe('not_found');
  });

  test("the Word letter holds the heading block, the report and each gap in the rules' own words", async () => {
    const file = join(out, 'letters', '100001-bramble-hill-primary-school.docx');
    const { value: text } = await mammoth.extractRawText({ path: file });
    for (const s of ['Anyshire County Council', 'County Hall', 'Bramble Hill Primary School (URN 100001)', '1 November 2026', server.url('/bramble/')]) {
      expect(text).toContain(s);
    }
    const line = audited('100001');
    const gaps = line.report.results.filter((f) => f.status === 'missing' || f.status === 'partial');
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) {
      expect(text).toContain(g.title);
      expect(text).toContain(g.why);
      expect(text).toContain(g.source);
      expect(text).toContain(g.advice);
    }
    // 30 days after the as-of date, in the config's closing paragraph with its placeholders filled.
    expect(text).toContain('Please send Bramble Hill Primary School (URN 100001) news of the new report by 1 December 2026.');
    expect(text).toContain('Robin Ashdown');

    const { value: html } = await mammoth.convertToHtml({ path: file });
    const $ = load(html);
    expect($('h2').first().text()).toBe(`What the report needs (${gaps.length})`);
    expect($('h3').length).toBe(gaps.length);
    const met = line.report.results.filter((f) => f.status === 'met');
    expect($('ul li').map((_, li) => $(li).text()).get()).toEqual(met.map((f) => f.title));
    expect($(`a[href="${server.url('/bramble/')}"]`).length).toBe(1);
  });

  test('a hostile school name is written as text: the letter opens and shows it without the control character', async () => {
    const file = readdirSync(join(out, 'letters')).find((f) => f.startsWith('100002') && f.endsWith('.docx'))!;
    const { value: text } = await mammoth.extractRawText({ path: join(out, 'letters', file) });
    expect(text).toContain(HOSTILE_SHOWN);
    expect(text).not.toContain('\u0007');
  });

  test('the Markdown letter is the same letter; the not-found school is told so', () => {
    const md = readFileSync(join(out, 'letters', '100001-bramble-hill-primary-school.md'), 'utf8');
    expect(md).toMatch(/^Anyshire County Council {2}\nSEND Service/);
    expect(md).toContain('## What the report needs');
    const notFound = readFileSync(join(out, 'letters', readdirSync(join(out, 'letters')).find((f) => f.startsWith('100003') && f.endsWith('.md'))!), 'utf8');
    expect(notFound).toContain('We could not find an SEN information report on your website');
    expect(notFound).not.toContain('## What the report needs');
  });
});

describe('summary.xlsx', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'summary.xlsx'));
  });

  test('Schools: a row per school, frozen header, filters, a RAG cell per requirement and a link to the report', () => {
    const sheet = book.getWorksheet('Schools')!;
    expect(sheet.rowCount).toBe(1 + lines.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    // The count headings sit over their right-aligned numbers.
    expect(sheet.getRow(1).getCell(header.indexOf('Met') + 1).alignment).toMatchObject({ horizontal: 'right' });
    const line = audited('100001');
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('100001');
    const link = row.getCell(5).value as { text: string; hyperlink: string };
    expect(link.hyperlink).toBe(line.reportUrl);
    for (const f of line.report.results) {
      const cell = row.getCell(header.indexOf(f.id) + 1);
      const want = { met: ['Met', 'FFC6EFCE'], partial: ['Partial', 'FFFFEB9C'], missing: ['Missing', 'FFFFC7CE'], not_applicable: ['N/A', 'FFEDEDED'] }[f.status];
      expect(cell.value).toBe(want[0]);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(want[1]);
    }
  });

  test('a hostile name is a plain string cell, not a formula, with no control character', () => {
    const cell = book.getWorksheet('Schools')!.getRow(3).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(HOSTILE_SHOWN);
  });

  test('Requirements: counts and shares across the list; Findings: one row per school and requirement', () => {
    const req = book.getWorksheet('Requirements')!;
    const ids = lines.filter((l) => l.status === 'audited').flatMap((l) => (l.status === 'audited' ? l.report.results : []));
    const first = req.getRow(2);
    const id = String(first.getCell(1).value);
    const of = ids.filter((f) => f.id === id);
    expect(first.getCell(5).value).toBe(of.filter((f) => f.status === 'met').length);
    expect(first.getCell(7).value).toBe(of.filter((f) => f.status === 'missing').length);
    expect(first.getCell(9).numFmt).toBe('0%');
    const findings = book.getWorksheet('Findings')!;
    expect(findings.rowCount).toBe(1 + ids.length);
    const f = ids[0]!;
    expect(findings.getRow(2).getCell(3).value).toBe(f.id);
    expect(findings.getRow(2).getCell(8).value).toBe(f.source);
  });
});

test('merge writes the workbook, the reports and the letters from shards as batch does', async () => {
  const merged = join(dir, 'merged');
  const r = await runCli(['merge', join(out, 'results.ndjson'), '--out', 'merged', '--letters', '--format', 'markdown'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(readdirSync(merged).sort()).toEqual(['letters', 'report.md', 'summary.csv', 'summary.xlsx']);
  expect(readFileSync(join(merged, 'letters', '100001-bramble-hill-primary-school.md'), 'utf8')).toBe(
    readFileSync(join(out, 'letters', '100001-bramble-hill-primary-school.md'), 'utf8'),
  );
});

test('a placeholder that does not exist is a config error naming the line', async () => {
  const bad = mkdtempSync(join(tmpdir(), 'senaudit-letters-bad-'));
  writeFileSync(join(bad, 'senaudit.config.yaml'), 'letters:\n  authority: Anyshire\n  opening: "Dear {head}, we read your report."\n');
  writeFileSync(join(bad, 'urls.txt'), `${server.url('/bramble/')}\n`);
  const r = await runCli(['batch', 'urls.txt', '--out', 'o', '--letters', '--quiet', '--allow-private'], { cwd: bad });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/senaudit\.config\.yaml line 3: letters\.opening: "\{head\}" is not a placeholder: use \{school\}, \{urn\}, \{replyBy\}/);
});

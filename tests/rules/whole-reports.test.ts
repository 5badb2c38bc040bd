// Whole reports written for the project, each built to carry one way real reports are set out
// (questions for parents, the Regulations' own headings in capitals, a glossary first, headings
// that cite the Code, a report speaking to parents, an accessibility plan under a cover page, a
// CMS page of questions in an accordion):
// fixtures/reports/<name>.(txt|md|html) beside <name>.expected.yaml, which lists the kind and the
// requirements surely met or missing. The same report is judged the same as a PDF: set out as a
// two- or three-column table, or as Word sets it out (issue #13, classes 3, 5 and 8).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import type { SenDocument } from '../../src/document/types.js';
import { extractHtml } from '../../src/extract/html.js';
import { extractPdf } from '../../src/extract/pdf.js';
import { extractText } from '../../src/extract/text.js';
import type { Ruleset } from '../../src/rules/types.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';
import { load } from 'cheerio';
import { makeTablePdf, makeTwoColumnPdf, makeWordLikePdf, type PdfBlock } from '../helpers/pdf.js';

const ROOT = resolve(import.meta.dirname, '../../fixtures/reports');

interface Expected {
  kind: string;
  met?: string[];
  missing?: string[];
}

let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await builtinRuleset();
});

function audit(doc: SenDocument, target: string): AuditReport {
  return auditWith(ruleset, doc, target);
}

function statuses(report: AuditReport): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [r.id, r.status]));
}

function check(report: AuditReport, expected: Expected): void {
  expect(report.document.kind).toBe(expected.kind);
  const got = statuses(report);
  for (const id of expected.met ?? []) expect(`${id}: ${got[id]}`).toBe(`${id}: met`);
  for (const id of expected.missing ?? []) expect(`${id}: ${got[id]}`).toBe(`${id}: missing`);
}

const reports = readdirSync(ROOT)
  .filter((f) => /\.(txt|md|html)$/.test(f))
  .sort();

describe('whole reports', () => {
  for (const file of reports) {
    const name = file.replace(/\.(txt|md|html)$/, '');
    test(name, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const text = readFileSync(join(ROOT, file), 'utf8');
      const doc = file.endsWith('.html') ? await extractHtml(text, 'https://www.school.example.sch.uk/send') : extractText(text, file.endsWith('.md'));
      check(audit(doc, file), expected);
    });
  }
});

/** A plain-text report's title and its rows: each paragraph's first line beside the rest. */
function rowsOf(text: string): { title: string; rows: [string, string][] } {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const title = paragraphs.shift()!.replace(/\n/g, ' ');
  return { title, rows: paragraphs.map((p) => { const [first, ...rest] = p.split('\n'); return [first!, rest.join(' ')]; }) };
}

describe('the same report as a two-column PDF', () => {
  for (const name of ['questions-for-parents', 'regulation-headings']) {
    test(name, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const { title, rows } = rowsOf(readFileSync(join(ROOT, `${name}.txt`), 'utf8'));
      const pdf = await makeTwoColumnPdf(title, rows, { CreationDate: new Date('2019-05-01T00:00:00Z') });
      const report = audit(await extractPdf(new Uint8Array(pdf), `${name}.pdf`), `${name}.pdf`);
      check(report, { kind: expected.kind, met: expected.met });
      // The PDF's own metadata date, seven years old: found, said as such, and too old.
      expect(statuses(report)['annual-update']).toBe('missing');
    });
  }
});

/** An HTML fixture's headings, paragraphs and tables, in order, for drawing it as a PDF. */
function blocksOfHtml(html: string): PdfBlock[] {
  const $ = load(html);
  return $('main')
    .children()
    .toArray()
    .flatMap((el): PdfBlock[] => {
      const text = $(el).text().replace(/\s+/g, ' ').trim();
      if (/^h[1-6]$/.test(el.tagName)) return [{ heading: text }];
      if (el.tagName === 'p') return [{ paragraph: text }];
      if (el.tagName === 'table') return [{ table: $(el).find('tr').toArray().map((tr) => $(tr).find('th, td').toArray().map((c) => $(c).text().trim())) }];
      return [];
    });
}

// Word and school CMSs lay reports out as tables: a row's heading cell beside its answer, three
// columns, provision maps. pdfjs reads such a row's first line as one line across the cells, so
// without the cells parted the heading ran into the answer (issue #13, classes 3 and 8).
describe('the same report as a PDF of ruled tables', () => {
  // Reports only: an accessibility plan's cover page is not a table of questions.
  for (const file of reports.filter((f) => f.endsWith('.txt') && !f.startsWith('accessibility-plan'))) {
    const name = file.replace(/\.txt$/, '');
    test(`${name}, as three columns`, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const text = readFileSync(join(ROOT, file), 'utf8');
      const { rows } = rowsOf(text);
      // The title's first line as the heading, any lines under it (a review date) as a paragraph.
      const [title, ...underTitle] = text.trim().split(/\n\s*\n/)[0]!.split('\n');
      const table = [['Question', 'Our response', 'Find out more'], ...rows.map(([q, a]) => [q, a, 'Ask the SENCO'])];
      const blocks: PdfBlock[] = [{ heading: title! }, ...(underTitle.length ? [{ paragraph: underTitle.join(' ') }] : []), { table }];
      const pdf = await makeTablePdf(blocks, { CreationDate: new Date('2019-05-01T00:00:00Z') });
      check(audit(await extractPdf(new Uint8Array(pdf), `${name}.pdf`), `${name}.pdf`), { kind: expected.kind, met: expected.met });
    });
  }

  for (const name of ['provision-tables', 'accessibility-plan-table', 'accessibility-plan-model-columns']) {
    test(`${name}, its tables drawn`, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const pdf = await makeTablePdf(blocksOfHtml(readFileSync(join(ROOT, `${name}.html`), 'utf8')));
      check(audit(await extractPdf(new Uint8Array(pdf), `${name}.pdf`), `${name}.pdf`), expected);
    });

    // Written line by line across each row, the cells' lines woven together: each cell read whole again.
    test(`${name}, its tables written line by line across the page`, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const pdf = await makeTablePdf(blocksOfHtml(readFileSync(join(ROOT, `${name}.html`), 'utf8')), {}, { rowWise: true });
      check(audit(await extractPdf(new Uint8Array(pdf), `${name}.pdf`), `${name}.pdf`), expected);
    });
  }
});

test('provision-tables: evidence quotes a table row, not a lone cell, and the SENCO with her own contact', async () => {
  const doc = await extractHtml(readFileSync(join(ROOT, 'provision-tables.html'), 'utf8'), 'https://www.school.example.sch.uk/send');
  const quotes = (id: string) => audit(doc, 'provision-tables.html').results.find((r) => r.id === id)!.evidence.map((e) => e.quote);
  // A whole row of the training and equipment tables (which row: the one holding most of the
  // rule's own words, engine.ts strongestFirst), never a cell alone such as "Training".
  expect(quotes('staff-expertise-training')[0]).toBe('SENCO — National Award for SEN Co-ordination — 2024');
  expect([
    'Writing slopes and pencil grips — Handwriting',
    'Ear defenders and wobble cushions — Sensory needs',
    'Two height-adjustable tables — Children who use a wheelchair',
    'A hygiene room with a hoist — Personal care',
  ]).toContain(quotes('equipment-facilities')[0]);
  expect(quotes('senco-contact')[0]).toBe('SENCO — Mrs Ruth Okafor — senco@hollowfield.example.sch.uk / 01632 960 412');
});

test('accessibility-plan-actions: the sentence that holds most of what a rule asks is quoted, not one that names it in passing', () => {
  const doc = extractText(readFileSync(join(ROOT, 'accessibility-plan-actions.txt'), 'utf8'), false);
  const first = (id: string) => audit(doc, 'accessibility-plan-actions.txt').results.find((r) => r.id === id)!.evidence[0]!.quote;
  // Not "Staff have had training in autism ... and in the use of hoists", which comes first.
  expect(first('equipment-facilities')).toMatch(/^Action: Buy a second set of sloping boards/);
  expect(first('disabled-access-facilities')).toMatch(/^The main building has ramps, a lift, two accessible toilets/);
});

test('older-report-2016: a sentence under the heading of its requirement is quoted first, not teaching assistants\' courses or a plan that says what the help is', () => {
  const doc = extractText(readFileSync(join(ROOT, 'older-report-2016.txt'), 'utf8'), false);
  const first = (id: string) => audit(doc, 'older-report-2016.txt').results.find((r) => r.id === id)!.evidence[0]!;
  // Not the teaching assistants' courses, under "What training have the staff ... had?".
  expect(first('additional-support').heading).toBe('3. How will school staff support my child?');
  // Not the therapist's advice on equipment, under the resources question.
  expect(first('other-bodies').quote).toMatch(/^We work with the Educational Psychology Service/);
  // Not "The IEP says what extra help the child will get": a plan saying is not the pupil saying.
  expect(first('consulting-pupils').heading).toBe('7. How do you find out what my child thinks?');
});

test("send-policy-formal: parents are quoted from under the model policy's heading for them, and the complaints procedure from its first sentence", () => {
  const doc = extractText(readFileSync(join(ROOT, 'send-policy-formal.txt'), 'utf8'), false);
  const first = (id: string) => audit(doc, 'send-policy-formal.txt').results.find((r) => r.id === id)!.evidence[0]!;
  expect(first('consulting-parents').heading).toBe('5.3 Consulting and involving pupils and parents');
  // The school's own procedure, though it says "our school should".
  expect(first('complaints').quote).toMatch(/^Complaints about SEN provision in our school should be made to the class teacher/);
});

test('tabs-page: the hidden tabs are read, and additional support is quoted from the table of groups, not the staff\'s training', async () => {
  const doc = await extractHtml(readFileSync(join(ROOT, 'tabs-page.html'), 'utf8'), 'https://www.school.example.sch.uk/send');
  const report = audit(doc, 'tabs-page.html');
  const first = (id: string) => report.results.find((r) => r.id === id)!.evidence[0]!.quote;
  // In the fourth tab, hidden until clicked.
  expect(first('senco-contact')).toMatch(/Mrs Chiara Bellini/);
  // Not "Staff have had training ... in precision teaching": the rows weigh more (a pattern such as "1:1" counts).
  expect(first('additional-support')).not.toMatch(/training/);
  expect(first('additional-support')).toMatch(/—/);
});

test('sixth-form-college: quotes from under the report\'s own headings, not a heading line or a list of needs', () => {
  const doc = extractText(readFileSync(join(ROOT, 'sixth-form-college.txt'), 'utf8'), false);
  const first = (id: string) => audit(doc, 'sixth-form-college.txt').results.find((r) => r.id === id)!.evidence[0]!;
  // "If you are not happy" is the heading, not the quote.
  expect(first('complaints').heading).toBe('If you are not happy');
  expect(first('complaints').quote).not.toBe('If you are not happy');
  expect(first('staff-expertise-training').heading).toBe('Our staff');
  // The campus's lifts, not the list of needs that names wheelchair users.
  expect(first('disabled-access-facilities').quote).toMatch(/^The campus has lifts/);
});

describe('the same report as Word sets it out, as a PDF', () => {
  // Every text report: numbered headings and bullets at tab stops, the title set larger. The PDF's
  // metadata date is seven years old, so an undated report stays without a recent date.
  for (const file of reports.filter((f) => f.endsWith('.txt'))) {
    const name = file.replace(/\.txt$/, '');
    test(`${name}, as Word sets it out`, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const pdf = await makeWordLikePdf(readFileSync(join(ROOT, file), 'utf8'), { CreationDate: new Date('2019-05-01T00:00:00Z') });
      check(audit(await extractPdf(new Uint8Array(pdf), `${name}.pdf`), `${name}.pdf`), expected);
    });
  }

  // The same, justified (class 8): a stretched line's wide word spaces are not read as a table's
  // cells; with a running header on every page, which is furniture even on two pages; and with
  // Word's 8 points after each paragraph, which tells a sentence ending at the margin from a
  // paragraph's end.
  for (const file of reports.filter((f) => f.endsWith('.txt'))) {
    const name = file.replace(/\.txt$/, '');
    test(`${name}, as Word sets it out, justified, under a running header, paragraphs spaced`, async () => {
      const expected = parse(readFileSync(join(ROOT, `${name}.expected.yaml`), 'utf8')) as Expected;
      const layout = { justify: true, header: `${name} - SEND information`, spaceAfter: 8 };
      const pdf = await makeWordLikePdf(readFileSync(join(ROOT, file), 'utf8'), { CreationDate: new Date('2019-05-01T00:00:00Z') }, layout);
      check(audit(await extractPdf(new Uint8Array(pdf), `${name}.pdf`), `${name}.pdf`), expected);
    });
  }

  test('policy-and-report: numbered headings and bullets at tab stops, headings set larger', async () => {
    const expected = parse(readFileSync(join(ROOT, 'policy-and-report.expected.yaml'), 'utf8')) as Expected;
    const pdf = await makeWordLikePdf(readFileSync(join(ROOT, 'policy-and-report.txt'), 'utf8'));
    const doc = await extractPdf(new Uint8Array(pdf), 'policy-and-report.pdf');
    // Its sections are read as headings, so each answer stands under its own.
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(expect.arrayContaining(['4.2 The SEN governor', '5.1 The kinds of SEN that are provided for', '5.9 Expertise and training of staff']));
    check(audit(doc, 'policy-and-report.pdf'), expected);
  });

  test('informal-eight: a numbered heading straight after a bullet list is a heading, not one more item', async () => {
    const expected = parse(readFileSync(join(ROOT, 'informal-eight.expected.yaml'), 'utf8')) as Expected;
    const doc = await extractPdf(new Uint8Array(await makeWordLikePdf(readFileSync(join(ROOT, 'informal-eight.txt'), 'utf8'))), 'informal-eight.pdf');
    expect(doc.blocks.find((b) => b.text === '3. Spotting needs early')?.kind).toBe('heading');
    check(audit(doc, 'informal-eight.pdf'), expected);
  });
});

test('junior-2018-older-words: the SENCO is quoted with the next sentence, which says how to reach her', () => {
  const doc = extractText(readFileSync(join(ROOT, 'junior-2018-older-words.txt'), 'utf8'), false);
  const quote = audit(doc, 'junior-2018-older-words.txt').results.find((r) => r.id === 'senco-contact')!.evidence[0]!.quote;
  expect(quote).toMatch(/^The Special Educational Needs Co-ordinator \(SENCO\) is Mrs P\. Dunmore\. She can be contacted .*01632 960 218.*senco@staidans\.example\.sch\.uk\.$/);
});

test('accessibility-plan-model-columns: the cover table\'s "Date:" beside "July 2025" dates the plan, as a web page and as a PDF', async () => {
  const html = readFileSync(join(ROOT, 'accessibility-plan-model-columns.html'), 'utf8');
  const page = audit(await extractHtml(html, 'https://www.school.example.sch.uk/policies'), 'plan.html');
  const pdf = audit(await extractPdf(new Uint8Array(await makeTablePdf(blocksOfHtml(html))), 'plan.pdf'), 'plan.pdf');
  expect(page.document.date).toBe('2025-07');
  expect(pdf.document.date).toBe('2025-07');
});

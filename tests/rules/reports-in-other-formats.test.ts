// The same words give the same judgement whatever the format (issue #13, class 8): each text
// report in fixtures/reports, written out from its own blocks as a Word document and as a
// school's web page, is read by that format's extractor and audited, and every requirement gets
// the status its text version gets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, SenDocument } from '../../src/document/types.js';
import { extractDocx } from '../../src/extract/docx.js';
import { extractHtml } from '../../src/extract/html.js';
import { extractText } from '../../src/extract/text.js';
import type { Ruleset } from '../../src/rules/types.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';
import { makeDocx, type DocxParagraph } from '../extract/make-docx.js';

const ROOT = resolve(import.meta.dirname, '../../fixtures/reports');
const TEXT_REPORTS = readdirSync(ROOT).filter((f) => /\.(txt|md)$/.test(f));
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await builtinRuleset();
});

const statuses = (doc: SenDocument, target: string) => Object.fromEntries(auditWith(ruleset, doc, target).results.map((f) => [f.id, f.status]));
const textReport = (file: string) => extractText(readFileSync(join(ROOT, file), 'utf8'), file.endsWith('.md'));
/** A table row's cells, as the extractors join them into one block ("cell — cell"). */
const cells = (b: Block) => b.text.split(' — ');
const headingLevel = (b: Block) => Math.min(b.level ?? 2, 6);

/** Word's paragraphs for a document's blocks: headings in Word's heading styles, a run of table rows one table. */
function asDocx(blocks: Block[]): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'table_cell') {
      const last = out.at(-1);
      if (last && typeof last === 'object' && 'table' in last) last.table.push(cells(b));
      else out.push({ table: [cells(b)] });
    } else out.push(b.kind === 'heading' ? { text: b.text, style: `Heading${headingLevel(b)}` } : b.text);
  }
  return out;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A CMS page around the document's blocks (cookie banner, navigation, footer): a run of table rows is one table. */
function asPage(blocks: Block[]): string {
  const body: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) body.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  for (const b of blocks) {
    if (b.kind === 'table_cell') {
      rows.push(`<tr>${cells(b).map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
      continue;
    }
    flush();
    if (b.kind === 'heading') body.push(`<h${headingLevel(b)}>${escape(b.text)}</h${headingLevel(b)}>`);
    else if (b.kind === 'list_item') body.push(`<ul><li>${escape(b.text)}</li></ul>`);
    else body.push(`<p>${escape(b.text)}</p>`);
  }
  flush();
  return `<!doctype html><html><head><title>SEND</title></head><body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/send">SEND</a> <a href="/contact">Contact us</a></nav></header>
<main>${body.join('\n')}</main>
<footer><p>Registered charity. Company number 01234567.</p></footer></body></html>`;
}

describe('each text report as a Word document', () => {
  for (const file of TEXT_REPORTS) {
    it(file, async () => {
      const doc = textReport(file);
      const asWord = await extractDocx(new Uint8Array(makeDocx(asDocx(doc.blocks))), file.replace(/\.(txt|md)$/, '.docx'));
      expect(statuses(asWord, 'report.docx')).toEqual(statuses(doc, file));
    });
  }
});

describe('each text report as a web page', () => {
  for (const file of TEXT_REPORTS) {
    it(file, async () => {
      const doc = textReport(file);
      const page = await extractHtml(asPage(doc.blocks), 'https://www.school.example.sch.uk/send');
      expect(statuses(page, 'send.html')).toEqual(statuses(doc, file));
    });
  }
});

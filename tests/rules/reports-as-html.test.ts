// The same words give the same judgement as a web page (issue #13, class 8): each text report in
// fixtures/reports, written out as a school's web page from its own blocks (headings as <h1>-<h6>,
// table rows as a <table>, the rest as paragraphs, inside the navigation, cookie banner and footer
// a CMS adds), is read by the HTML extractor and audited, and every requirement gets the status
// its text version gets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/types.js';
import { extractHtml } from '../../src/extract/html.js';
import { extractText } from '../../src/extract/text.js';
import type { Ruleset } from '../../src/rules/types.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';

const ROOT = resolve(import.meta.dirname, '../../fixtures/reports');
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await builtinRuleset();
});

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A CMS page around the document's blocks: a run of table rows ("cell — cell") is one table. */
function asPage(blocks: Block[]): string {
  const body: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) body.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  for (const b of blocks) {
    if (b.kind === 'table_cell') {
      rows.push(`<tr>${b.text.split(' — ').map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
      continue;
    }
    flush();
    if (b.kind === 'heading') body.push(`<h${Math.min(b.level ?? 2, 6)}>${escape(b.text)}</h${Math.min(b.level ?? 2, 6)}>`);
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

const statuses = (r: { results: { id: string; status: string }[] }) => Object.fromEntries(r.results.map((f) => [f.id, f.status]));

describe('each text report as a web page', () => {
  for (const file of readdirSync(ROOT).filter((f) => /\.(txt|md)$/.test(f))) {
    it(file, async () => {
      const doc = extractText(readFileSync(join(ROOT, file), 'utf8'), file.endsWith('.md'));
      const page = await extractHtml(asPage(doc.blocks), 'https://www.school.example.sch.uk/send');
      expect(statuses(auditWith(ruleset, page, 'send.html'))).toEqual(statuses(auditWith(ruleset, doc, file)));
    });
  }
});

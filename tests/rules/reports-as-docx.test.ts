// The same words give the same judgement as a Word document (issue #13, class 8): each text
// report in fixtures/reports, written out as a .docx from its own blocks (headings in Word's
// heading styles, table rows as a Word table, the rest as paragraphs), is read by the DOCX
// extractor and audited, and every requirement gets the status its text version gets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocx } from '../../src/extract/docx.js';
import { extractText } from '../../src/extract/text.js';
import type { Block } from '../../src/document/types.js';
import type { Ruleset } from '../../src/rules/types.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';
import { makeDocx, type DocxParagraph } from '../extract/make-docx.js';

const ROOT = resolve(import.meta.dirname, '../../fixtures/reports');
let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await builtinRuleset();
});

/** Word's paragraphs for a document's blocks: a run of table rows ("cell — cell") is one table. */
function asDocx(blocks: Block[]): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'table_cell') {
      const last = out.at(-1);
      const row = b.text.split(' — ');
      if (last && typeof last === 'object' && 'table' in last) last.table.push(row);
      else out.push({ table: [row] });
    } else out.push(b.kind === 'heading' ? { text: b.text, style: `Heading${Math.min(b.level ?? 2, 6)}` } : b.text);
  }
  return out;
}

const statuses = (r: { results: { id: string; status: string }[] }) => Object.fromEntries(r.results.map((f) => [f.id, f.status]));

describe('each text report as a Word document', () => {
  for (const file of readdirSync(ROOT).filter((f) => /\.(txt|md)$/.test(f))) {
    it(file, async () => {
      const doc = extractText(readFileSync(join(ROOT, file), 'utf8'), file.endsWith('.md'));
      const docx = makeDocx(asDocx(doc.blocks));
      const asWord = await extractDocx(new Uint8Array(docx), file.replace(/\.(txt|md)$/, '.docx'));
      expect(statuses(auditWith(ruleset, asWord, 'report.docx'))).toEqual(statuses(auditWith(ruleset, doc, file)));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { AuditError } from '../../src/errors.js';
import { extractDocx } from '../../src/extract/docx.js';
import { makeDocx } from './make-docx.js';

describe('extractDocx', () => {
  it('reads Word headings, paragraphs, bold headings and tables', async () => {
    const docx = makeDocx([
      { text: 'SEN Information Report', style: 'Heading1' },
      'Our SENCO is Mrs Jo Bell. You can email her at senco@example.sch.uk.',
      { text: 'The Local Offer', style: 'Heading2' },
      'The council publishes its Local Offer online.',
      { text: 'Who to contact', bold: true },
      'Ring the school office.',
      { table: [['Need', 'Support'], ['Dyslexia', 'Reading group']] },
    ]);
    const doc = await extractDocx(docx);
    expect(doc).toMatchObject({ format: 'docx', title: 'SEN Information Report', pages: null, textLayer: true });
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text, b.heading])).toEqual([
      ['heading', 1, 'SEN Information Report', null],
      ['paragraph', null, 'Our SENCO is Mrs Jo Bell. You can email her at senco@example.sch.uk.', 'SEN Information Report'],
      ['heading', 2, 'The Local Offer', 'SEN Information Report'],
      ['paragraph', null, 'The council publishes its Local Offer online.', 'The Local Offer'],
      ['heading', 4, 'Who to contact', 'The Local Offer'],
      ['paragraph', null, 'Ring the school office.', 'Who to contact'],
      ['table_cell', null, 'Need — Support', 'Who to contact'],
      ['table_cell', null, 'Dyslexia — Reading group', 'Who to contact'],
    ]);
  });

  it('reads the Title style as the top heading', async () => {
    const doc = await extractDocx(makeDocx([{ text: 'Oakfield SEN Report', style: 'Title' }, 'Body text.']));
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Oakfield SEN Report' });
  });

  it('says a damaged .docx is unreadable, in one line', async () => {
    const good = makeDocx(['Hello there.']);
    for (const bad of [good.subarray(0, 40), Buffer.from('PK\u0003\u0004 not really a zip')]) {
      const err = await extractDocx(bad, 'report.docx').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuditError);
      expect((err as AuditError).code).toBe('unreadable');
      expect((err as AuditError).message).toMatch(/^report\.docx is not a readable Word document/);
      expect((err as AuditError).message).not.toContain('\n');
    }
  });
});

import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { AuditError } from '../../src/errors.js';
import { extractPdf } from '../../src/extract/pdf.js';
import { makePdf, makeTablePdf } from '../helpers/pdf.js';

const SENCO = 'Our SENCO is Mr David Okafor, who you can contact at senco@hillview.example.sch.uk or on 01632 960 456.';

/** A PDF drawn page by page with pdfkit's own API, for layouts makePdf does not cover. */
function drawPdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

async function expectUnreadable(bytes: Uint8Array, message: RegExp) {
  const err = await extractPdf(bytes, 'report.pdf').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AuditError);
  expect((err as AuditError).code).toBe('unreadable');
  expect((err as AuditError).message).toMatch(message);
  expect((err as AuditError).message).not.toContain('\n');
}

describe('extractPdf', () => {
  it('gives every block its 1-based page, and finds headings', async () => {
    const pdf = await makePdf([
      { heading: 'Hillview Primary School SEN Information Report', paragraphs: ['This report was last updated in October 2026.'] },
      { heading: 'Who is our SENCO?', paragraphs: [SENCO] },
      { heading: 'Complaints', paragraphs: ['If you are unhappy with the support your child receives, please follow our complaints policy.'] },
    ]);
    const doc = await extractPdf(pdf);
    expect(doc).toMatchObject({ format: 'pdf', pages: 3, textLayer: true, warnings: [] });
    const senco = doc.blocks.find((b) => b.text.includes('David Okafor'))!;
    expect(senco).toMatchObject({ kind: 'paragraph', page: 2, heading: 'Who is our SENCO?', text: SENCO });
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.page])).toEqual([
      ['Hillview Primary School SEN Information Report', 1],
      ['Who is our SENCO?', 2],
      ['Complaints', 3],
    ]);
    expect(doc.blocks.find((b) => b.text.startsWith('If you are unhappy'))!.page).toBe(3);
    expect(doc.title).toBe('Hillview Primary School SEN Information Report');
  });

  it('joins a paragraph pdfkit wrapped over several lines', async () => {
    const long = 'We provide for pupils with autism, dyslexia, speech and language needs, and social, emotional and mental health needs, and we review every plan with parents each term so that support keeps up with the child.';
    const doc = await extractPdf(await makePdf([{ heading: 'Kinds of Need', paragraphs: [long, 'Second paragraph.'] }]));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Kinds of Need', long, 'Second paragraph.']);
  });

  it('reads the title and the dates from the PDF metadata', async () => {
    const pdf = await makePdf([{ paragraphs: ['Our SENCO is Mrs Bell.'] }], {
      info: { Title: 'SEN Information Report 2025', CreationDate: new Date(Date.UTC(2024, 8, 2, 12)), ModDate: new Date(Date.UTC(2025, 9, 15, 12)) },
    });
    const doc = await extractPdf(pdf);
    expect(doc.title).toBe('SEN Information Report 2025');
    expect(doc.metadataDates).toEqual([
      { date: '2025-10-15', source: 'pdf-metadata' },
      { date: '2024-09-02', source: 'pdf-metadata' },
    ]);
  });

  it('drops running headers, footers and page numbers', async () => {
    const BODY = [
      'Our SENCO is Mrs Bell and she works on Mondays and Tuesdays.',
      'We support pupils with autism, dyslexia and speech needs in 2025.',
      'Parents meet the class teacher three times a year to review plans.',
      'The Local Offer describes services across the county for families.',
    ];
    const pdf = await drawPdf((d) => {
      for (let p = 1; p <= 4; p++) {
        d.addPage({ margin: 20 }); // small margins, so the footer stays on its page
        d.fontSize(9).text('Oakfield Primary School SEN Information Report 2025', 72, 30);
        d.fontSize(11).text(BODY[p - 1]!, 72, 100);
        d.fontSize(9).text(`Page ${p} of 4`, 72, 740);
      }
    });
    const doc = await extractPdf(pdf);
    expect(doc.blocks.map((b) => [b.text, b.page])).toEqual(BODY.map((text, i) => [text, i + 1]));
  });

  it('drops a two-page report\'s running header, so the title on the first page stays its title', async () => {
    const pdf = await drawPdf((d) => {
      for (let p = 1; p <= 2; p++) {
        d.addPage();
        d.fontSize(9).text('Oakfield Primary School - SEND Information', 72, 30);
        if (p === 1) d.fontSize(16).text('SEN Information Report 2026-27', 72, 80);
        d.fontSize(11).text(`Our SENCO is Mrs Bell; page ${p} of what we do is here.`, 72, 120);
      }
    });
    const doc = await extractPdf(pdf);
    expect(doc.blocks.map((b) => b.text)).toEqual(['SEN Information Report 2026-27', 'Our SENCO is Mrs Bell; page 1 of what we do is here.', 'Our SENCO is Mrs Bell; page 2 of what we do is here.']);
    expect(doc.title).toBe('SEN Information Report 2026-27');
  });

  it('keeps the lines at the top of a two-page document that differ from page to page', async () => {
    const pdf = await drawPdf((d) => {
      for (const heading of ['How we support children', 'How we support families']) {
        d.addPage();
        d.fontSize(14).text(heading, 72, 30);
        d.fontSize(11).text('Every child with SEN has a plan that we review with their parents each term.', 72, 80);
      }
    });
    const doc = await extractPdf(pdf);
    expect(doc.blocks.map((b) => b.text)).toContain('How we support children');
    expect(doc.blocks.map((b) => b.text)).toContain('How we support families');
  });

  // Lines set down the page as Word sets 11-point text: 12.65 points apart within a paragraph,
  // 8 points more between paragraphs. Each paragraph is given as its lines.
  function drawSpaced(paragraphs: string[][], afterEach = 8): Promise<Buffer> {
    return drawPdf((d) => {
      d.addPage();
      let y = 72;
      for (const lines of paragraphs) {
        for (const line of lines) {
          d.fontSize(11).text(line, 72, y, { lineBreak: false });
          y += 12.65;
        }
        y += afterEach;
      }
    });
  }
  const OPENING = [
    ['Oakfield Primary School SEN Information Report'],
    ['Every class teacher plans lessons so that children with special educational needs can take', 'part in everything, and the SENCO checks these plans with them each half term.'],
    ['Teaching assistants work with small groups in the mornings and with single children in the', 'afternoons, following the programmes the speech and language therapist sets for them.'],
    ['Our educational psychologist visits twice a term to assess children, advise their teachers', 'and meet their parents, and writes a short report for each child she sees.'],
    ['Parents meet the class teacher each term.'],
    ['Pupils say what helps them.'],
  ];

  it('keeps a paragraph whole where a sentence ends at the margin, when its paragraphs are set apart', async () => {
    const quote = [
      'Northshire County Council says that every school must meet the needs of pupils with SEN.',
      'Families can find out more about the services in the county on the Northshire Local Offer.',
    ];
    const doc = await extractPdf(await drawSpaced([...OPENING, quote, ['Our SENCO is Mrs Bell.']]));
    expect(doc.blocks.map((b) => b.text)).toContain(quote.join(' '));
  });

  it('does not run paragraphs together where the document sets no space between them', async () => {
    const first = ['Teaching assistants run small reading groups every morning in each of the seven classes.'];
    const second = ['Families can find out more about the services in the county on the Northshire Local Offer.'];
    const doc = await extractPdf(await drawSpaced([...OPENING, first, second, ['Our SENCO is Mrs Bell.']], 0));
    expect(doc.blocks.map((b) => b.text)).toEqual(expect.arrayContaining([first[0], second[0]]));
  });

  it('ends a heading that has no question mark where a paragraph\'s space follows it, though its line reached the margin', async () => {
    const heading = 'What should I do if I think my child has special educational needs and needs more help';
    const answer = ['Talk to your child\'s class teacher first, who will listen to what you have noticed at home.'];
    const doc = await extractPdf(await drawSpaced([...OPENING, [heading], answer, ['Our SENCO is Mrs Bell.']]));
    const texts = doc.blocks.map((b) => b.text);
    expect(texts).toContain(heading);
    expect(texts).toContain(answer[0]);
  });

  it('collects link annotations and addresses written in the text', async () => {
    const pdf = await drawPdf((d) => {
      d.addPage();
      d.fontSize(11).text('Find the Local Offer online.', { link: 'https://council.example/local-offer' });
      d.text('Read more at www.sendiass.example.org.uk/help today.');
    });
    const doc = await extractPdf(pdf);
    expect(doc.links).toEqual([
      { text: 'Find the Local Offer online.', url: 'https://council.example/local-offer' },
      { text: 'www.sendiass.example.org.uk/help', url: 'www.sendiass.example.org.uk/help' },
    ]);
  });

  it('skips a page that cannot be read, with a warning, and keeps the rest', async () => {
    const pdf = await new Promise<Buffer>((resolve) => {
      const d = new PDFDocument({ autoFirstPage: false, compress: false });
      const chunks: Buffer[] = [];
      d.on('data', (c: Buffer) => chunks.push(c));
      d.on('end', () => resolve(Buffer.concat(chunks)));
      for (let p = 1; p <= 3; p++) d.addPage().text(`Text on page ${p}.`);
      d.end();
    });
    // Point the page tree's second entry at an object that does not exist.
    const broken = pdf.toString('latin1').replace(/\/Kids \[(\d+ 0 R) \d+ 0 R/, '/Kids [$1 9999 0 R');
    const doc = await extractPdf(Buffer.from(broken, 'latin1'));
    expect(doc.blocks.map((b) => [b.text, b.page])).toContainEqual(['Text on page 1.', 1]);
    expect(doc.warnings).toContain('Page 2 could not be read and was skipped.');
  });

  it('returns textLayer false (not an error) for an image-only PDF', async () => {
    const doc = await extractPdf(await makePdf([{ paragraphs: [] }, { paragraphs: [] }], { imageOnly: true }));
    expect(doc).toMatchObject({ format: 'pdf', pages: 2, textLayer: false, blocks: [] });
  });

  it('warns about pages without text in an otherwise readable PDF', async () => {
    const pdf = await drawPdf((d) => {
      d.addPage().text('Our SENCO is Mrs Bell.');
      d.addPage().rect(72, 72, 200, 200).fill('#000000');
    });
    const doc = await extractPdf(pdf);
    expect(doc.textLayer).toBe(true);
    expect(doc.warnings).toEqual(['Page 2 has no text layer (scanned images or blank) and was not checked.']);
  });

  it('reads a PDF with only an owner (permissions) password', async () => {
    const pdf = await makePdf([{ paragraphs: ['Our SENCO is Mrs Bell.'] }], { ownerPassword: 'owner-only' });
    const doc = await extractPdf(pdf);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Our SENCO is Mrs Bell.']);
  });

  it('says a password-protected PDF is password-protected', async () => {
    await expectUnreadable(await makePdf([{ paragraphs: ['Secret.'] }], { userPassword: 'letmein' }), /^report\.pdf is password-protected/);
  });

  it('says a truncated PDF is not readable', async () => {
    const good = await makePdf([{ heading: 'SEN Information Report', paragraphs: ['Our SENCO is Mrs Jo Bell.'] }]);
    await expectUnreadable(good.subarray(0, Math.floor(good.length / 3)), /^report\.pdf is not a readable PDF \(it may be truncated or damaged\)/);
  });

  it('says bytes that are not a PDF at all are not readable', async () => {
    await expectUnreadable(Buffer.from('%PDF-1.7 and then nothing useful'), /not a readable PDF/);
    await expectUnreadable(new Uint8Array(0), /not a readable PDF/);
  });

  it('leaves the caller’s bytes intact', async () => {
    const pdf = new Uint8Array(await makePdf([{ paragraphs: ['Our SENCO is Mrs Bell.'] }]));
    const before = Buffer.from(pdf).toString('base64');
    await extractPdf(pdf);
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(pdf).toString('base64')).toBe(before);
  });

  it('lets timers run while a long PDF is read', async () => {
    const pdf = await makePdf(Array.from({ length: 30 }, (_, i) => ({ heading: `Section ${i + 1}`, paragraphs: ['Text. '.repeat(200)] })));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const doc = await extractPdf(pdf);
      expect(doc.pages).toBe(30);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
  });

  it('reads a table row by row: a row heading is parted from the answer beside it, and a row of short cells is one record', async () => {
    const pdf = await makeTablePdf([
      { heading: 'SEN Information Report' },
      {
        table: [
          ['Question', 'Our response', 'Who to ask'],
          ['Finding out what each pupil needs', 'On arrival, the class team builds a picture of each pupil over six weeks, using observation and reports from therapists.', 'SENCO'],
          ['Resources', 'Writing slopes', 'Ear defenders'],
        ],
      },
    ]);
    const doc = await extractPdf(new Uint8Array(pdf), 'table.pdf');
    const kinds = doc.blocks.map((b) => [b.kind, b.text]);
    expect(kinds).toContainEqual(['heading', 'Finding out what each pupil needs']);
    expect(kinds).toContainEqual(['table_cell', 'On arrival, the class team builds a picture of each pupil over six weeks, using observation and reports from therapists.']);
    // A row of short cells, each on its one line, is one record.
    expect(kinds).toContainEqual(['table_cell', 'Resources — Writing slopes — Ear defenders']);
  });

  it('keeps a section number or a bullet with the words after it at a tab stop, as Word sets them out', async () => {
    const pdf = await drawPdf((doc) => {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(12);
      doc.text('5.9', 72, 100, { lineBreak: false });
      doc.text('Expertise and training of staff', 126, 100);
      doc.font('Helvetica').fontSize(11);
      doc.text('\u2022', 90, 130, { lineBreak: false });
      doc.text('Staff have been trained in attachment and trauma.', 126, 130);
      doc.text('\u2022', 90, 150, { lineBreak: false });
      doc.text('Two teaching assistants hold the ELSA qualification.', 126, 150);
    });
    const doc = await extractPdf(new Uint8Array(pdf), 'policy.pdf');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '5.9 Expertise and training of staff'],
      ['list_item', 'Staff have been trained in attachment and trauma.'],
      ['list_item', 'Two teaching assistants hold the ELSA qualification.'],
    ]);
  });

  it('does not run a cell on from the cell before it, when the row is written cell after cell', async () => {
    // The left cell wraps over three lines; the cell beside it starts higher up, lower-case.
    const pdf = await makeTablePdf([
      { heading: 'Accessibility' },
      { paragraph: 'The school has made these changes to the building over the last three years.' },
      { table: [['Area', 'What we have done', 'When'], ['Getting around the building for pupils who use a wheelchair', 'ramps at both entrances, a lift and an accessible toilet on every floor', '2024']] },
    ]);
    const doc = await extractPdf(new Uint8Array(pdf), 'plan.pdf');
    const texts = doc.blocks.map((b) => b.text);
    expect(texts).toContain('Getting around the building for pupils who use a wheelchair');
    expect(texts).toContain('ramps at both entrances, a lift and an accessible toilet on every floor');
  });
});


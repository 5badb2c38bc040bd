import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';

export interface PdfPage {
  heading?: string;
  paragraphs: string[];
}

export interface PdfOptions {
  userPassword?: string;
  ownerPassword?: string;
  /** Each page one embedded image (a small grey PNG) and no text: a scanned report, no text layer. */
  imageOnly?: boolean;
  /** Each page's text is only spaces: text operators that draw nothing. */
  whitespaceOnly?: boolean;
  info?: { Title?: string; CreationDate?: Date; ModDate?: Date };
}

/** Makes a real PDF with pdfkit: one page per entry, so tests know which page holds which quote. */
export function makePdf(pages: PdfPage[], options: PdfOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      ...(options.userPassword || options.ownerPassword
        ? {
            userPassword: options.userPassword,
            ownerPassword: options.ownerPassword ?? 'owner-secret',
            permissions: { printing: 'highResolution', copying: false, modifying: false },
            pdfVersion: '1.7',
          }
        : {}),
      info: options.info ?? {},
    });
    collect(doc, resolve, reject);
    for (const page of pages) {
      doc.addPage();
      if (options.imageOnly) {
        doc.image(greyPng(16, 16), 72, 72, { width: 300 });
        continue;
      }
      if (options.whitespaceOnly) {
        for (let i = 0; i < 20; i++) doc.fontSize(11).text(' '.repeat(200));
        continue;
      }
      if (page.heading) doc.fontSize(18).text(page.heading).moveDown();
      for (const p of page.paragraphs) doc.fontSize(11).text(p).moveDown();
    }
    doc.end();
  });
}

/** A small grey PNG made here (signature, IHDR, IDAT, IEND), for a page that is a scanned image. */
function greyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A report laid out as many are: a table of two columns, the question or heading on the left and
 * the answer beside it on the right, rows running over pages. Made with pdfkit, dated by `info`.
 */
export function makeTwoColumnPdf(title: string, rows: [string, string][], info: PdfOptions['info'] = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, info });
    collect(doc, resolve, reject);
    doc.font('Helvetica-Bold').fontSize(16).text(title).moveDown();
    for (const [left, right] of rows) {
      if (doc.y > 700) doc.addPage();
      const top = doc.y;
      doc.font('Helvetica-Bold').fontSize(10).text(left, 40, top, { width: 160 });
      const leftEnd = doc.y;
      doc.font('Helvetica').fontSize(10).text(right || ' ', 220, top, { width: 330 });
      doc.x = 40;
      doc.y = Math.max(leftEnd, doc.y) + 8;
    }
    doc.end();
  });
}

/** One block of a report laid out on the page: a heading, a paragraph, or a table (first row its header). */
export type PdfBlock = { heading: string } | { paragraph: string } | { table: string[][] };

/**
 * A report as a word processor lays it out: headings, paragraphs and ruled tables whose cells wrap
 * within their column, a row as tall as its tallest cell, rows running over pages. Made with pdfkit.
 */
export function makeTablePdf(
  blocks: PdfBlock[],
  info: PdfOptions['info'] = {},
  // rowWise: each table row written line by line across its cells (the first line of every cell,
  // then the second...), as a scanned page's text layer and some producers write a table.
  layout: { rowWise?: boolean } = {},
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, info });
    collect(doc, resolve, reject);
    const left = 40;
    const width = 515;
    for (const block of blocks) {
      if (doc.y > 720) doc.addPage();
      if ('heading' in block) doc.font('Helvetica-Bold').fontSize(13).text(block.heading, left, doc.y, { width }).moveDown(0.5);
      else if ('paragraph' in block) doc.font('Helvetica').fontSize(10).text(block.paragraph, left, doc.y, { width }).moveDown(0.7);
      else {
        const columns = Math.max(...block.table.map((r) => r.length));
        const cellWidth = width / columns;
        block.table.forEach((row, r) => {
          doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
          const height = Math.max(...row.map((cell) => doc.heightOfString(cell, { width: cellWidth - 8 }))) + 8;
          if (doc.y + height > 800) doc.addPage();
          const top = doc.y;
          if (layout.rowWise) {
            const lines = row.map((cell) => wrapWords(doc, cell, cellWidth - 8));
            const lineHeight = doc.currentLineHeight(true);
            for (let k = 0; k < Math.max(...lines.map((l) => l.length)); k++) {
              lines.forEach((cellLines, c) => {
                if (cellLines[k]) doc.text(cellLines[k]!, left + c * cellWidth + 4, top + 4 + k * lineHeight, { lineBreak: false });
              });
            }
            row.forEach((_, c) => doc.rect(left + c * cellWidth, top, cellWidth, height).stroke());
          } else {
            row.forEach((cell, c) => {
              doc.rect(left + c * cellWidth, top, cellWidth, height).stroke();
              doc.text(cell, left + c * cellWidth + 4, top + 4, { width: cellWidth - 8 });
            });
          }
          doc.x = left;
          doc.y = top + height;
        });
        doc.moveDown(0.7);
      }
    }
    doc.end();
  });
}

/**
 * A plain-text report set out as Word sets one out: the first line a 16-point title; numbered
 * lines ("5.9 Expertise and training of staff") 14-point bold headings with a tab stop after the
 * number; the lines after a line ending in ":" bullets at a tab stop; the rest 11-point
 * paragraphs wrapped at the margin. Made with pdfkit.
 */
export function makeWordLikePdf(
  text: string,
  info: PdfOptions['info'] = {},
  // spaceAfter: points after each paragraph, as Word's Normal style sets 8 (contextual: none between list items).
  layout: { justify?: boolean; header?: string; spaceAfter?: number } = {},
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, info });
    collect(doc, resolve, reject);
    // A running header on every page, as Word repeats one: furniture, to be left out.
    const header = () => {
      if (!layout.header) return;
      const y = doc.y;
      doc.font('Helvetica').fontSize(9).text(layout.header, 72, 40, { width: 451, lineBreak: false });
      doc.x = 72;
      doc.y = y;
    };
    header();
    doc.on('pageAdded', header);
    let inList = false;
    text.split('\n').forEach((line, i) => {
      if (doc.y > 740) doc.addPage();
      const y = doc.y;
      const numbered = /^(\d+(?:\.\d+)*\.?)\s+(.*)$/.exec(line);
      if (!line.trim()) {
        inList = false;
        doc.moveDown(0.5);
      } else if (i === 0) {
        doc.font('Helvetica-Bold').fontSize(16).text(line, 72, y, { width: 451 });
      } else if (numbered && !line.includes('....')) {
        doc.font('Helvetica-Bold').fontSize(14).text(numbered[1]!, 72, y, { lineBreak: false });
        doc.text(numbered[2]!, 126, y, { width: 397 });
        inList = false;
      } else if (inList) {
        doc.font('Helvetica').fontSize(11).text('\u2022', 90, y, { lineBreak: false });
        doc.text(line, 108, y, { width: 415 });
      } else {
        // Justified, as many schools set their reports: a line before a word too long to fit is
        // stretched to the margin, its word spaces as wide as a table's gaps.
        doc.font('Helvetica').fontSize(11).text(line, 72, y, { width: 451, ...(layout.justify ? { align: 'justify' as const } : {}) });
      }
      if (layout.spaceAfter && line.trim() && !inList) doc.y += layout.spaceAfter;
      if (line.endsWith(':')) inList = true;
      doc.x = 72;
    });
    doc.end();
  });
}

/** A cell's text broken into lines no wider than `width` in the current font, word by word. */
function wrapWords(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(longer) > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines;
}

/** Gathers what pdfkit writes into one Buffer, handed to `resolve` when the document ends. */
function collect(doc: PDFKit.PDFDocument, resolve: (pdf: Buffer) => void, reject: (e: unknown) => void): void {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.on('end', () => resolve(Buffer.concat(chunks)));
  doc.on('error', reject);
}

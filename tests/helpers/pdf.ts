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

/** Gathers what pdfkit writes into one Buffer, handed to `resolve` when the document ends. */
function collect(doc: PDFKit.PDFDocument, resolve: (pdf: Buffer) => void, reject: (e: unknown) => void): void {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.on('end', () => resolve(Buffer.concat(chunks)));
  doc.on('error', reject);
}

import PDFDocument from 'pdfkit';

export interface PdfPage {
  heading?: string;
  paragraphs: string[];
}

export interface PdfOptions {
  userPassword?: string;
  ownerPassword?: string;
  /** Draw only shapes, no text: a scanned-looking PDF with no text layer. */
  imageOnly?: boolean;
  info?: { Title?: string; CreationDate?: Date; ModDate?: Date };
}

/** Makes a real PDF with pdfkit: one page per entry, so tests know which page holds which quote. */
export function makePdf(pages: PdfPage[], options: PdfOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
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
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const page of pages) {
      doc.addPage();
      if (options.imageOnly) {
        doc.rect(72, 72, 300, 200).fill('#333333');
        continue;
      }
      if (page.heading) doc.fontSize(18).text(page.heading).moveDown();
      for (const p of page.paragraphs) doc.fontSize(11).text(p).moveDown();
    }
    doc.end();
  });
}

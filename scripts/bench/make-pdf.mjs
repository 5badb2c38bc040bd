// A text PDF of exactly `pages` pages, made with pdfkit (a dev dependency; fine in a bench).
// Headings, paragraphs and bullet lists flow over the pages like a word-processed report.
import PDFDocument from 'pdfkit';
import { generateReport } from './prose.mjs';

const WORDS_PER_PAGE = 520;

export function makePdf({ pages, seed = 11 }) {
  const report = generateReport({ words: pages * WORDS_PER_PAGE + 2000, seed });
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      size: 'A4',
      margins: { top: 60, bottom: 60, left: 64, right: 64 },
      info: { Title: `${report.school.name} SEN Information Report`, Author: report.school.name, CreationDate: new Date(Date.UTC(2025, 8, 15)) },
    });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve({ bytes: Buffer.concat(chunks), pages: pageCount, words }));
    doc.on('error', reject);
    let pageCount = 0;
    let words = 0;
    const newPage = () => {
      doc.addPage();
      pageCount++;
      doc.fontSize(8).fillColor('#555555').text(`${report.school.name} - SEN Information Report 2025-26`, { align: 'right' });
      doc.fillColor('#000000').moveDown();
    };
    const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
    const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
    newPage();
    for (const b of report.blocks) {
      const size = b.kind === 'heading' ? (b.level === 1 ? 18 : b.level === 2 ? 14 : 12) : 11;
      const text = b.kind === 'list_item' || b.kind === 'table_cell' ? `\u2022 ${b.text}` : b.text;
      doc.font(b.kind === 'heading' ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      const h = doc.heightOfString(text, { width: width() });
      if (doc.y + h > bottom()) {
        if (pageCount === pages) break;
        newPage();
        doc.font(b.kind === 'heading' ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      }
      doc.text(text, { width: width() });
      doc.moveDown(b.kind === 'list_item' ? 0.2 : 0.6);
      words += b.text.split(/\s+/).length;
    }
    doc.end();
  });
}

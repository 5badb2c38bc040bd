import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { clean, isWebUrl } from './common.js';

// Small pieces both Word outputs (a school's letter, `audit --format docx`) are made of, on the
// `docx` library. Every text goes through clean() first: a control character from a document or
// an input file would make the XML, and so the whole file, unreadable in Word.

export type Block = Paragraph;

export const para = (text: string, opts: { bold?: boolean; italic?: boolean; right?: boolean } = {}): Block =>
  new Paragraph({
    children: [new TextRun({ text: clean(text), bold: opts.bold, italics: opts.italic })],
    alignment: opts.right ? AlignmentType.RIGHT : undefined,
    spacing: { after: 120 },
  });

/** A paragraph starting with a bold label: "Why the law asks for it: ...". */
export const labelled = (label: string, text: string): Block =>
  new Paragraph({ children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(clean(text))], spacing: { after: 120 } });

export const heading = (text: string, level: 1 | 2 | 3): Block =>
  new Paragraph({ text: clean(text), heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1] });

export const bullet = (text: string): Block => new Paragraph({ text: clean(text), bullet: { level: 0 } });

/** "Label: <address>" with the address a live link when it is a web address (never javascript: or data:). */
export function linkLine(label: string, url: string): Block {
  const shown = clean(url);
  const target = isWebUrl(url) ? new ExternalHyperlink({ link: url, children: [new TextRun({ text: shown, style: 'Hyperlink' })] }) : new TextRun(shown);
  return new Paragraph({ children: [new TextRun({ text: `${label} `, bold: true }), target], spacing: { after: 120 } });
}

/** Lines kept together in one paragraph (an address block, a sign-off). */
export function lines(items: readonly string[], opts: { right?: boolean } = {}): Block {
  return new Paragraph({
    children: items.map((t, i) => new TextRun({ text: clean(t), break: i > 0 ? 1 : undefined })),
    alignment: opts.right ? AlignmentType.RIGHT : undefined,
    spacing: { after: 240 },
  });
}

/** A .docx file of these blocks. The document's properties are fixed so the same input gives the same bytes' content. */
export function packDocx(title: string, blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'senaudit',
    title: clean(title),
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: blocks }],
  });
  return Packer.toBuffer(doc);
}

import { strToU8, zipSync, type Zippable } from 'fflate';

// Builds real .docx files for tests: a .docx is a ZIP of a few XML parts, written here as Word
// lays them out and zipped with fflate, so a test controls exactly what the file holds.

export type DocxParagraph =
  | string
  | { text: string; style?: string; bold?: boolean }
  | { table: string[][] };

/** A .docx whose body is `paragraphs` in order; `style` is a paragraph style id such as "Heading1". */
export function makeDocx(paragraphs: DocxParagraph[]): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', data: documentXml(paragraphs) },
  ]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function para(text: string, style?: string, bold = false): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

function documentXml(paragraphs: DocxParagraph[]): string {
  const body = paragraphs
    .map((p) => {
      if (typeof p === 'string') return para(p);
      if ('table' in p) {
        const rows = p.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${para(cell)}</w:tc>`).join('')}</w:tr>`);
        return `<w:tbl>${rows.join('')}</w:tbl>`;
      }
      return para(p.text, p.style, p.bold);
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

interface ZipEntry {
  name: string;
  data: string | Buffer;
}

/** A ZIP archive with each entry deflated, as Word writes them (fflate; fixed dates, so the bytes are repeatable). */
export function makeZip(entries: ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? strToU8(entry.data) : new Uint8Array(entry.data);
    files[entry.name] = [data, { level: 6, mtime: ZIP_DATE }];
  }
  return Buffer.from(zipSync(files));
}

const ZIP_DATE = new Date('2025-09-01T00:00:00Z');

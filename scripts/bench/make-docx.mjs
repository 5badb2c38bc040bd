// A DOCX of about `pages` pages (about 500 words a page, with a page break each time), written as
// a real zip with node:zlib: styles (so headings are headings), numbering (so bullets are list
// items), a table and external hyperlinks, as Word saves them.
import { strToU8, zipSync } from 'fflate';
import { generateReport } from './prose.mjs';

const WORDS_PER_PAGE = 500;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${[1, 2, 3]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${36 - n * 4}"/></w:rPr></w:style>`)
  .join('')}<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style></w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const core = (title) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2025-09-15T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-09-20T15:30:00Z</dcterms:modified></cp:coreProperties>`;

const run = (text) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

function documentXml(report, rels) {
  const body = [];
  let table = null;
  let wordsOnPage = 0;
  let linkIndex = 0;
  const flushTable = () => {
    if (!table) return;
    const rows = [];
    for (let i = 0; i < table.length; i += 3) {
      rows.push(`<w:tr>${table.slice(i, i + 3).map((c) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`);
    }
    body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join('')}</w:tbl>`);
    table = null;
  };
  for (const b of report.blocks) {
    if (b.kind !== 'table_cell') flushTable();
    wordsOnPage += b.text.split(/\s+/).length;
    const pageBreak = wordsOnPage > WORDS_PER_PAGE && b.kind === 'heading';
    if (pageBreak) {
      body.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
      wordsOnPage = 0;
    }
    if (b.kind === 'heading') {
      body.push(`<w:p><w:pPr><w:pStyle w:val="Heading${Math.min(b.level, 3)}"/></w:pPr>${run(b.text)}</w:p>`);
    } else if (b.kind === 'list_item') {
      body.push(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(b.text)}</w:p>`);
    } else if (b.kind === 'table_cell') {
      (table ??= []).push(b.text);
    } else {
      const link = report.links[linkIndex];
      let extra = '';
      if (link && linkIndex % 2 === 0) {
        const id = `rId${100 + rels.length}`;
        rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(link.url)}" TargetMode="External"/>`);
        extra = `${run(' See ')}<w:hyperlink r:id="${id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>${esc(link.text)}</w:t></w:r></w:hyperlink>${run('.')}`;
      }
      if (link) linkIndex++;
      // Word splits paragraphs into several runs (spell-check marks, edits): do the same.
      const half = b.text.indexOf(' ', b.text.length >> 1);
      const runs = half > 0 ? run(b.text.slice(0, half)) + run(b.text.slice(half)) : run(b.text);
      body.push(`<w:p><w:pPr><w:spacing w:after="160"/></w:pPr>${runs}${extra}</w:p>`);
    }
  }
  flushTable();
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

/** A zip of name -> string entries (fflate, deflated, with a fixed date so the bytes repeat). */
export function zip(entries) {
  const mtime = new Date('2025-09-01T00:00:00Z');
  return Buffer.from(zipSync(Object.fromEntries(entries.map(([name, text]) => [name, [strToU8(text), { level: 6, mtime }]]))));
}

export function makeDocx({ pages, seed = 23 }) {
  const report = generateReport({ words: pages * WORDS_PER_PAGE, seed });
  const rels = [];
  const doc = documentXml(report, rels);
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>${rels.join('')}</Relationships>`;
  const bytes = zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['word/document.xml', doc],
    ['word/_rels/document.xml.rels', docRels],
    ['word/styles.xml', STYLES],
    ['word/numbering.xml', NUMBERING],
    ['docProps/core.xml', core(`${report.school.name} SEN Information Report`)],
  ]);
  return { bytes, words: report.words };
}

import { DocumentBuilder } from '../document/build.js';
import type { Link, SenDocument } from '../document/types.js';
import { emitBlocks, linesToBlocks, type SourceLine } from './lines.js';
import { pdfError } from './pdf-errors.js';
import { removeFurniture } from './pdf-furniture.js';
import { metadataDates, pdfTitle } from './pdf-meta.js';
import { findUrls } from './urls.js';

// A PDF -> Document with 1-based page numbers on every block, so evidence can say "page 2".
// pdf-parse 2 (pdfjs) reads it page by page: one broken page costs only itself, and the
// event loop gets a turn between pages (a long report otherwise blocks timers for seconds).

type PdfParser = InstanceType<typeof import('pdf-parse').PDFParse>;
type InfoResult = Awaited<ReturnType<PdfParser['getInfo']>>;

export async function extractPdf(bytes: Uint8Array, name = 'This PDF'): Promise<SenDocument> {
  // Imported here, not at the top: pdfjs is slow to load and most runs read HTML.
  const { PDFParse } = await import('pdf-parse');
  // A copy: pdfjs may transfer (detach) the buffer it is given, and the caller still owns these bytes.
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const info = await readInfo(parser, name);
    const builder = new DocumentBuilder('pdf');
    for (const date of metadataDates(info.info as Record<string, unknown> | undefined, info.getDateNode())) builder.metadataDate(date);

    const pageTexts: string[][] = [];
    const unreadable: number[] = [];
    for (let page = 1; page <= info.total; page++) {
      try {
        const result = await parser.getText({ partial: [page] });
        pageTexts.push((result.pages[0]?.text ?? '').split(/\r\n|\r|\n/));
      } catch (e) {
        // A password or structure failure is the whole file's; anything else costs one page.
        if (isWholeFileError(e)) throw pdfError(e, name);
        pageTexts.push([]);
        unreadable.push(page);
      }
      await new Promise(setImmediate); // let timers and I/O run between pages
    }
    for (const page of unreadable) builder.warn(`Page ${page} could not be read and was skipped.`);

    const textLayer = pageTexts.some((lines) => lines.some((l) => l.trim() !== ''));
    if (textLayer) {
      const empty = pageTexts.flatMap((lines, i) => (lines.every((l) => l.trim() === '') && !unreadable.includes(i + 1) ? [i + 1] : []));
      if (empty.length > 0) builder.warn(noTextWarning(empty));
    }

    const pages = removeFurniture(pageTexts);
    const lines: SourceLine[] = pages.flatMap((pageLines, i) => [...pageLines.map((text) => ({ text, page: i + 1 })), { text: '', page: i + 1 }]);
    const blocks = linesToBlocks(lines);
    emitBlocks(builder, blocks);
    for (const link of collectLinks(info, blocks.map((b) => b.text))) builder.link(link.text, link.url);

    return builder.build({ title: pdfTitle(info.info?.Title), pages: info.total, textLayer });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/**
 * Document info with each page's link annotations. If the annotations cannot be read, the
 * info alone will do; if the info cannot be read either, the file cannot be.
 */
async function readInfo(parser: PdfParser, name: string): Promise<InfoResult> {
  try {
    return await parser.getInfo({ parsePageInfo: true });
  } catch (e) {
    if (isWholeFileError(e)) throw pdfError(e, name);
  }
  try {
    return await parser.getInfo();
  } catch (e) {
    throw pdfError(e, name);
  }
}

function isWholeFileError(e: unknown): boolean {
  const errName = (e as { name?: unknown } | null)?.name;
  return errName === 'PasswordException' || errName === 'InvalidPDFException' || errName === 'MissingPDFException';
}

function noTextWarning(pages: number[]): string {
  const list = pages.length === 1 ? `Page ${pages[0]} has` : `Pages ${pages.join(', ')} have`;
  return `${list} no text layer (scanned images or blank) and ${pages.length === 1 ? 'was' : 'were'} not checked.`;
}

/** Link annotations (the real targets), then addresses written in the text, without repeats. */
function collectLinks(info: InfoResult, texts: string[]): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (text: string, url: string) => {
    const key = `${url}\n${text}`;
    if (!url || seen.has(key)) return;
    seen.add(key);
    links.push({ text: text || url, url });
  };
  for (const page of info.pages ?? []) for (const l of page.links ?? []) add(l.text.trim(), l.url);
  const annotated = new Set(links.map((l) => l.url));
  // Block texts, not raw lines: an address wrapped over two lines has been joined up there.
  for (const text of texts) {
    for (const url of findUrls(text)) {
      const bare = url.replace(/^https?:\/\//i, '');
      if (![...annotated].some((a) => a.includes(bare))) add(url, url);
    }
  }
  return links;
}

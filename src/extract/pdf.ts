import { DocumentBuilder } from '../document/build.js';
import type { Link, SenDocument } from '../document/types.js';
import { emitBlocks, linesToBlocksAsync, type SourceLine } from './lines.js';
import { pdfError } from './pdf-errors.js';
import { pageLines, type PageLine, type PageTextItem } from './pdf-page-text.js';
import { importPdfParse, restoreNativeBuiltins } from './pdf-parse-import.js';
import { removeFurniture } from './pdf-furniture.js';
import { metadataDates, pdfTitle } from './pdf-meta.js';
import { findUrls } from './urls.js';
import { AuditError } from '../errors.js';
import { formatSize, unpacksTooFarMessage } from '../size.js';
import { pdfStreamOverrun } from './pdf-limits.js';

// A PDF -> Document with 1-based page numbers on every block, so evidence can say "page 2".
// pdf-parse 2 (pdfjs) reads it page by page: one broken page costs only itself, and the
// event loop gets a turn between pages (a long report otherwise blocks timers for seconds).
// pdfjs runs in this thread and its steps chain as promises, which hold the event loop as
// long as they run: so text and link annotations are both read one page at a time, and the
// steps over the whole document (lines to blocks) hand the loop back every few milliseconds.

/**
 * Pages read at most (issue #6). An SEN information report is a few dozen pages; a 2,000-page
 * file took over ten seconds here, so only its first pages are read, with a warning naming the rest.
 */
export const MAX_PDF_PAGES = 500;

type PdfParser = InstanceType<typeof import('pdf-parse').PDFParse>;
type InfoResult = Awaited<ReturnType<PdfParser['getInfo']>>;

// An image XObject's dictionary: a stream object, so never inside a compressed object stream,
// and always visible in the file's bytes. A PDF without text but with these is scanned pages.
const IMAGE_XOBJECT = /\/Subtype\s*\/Image\b/;

function hasImages(bytes: Uint8Array): boolean {
  return IMAGE_XOBJECT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

export async function extractPdf(bytes: Uint8Array, name = 'This PDF'): Promise<SenDocument> {
  const over = pdfStreamOverrun(bytes);
  if (over) {
    const what = over.total ? `its streams decode to more than ${formatSize(over.limit)} in all` : `stream ${over.stream} decodes to more than ${formatSize(over.limit)}`;
    throw new AuditError('unreadable', unpacksTooFarMessage(name, what, 'the report as a text PDF or a web page'));
  }
  // Imported here, not at the top: pdfjs is slow to load and most runs read HTML.
  const { PDFParse } = await importPdfParse();
  // A copy: pdfjs may transfer (detach) the buffer it is given, and the caller still owns these bytes.
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const info = await readInfo(parser, name);
    restoreNativeBuiltins(); // the document has loaded, and with it pdfjs's worker module
    // Loading the document and reading its first page are one unbroken run of promise steps.
    await new Promise(setImmediate);
    const builder = new DocumentBuilder('pdf');
    for (const date of metadataDates(info.info as Record<string, unknown> | undefined, info.getDateNode())) builder.metadataDate(date);

    const pageTexts: PageLine[][] = [];
    const unreadable: number[] = [];
    const annotated: PageLinks[] = [];
    const toRead = Math.min(info.total, MAX_PDF_PAGES);
    for (let page = 1; page <= toRead; page++) {
      try {
        pageTexts.push(await readPageLines(parser, page));
      } catch (e) {
        // A password or structure failure is the whole file's; anything else costs one page.
        if (isWholeFileError(e)) throw pdfError(e, name);
        pageTexts.push([]);
        unreadable.push(page);
      }
      await new Promise(setImmediate); // let timers and I/O run between pages
      annotated.push(await readPageLinks(parser, page));
      await new Promise(setImmediate);
    }
    for (const page of unreadable) builder.warn(`Page ${page} could not be read and was skipped.`);
    if (toRead < info.total) {
      builder.warn(`Only the first ${MAX_PDF_PAGES} of its ${info.total} pages were read; pages ${MAX_PDF_PAGES + 1}-${info.total} were not checked.`);
    }

    const textLayer = pageTexts.some((lines) => lines.some((l) => l.text.trim() !== ''));
    if (textLayer) {
      const empty = pageTexts.flatMap((lines, i) => (lines.every((l) => l.text.trim() === '') && !unreadable.includes(i + 1) ? [i + 1] : []));
      if (empty.length > 0) builder.warn(noTextWarning(empty));
    }

    const pages = removeFurniture(pageTexts);
    const lines: SourceLine[] = pages.flatMap((onPage, i) => [...onPage.map((l) => ({ ...l, page: i + 1 })), { text: '', page: i + 1 }]);
    const blocks = await linesToBlocksAsync(lines);
    await new Promise(setImmediate);
    emitBlocks(builder, blocks);
    for (const link of collectLinks(annotated, blocks.map((b) => b.text))) builder.link(link.text, link.url);

    return builder.build({ title: pdfTitle(info.info?.Title), pages: info.total, textLayer, ...(textLayer ? {} : { images: hasImages(bytes) }) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** The part of pdfjs's document that is read here; pdf-parse has loaded it (getInfo) and keeps it. */
interface PdfjsDocument {
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[] }>;
    getViewport(o: { scale: number }): { convertToViewportPoint(x: number, y: number): number[] };
    cleanup(): unknown;
  }>;
}

/**
 * One page's lines, with their type sizes and where they start, from pdfjs's items and their
 * positions (pdf-page-text.ts says why not pdf-parse's getText). pdf-parse's `load` is private in
 * its types but is how its own methods reach the document; pdf-parse is pinned (stack-notes.md),
 * and tests read PDFs of tables made with pdfkit.
 */
async function readPageLines(parser: PdfParser, page: number): Promise<PageLine[]> {
  const doc = await (parser as unknown as { load(): Promise<PdfjsDocument> }).load();
  const p = await doc.getPage(page);
  try {
    const content = await p.getTextContent();
    // Where the page is turned (/Rotate), the viewport turns with it, so lines run as the reader sees them.
    const viewport = p.getViewport({ scale: 1 });
    const items = content.items.filter((i): i is PageTextItem => typeof (i as { str?: unknown }).str === 'string');
    return pageLines(items, (x, y) => viewport.convertToViewportPoint(x, y) as [number, number]);
  } finally {
    p.cleanup();
  }
}

type PageLinks = NonNullable<InfoResult['pages'][number]['links']>;

/** Document info (Title, dates, page count); if it cannot be read, the file cannot be. */
async function readInfo(parser: PdfParser, name: string): Promise<InfoResult> {
  try {
    return await parser.getInfo();
  } catch (e) {
    throw pdfError(e, name);
  }
}

/**
 * One page's link annotations (the real targets of linked text). Read page by page: asking for
 * all pages in one call held the event loop for up to a quarter of a second on 200 pages.
 * If a page's annotations cannot be read, its links written out in the text still count.
 */
async function readPageLinks(parser: PdfParser, page: number): Promise<PageLinks> {
  try {
    const result = await parser.getInfo({ parsePageInfo: true, partial: [page] });
    return result.pages[0]?.links ?? [];
  } catch {
    return [];
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
function collectLinks(annotations: PageLinks[], texts: string[]): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (text: string, url: string) => {
    const key = `${url}\n${text}`;
    if (!url || seen.has(key)) return;
    seen.add(key);
    links.push({ text: text || url, url });
  };
  for (const links of annotations) for (const l of links) add(l.text.trim(), l.url);
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

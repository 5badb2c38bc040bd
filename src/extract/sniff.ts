import type { DocumentFormat } from '../document/types.js';

// Decide what kind of document some bytes are. The bytes are trusted first: school sites
// often serve PDFs as application/octet-stream, HTML error pages as application/pdf, and
// files named ".pdf" that are really web pages. Content-Type and the file extension are
// only tie-breakers for bytes that carry no signature of their own (plain text).

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Bytes of the start looked at; pdfjs itself accepts %PDF- anywhere in the first 1 KB. */
const HEAD_BYTES = 1024;
/** Bytes checked for binary content. */
const BINARY_SAMPLE = 4096;

export function sniffFormat(bytes: Uint8Array, contentType: string | null, name: string): DocumentFormat | null {
  const head = latin1(bytes.subarray(0, HEAD_BYTES));
  if (head.includes(PDF_MAGIC)) return 'pdf';

  const byType = fromContentType(contentType);
  const byName = fromExtension(name);

  if (startsWith(bytes, ZIP_MAGIC)) {
    // A .docx is a ZIP with word/document.xml; other ZIPs (xlsx, pptx, odt) we cannot read.
    // The path is stored uncompressed in the local and central headers, so a byte search finds it.
    if (asBuffer(bytes).includes('word/document.xml', 0, 'latin1')) return 'docx';
    // A damaged .docx still goes to the DOCX reader, so the user hears "damaged", not "unsupported".
    return byType === 'docx' || byName === 'docx' ? 'docx' : null;
  }

  const utf16 = utf16Bom(bytes);
  if (utf16) {
    // UTF-16 text is full of NULs, so it skips the binary check.
    const text = new TextDecoder(utf16).decode(bytes.subarray(0, HEAD_BYTES * 2));
    return looksLikeHtml(text) ? 'html' : 'text';
  }

  if (looksLikeHtml(head)) return 'html';
  if (looksBinary(bytes.subarray(0, BINARY_SAMPLE))) return null;

  // Printable bytes with no signature: let the declared type, then the name, decide.
  if (byType !== undefined) return byType;
  if (byName !== undefined) return byName;
  return 'text';
}

/**
 * undefined: the header says nothing useful (absent, octet-stream); null: it names a type we
 * do not read (an image, a spreadsheet, an old .doc).
 */
function fromContentType(contentType: string | null): DocumentFormat | null | undefined {
  if (!contentType) return undefined;
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === '' || mime === 'application/octet-stream' || mime === 'binary/octet-stream' || mime === 'application/force-download') {
    return undefined;
  }
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'application/pdf' || mime === 'application/x-pdf') return 'pdf';
  if (mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (mime === 'text/plain' || mime === 'text/markdown' || mime === 'text/x-markdown') return 'text';
  return null;
}

function fromExtension(name: string): DocumentFormat | undefined {
  // Works for paths and URLs alike: drop any query or fragment, keep the last segment.
  const last = name.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '';
  const dot = last.lastIndexOf('.');
  if (dot < 0) return undefined;
  switch (last.slice(dot + 1).toLowerCase()) {
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'txt':
    case 'text':
    case 'md':
    case 'markdown':
      return 'text';
    default:
      return undefined;
  }
}

/** True for a name or Content-Type that says Markdown (so `#` headings and `[x](y)` links are read). */
export function isMarkdown(contentType: string | null, name: string): boolean {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/markdown' || mime === 'text/x-markdown') return true;
  return /\.(md|markdown)$/i.test(name.split(/[?#]/)[0]!);
}

const HTML_ANYWHERE = /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
// A fragment that opens with a common block tag (some CMS exports and test pages do), after an
// XML declaration and comments, which are skipped one by one (a repeated pattern over comments
// could read "<!-- a --><!-- b -->" in more than one way).
const XML_DECLARATION = /^<\?xml[^>]*>/;
const BLOCK_TAG_AT_START = /^<(p|div|h[1-6]|table|ul|ol|meta|title|section|article|main|span|a)[\s>/]/i;

function looksLikeHtml(head: string): boolean {
  let start = head.replace(/^\ufeff/, '').trimStart().replace(XML_DECLARATION, '').trimStart();
  while (start.startsWith('<!--')) {
    const end = start.indexOf('-->', 4);
    if (end < 0) break;
    start = start.slice(end + 3).trimStart();
  }
  return BLOCK_TAG_AT_START.test(start) || HTML_ANYWHERE.test(head);
}

/**
 * Binary: any NUL, or more than 10% control characters other than whitespace. Text in any
 * single-byte or UTF-8 encoding has neither; images, archives and old .doc files have both.
 */
function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return control / sample.length > 0.1;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A Buffer view of the same memory (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function latin1(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('latin1');
}

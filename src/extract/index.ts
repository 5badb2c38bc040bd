import type { SenDocument } from '../document/types.js';
import { AuditError } from '../errors.js';
import { decodeText } from './decode.js';
import { isMarkdown, sniffFormat } from './sniff.js';

// The extract stage: bytes (from a URL or a file) -> one Document, whatever the format.
// Each extractor is imported only when its format turns up, to keep CLI start-up quick.

export interface ExtractInput {
  bytes: Uint8Array;
  /** The Content-Type header, or null for local files. */
  contentType: string | null;
  /** File path or final URL: used in messages and, as a last resort, for its extension. */
  name: string;
  /** Address relative links resolve against (the final URL), or null. */
  baseUrl: string | null;
}

export async function extractDocument(input: ExtractInput): Promise<SenDocument> {
  const { bytes, contentType, name, baseUrl } = input;
  if (bytes.length === 0) {
    throw new AuditError('unreadable', `${name} is empty (0 bytes). Check the address or file, or download it again.`);
  }
  const format = sniffFormat(bytes, contentType, name);
  if (format === null) {
    throw new AuditError(
      'unsupported',
      `${name} is not an HTML page, PDF, Word (.docx) or text file, so it cannot be audited. Save the report as a PDF or .docx and try that.`,
    );
  }

  if (format === 'text') refuseDataFile(bytes, contentType, name);

  let doc: SenDocument;
  switch (format) {
    case 'html': {
      const { extractHtml } = await import('./html.js');
      doc = await extractHtml(decodeText(bytes, contentType, true), baseUrl);
      break;
    }
    case 'text': {
      const { extractText } = await import('./text.js');
      doc = extractText(decodeText(bytes, contentType, false), isMarkdown(contentType, name));
      break;
    }
    case 'pdf': {
      const { extractPdf } = await import('./pdf.js');
      doc = await extractPdf(bytes, name);
      break;
    }
    case 'docx': {
      const { extractDocx } = await import('./docx.js');
      doc = await extractDocx(bytes, name);
      break;
    }
  }

  // An image-only PDF (textLayer false) is the caller's to report; any other document
  // without a single word is unreadable here.
  if (doc.textLayer && !doc.blocks.some((b) => /[\p{L}\p{N}]/u.test(b.text))) {
    throw new AuditError(
      'unreadable',
      `${name} has no readable text (the page may be built by scripts, or be only images). Try the report's PDF or another address for it.`,
    );
  }
  const chars = doc.blocks.reduce((n, b) => n + b.text.length, 0);
  if (chars > MAX_TEXT_CHARS) {
    throw new AuditError(
      'unreadable',
      `${name} holds ${formatMillions(chars)} million characters of text, more than the ${formatMillions(MAX_TEXT_CHARS)} million senaudit reads (a long report has a few hundred thousand): it is not judged. Check that this is the report.`,
    );
  }
  return doc;
}

/**
 * The most text one document may hold (issue #19: a cap on what is decoded, after the caps on
 * bytes, ZIP parts and PDF streams): 8 million characters is over 2,500 pages, ten times the
 * longest report seen, and keeps what the rules read bounded.
 */
export const MAX_TEXT_CHARS = 8_000_000;

const formatMillions = (n: number) => String(Math.round(n / 100_000) / 10);

/** Data, not a document: named or served as JSON, CSV, XML or YAML, or text that parses as JSON. */
const DATA_NAME = /\.(?:json|csv|tsv|xml|ya?ml|ndjson|geojson)$/i;
const DATA_TYPE = /^(?:application\/(?:[\w.+-]+\+)?(?:json|xml|x-yaml|yaml|ndjson)|text\/(?:csv|tab-separated-values|xml|x-yaml|yaml))\b/i;
/** Text this long is checked for being JSON; beyond it the check would cost more than it tells. */
const JSON_SNIFF_BYTES = 5_000_000;

/**
 * A data file (a results file, a spreadsheet export, an API answer) read as a report gives a
 * nonsense audit (reading ease -86.9, 25 gaps): it is refused with a one-line error instead.
 */
function refuseDataFile(bytes: Uint8Array, contentType: string | null, name: string): void {
  const path = name.replace(/[?#].*$/, '');
  let data = DATA_NAME.test(path) || DATA_TYPE.test(contentType?.trim() ?? '');
  if (!data && bytes.length <= JSON_SNIFF_BYTES) {
    const text = new TextDecoder().decode(bytes).trim();
    if (/^[[{]/.test(text)) {
      try {
        JSON.parse(text);
        data = true;
      } catch {
        // not JSON after all: ordinary text that starts with a bracket
      }
    }
  }
  if (data) {
    throw new AuditError(
      'unsupported',
      `${name} is a data file (JSON, CSV, XML or YAML), not a document, so it cannot be audited as a report. Give the report itself: a web page, PDF, Word (.docx) or text file.`,
    );
  }
}

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
  return doc;
}

import type { SenDocument } from '../document/types.js';
import { AuditError } from '../errors.js';
import { formatSize, unpacksTooFarMessage } from '../size.js';
import { extractHtml } from './html.js';
import { zipOverrun } from './zip-limits.js';

// A Word .docx -> Document: mammoth turns it into HTML (Heading styles become <h1>-<h6>,
// lists <li>, tables <td>), and the HTML extractor does the rest, so both read alike.

/** Word's Title and Subtitle styles are headings too; mammoth leaves them as plain paragraphs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  'p.Title => h1:fresh',
  'p.Subtitle => h2:fresh',
];

export async function extractDocx(bytes: Uint8Array, name = 'This Word document'): Promise<SenDocument> {
  const over = zipOverrun(bytes);
  if (over) {
    const what = over.part ? `its part ${over.part} unpacks to more than ${formatSize(over.limit)}` : `its parts unpack to more than ${formatSize(over.limit)} in all`;
    throw new AuditError('unreadable', unpacksTooFarMessage(name, what, 'the report as a PDF or a web page'));
  }
  // Imported here, not at the top: only .docx files need it.
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      // Node's mammoth reads `buffer`, its browser build `arrayBuffer` (web/): both are given.
      { buffer: Buffer.from(bytes), arrayBuffer: bytes.slice().buffer } as { buffer: Buffer },
      {
        styleMap: STYLE_MAP,
        // Pictures carry no report text; skip base64-encoding them into the HTML.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (e) {
    throw new AuditError(
      'unreadable',
      `${name} is not a readable Word document (it may be damaged, or not really a .docx). Open it in Word and save it again, or ask the school for a PDF.`,
      { cause: e },
    );
  }
  const doc = await extractHtml(html, null);
  return { ...doc, format: 'docx' };
}

import { DocumentBuilder, normaliseText } from '../document/build.js';
import type { SenDocument } from '../document/types.js';
import { chooseContent } from './html-container.js';
import { limitDepth, MAX_DEPTH } from './html-depth.js';
import { attr, findFirst, tagName, textOf, type DomNode } from './html-dom.js';
import { effectiveBase } from './html-links.js';
import { walkContent } from './html-walk.js';

// An HTML page (or the HTML mammoth makes from a .docx) -> Document: the main content only,
// as headings, paragraphs, list items and table cells, plus every link with text.

export async function extractHtml(html: string, baseUrl: string | null): Promise<SenDocument> {
  // parse5 (the WHATWG parser cheerio uses) building domhandler nodes (cheerio's tree), called
  // directly: cheerio's entry point also loads undici, htmlparser2 and stream decoders, which
  // cost a local audit a few hundred milliseconds for a parser it already has. Imported here,
  // not at the top: the CLI may not read HTML at all.
  const [{ parse }, { adapter }] = await Promise.all([import('parse5'), import('parse5-htmlparser2-tree-adapter')]);
  // Nesting past MAX_DEPTH is flattened first: the parser's time grows with depth on every tag.
  const limited = limitDepth(html);
  // scriptingEnabled as in a browser (and cheerio): <noscript> is raw text, then dropped as boilerplate.
  const doc = parse(limited.html, { treeAdapter: adapter, scriptingEnabled: true }) as unknown as DomNode;
  const head = findFirst(doc, (n) => tagName(n) === 'head');
  const body = findFirst(doc, (n) => tagName(n) === 'body') ?? doc;

  const titleEl = head ? findFirst(head, (n) => tagName(n) === 'title') : null;
  const baseEl = head ? findFirst(head, (n) => tagName(n) === 'base') : null;
  const base = effectiveBase(baseUrl, baseEl ? attr(baseEl, 'href') : undefined);

  const builder = new DocumentBuilder('html');
  if (limited.dropped > 0) {
    builder.warn(`The page nests elements more than ${MAX_DEPTH} deep; ${limited.dropped} deeper tags were ignored (their text was kept).`);
  }
  const { roots, titleOutside } = chooseContent(body);
  // A page-title <h1> in a banner above the content container still names the page.
  if (titleOutside) builder.heading(textOf(titleOutside), 1);
  walkContent(roots, builder, { baseUrl: base });

  const built = builder.build({ pages: null, textLayer: true });
  const title = (titleEl && normaliseText(textOf(titleEl))) || built.blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text || null;
  return { ...built, title: title ?? built.title };
}

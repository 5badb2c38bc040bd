import { normaliseText, type DocumentBuilder } from '../document/build.js';
import { attr, isElement, nonSpaceLength, tagName, walk, type DomNode } from './html-dom.js';
import { isBoilerplate, type PruneContext } from './html-prune.js';
import { resolveHref } from './html-links.js';
import { shortRowText } from './table-rows.js';

// The content elements of a page -> blocks, in document order. Inline elements (spans,
// links, bold) keep their text together; block elements (p, div, li, td, h2...) start a new
// block; <br> starts a new line within one.

type Kind = 'paragraph' | 'list_item' | 'table_cell' | 'heading';

interface Line {
  text: string;
  /** Characters inside <strong>/<b> and outside them: an all-bold short line is a heading. */
  bold: number;
  plain: number;
}

interface Context {
  kind: Kind;
  level: number;
  lines: Line[];
  cur: Line;
}

interface LinkCapture {
  href: string;
  text: string;
  fallback: string;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'aside', 'search',
]);

/** Bold-only paragraphs this short, not ending like a sentence, are headings on many school sites. */
const BOLD_HEADING_LEVEL = 4;
const MAX_BOLD_HEADING_WORDS = 12;
const MAX_BOLD_QUESTION_WORDS = 20;

interface RowBuffer {
  /** The lines of each cell so far, in order. */
  cells: Line[][];
  /** Something other than a cell's text was met in the row (a list, a heading): cells go out one by one. */
  spilled: boolean;
  /** Every cell so far is a <th>. */
  header: boolean;
}

/** A header row's level: below any heading of the page, so the section the table is in goes on. */
const HEADER_ROW_LEVEL = 6;

export interface WalkOptions {
  baseUrl: string | null;
}

/** Appends the blocks and links of `roots` (content containers, in document order) to `builder`. */
export function walkContent(roots: DomNode[], builder: DocumentBuilder, options: WalkOptions): void {
  for (const root of roots) walkRoot(root, builder, options);
}

function newLine(): Line {
  return { text: '', bold: 0, plain: 0 };
}

function walkRoot(root: DomNode, builder: DocumentBuilder, options: WalkOptions): void {
  const contexts: Context[] = [{ kind: 'paragraph', level: 0, lines: [], cur: newLine() }];
  const rows: RowBuffer[] = [];
  const out = (ctx: Context) => flush(ctx, builder, rows[rows.length - 1]);
  const links: LinkCapture[] = [];
  let boldDepth = 0;
  let preDepth = 0;
  let mainDepth = rootIsMain(root) ? 1 : 0;
  const prune: PruneContext = { inMain: false };
  const top = () => contexts[contexts.length - 1]!;

  walk(
    root,
    (node) => {
      if (node.type === 'text') {
        const data = node.data ?? '';
        for (const l of links) l.text += data;
        addText(top(), data, boldDepth > 0, preDepth > 0);
        return;
      }
      if (!isElement(node)) return 'skip'; // comments, CDATA, directives
      prune.inMain = mainDepth > 0;
      if (node !== root && isBoilerplate(node, prune)) return 'skip';
      const tag = tagName(node);
      if (tag === 'br') {
        breakLine(top());
        return;
      }
      if (tag === 'img') {
        const alt = attr(node, 'alt') ?? '';
        for (const l of links) l.fallback ||= alt;
        return;
      }
      if (tag === 'main' || tag === 'article') mainDepth++;
      if (tag === 'pre') preDepth++;
      if (tag === 'a' && attr(node, 'href') !== undefined) {
        links.push({ href: attr(node, 'href')!, text: '', fallback: attr(node, 'aria-label') ?? attr(node, 'title') ?? '' });
      }
      if (isBoldLike(node)) boldDepth++;
      if (isBlock(node)) {
        out(top());
        contexts.push(openContext(tag, top()));
        if (tag === 'tr') {
          // A table inside a cell: the outer row lets out what it holds, to keep the page's order.
          const outer = rows[rows.length - 1];
          if (outer && !outer.spilled) spill(outer, builder);
          rows.push({ cells: [], spilled: false, header: true });
        } else if ((tag === 'td' || tag === 'th') && rows.length) {
          const row = rows[rows.length - 1]!;
          row.cells.push([]);
          if (tag === 'td') row.header = false;
        }
      }
    },
    (node) => {
      if (!isElement(node)) return;
      const tag = tagName(node);
      if (isBlock(node)) {
        out(top());
        if (contexts.length > 1) contexts.pop();
        if (tag === 'tr' && rows.length) emitRow(rows.pop()!, builder);
      }
      if (isBoldLike(node)) boldDepth--;
      if (tag === 'a' && attr(node, 'href') !== undefined) {
        const l = links.pop();
        if (l) recordLink(l, builder, options.baseUrl);
      }
      if (tag === 'pre') preDepth--;
      if (tag === 'main' || tag === 'article') mainDepth--;
    },
  );
  out(top());
  while (rows.length) emitRow(rows.pop()!, builder);
}

/** A row's cells: one block when all are short and none is a question, else each as it is. */
function emitRow(row: RowBuffer, builder: DocumentBuilder): void {
  if (row.spilled) return;
  const cells = row.cells.filter((lines) => lines.length > 0);
  // A row of short cells is one record (table-rows.ts).
  const joined = shortRowText(cells.map((lines) => lines.map((l) => l.text).join(' ')));
  if (joined !== null) {
    // A header row (its cells all <th>) names the columns: a heading within the table, not evidence.
    if (row.header) builder.heading(joined, HEADER_ROW_LEVEL);
    else builder.block('table_cell', joined);
    return;
  }
  for (const lines of cells) emitLines('table_cell', lines, builder);
}

function rootIsMain(root: DomNode): boolean {
  const tag = tagName(root);
  return tag === 'main' || tag === 'article' || (attr(root, 'role') ?? '').toLowerCase() === 'main';
}

function isBlock(node: DomNode): boolean {
  const tag = tagName(node);
  return BLOCK_TAGS.has(tag) || isDisclosureButton(node);
}

/**
 * <strong>/<b>, and the labels of accordions (<summary>, a button that opens a panel):
 * their text names the section below, so it is read like bold text.
 */
function isBoldLike(node: DomNode): boolean {
  const tag = tagName(node);
  return tag === 'strong' || tag === 'b' || tag === 'summary' || isDisclosureButton(node);
}

function isDisclosureButton(node: DomNode): boolean {
  return tagName(node) === 'button' && (attr(node, 'aria-expanded') !== undefined || attr(node, 'aria-controls') !== undefined);
}

function openContext(tag: string, parent: Context): Context {
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]), lines: [], cur: newLine() };
  if (tag === 'li') return { kind: 'list_item', level: 0, lines: [], cur: newLine() };
  if (tag === 'td' || tag === 'th') return { kind: 'table_cell', level: 0, lines: [], cur: newLine() };
  // A <p> or <div> inside a list item, table cell or heading is still part of that item, cell or heading.
  return { kind: parent.kind, level: parent.level, lines: [], cur: newLine() };
}

function addText(ctx: Context, data: string, bold: boolean, pre: boolean): void {
  const pieces = pre ? data.split(/\r\n|\r|\n/) : [data];
  pieces.forEach((piece, i) => {
    if (i > 0) breakLine(ctx);
    ctx.cur.text += piece;
    const visible = nonSpaceLength(piece);
    if (bold) ctx.cur.bold += visible;
    else ctx.cur.plain += visible;
  });
}

function breakLine(ctx: Context): void {
  ctx.lines.push(ctx.cur);
  ctx.cur = newLine();
}

/**
 * Emits the text gathered so far in `ctx` and empties it (the element may hold more text later).
 * A table cell's text waits in its `row` until the row ends; anything else met inside a row first
 * lets out what the row holds, so the order of the page is kept.
 */
function flush(ctx: Context, builder: DocumentBuilder, row?: RowBuffer): void {
  // Most calls find nothing gathered (a block opening right after another): no work, no garbage.
  if (ctx.lines.length === 0 && ctx.cur.text === '') return;
  breakLine(ctx);
  const lines = joinWrapped(ctx.lines.map((l) => ({ ...l, text: normaliseText(l.text) })).filter((l) => l.text !== ''));
  ctx.lines = [];
  if (lines.length === 0) return;
  if (row && !row.spilled) {
    const cell = row.cells[row.cells.length - 1];
    if (ctx.kind === 'table_cell' && cell) {
      cell.push(...lines);
      return;
    }
    // A list or heading inside the row: the row's cells so far go out first, then each as it comes.
    spill(row, builder);
  }
  if (ctx.kind === 'heading') {
    builder.heading(lines.map((l) => l.text).join(' '), ctx.level);
    return;
  }
  emitLines(ctx.kind, lines, builder);
}

function spill(row: RowBuffer, builder: DocumentBuilder): void {
  row.spilled = true;
  for (const held of row.cells) emitLines('table_cell', held, builder);
}

function emitLines(kind: Exclude<Kind, 'heading'>, lines: Line[], builder: DocumentBuilder): void {
  for (const line of lines) {
    if (kind !== 'list_item' && isBoldHeading(line)) builder.heading(line.text, BOLD_HEADING_LEVEL);
    else builder.block(kind, line.text);
  }
}

/** A <br> in mid-sentence ("...support for<br>children with...") only wraps the line. */
function joinWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && !/[.!?:;]["'”’)]*$/.test(prev.text) && /^\p{Ll}/u.test(line.text)) {
      out[out.length - 1] = { text: `${prev.text} ${line.text}`, bold: prev.bold + line.bold, plain: prev.plain + line.plain };
    } else {
      out.push(line);
    }
  }
  return out;
}

function isBoldHeading(line: Line): boolean {
  if (line.plain > 0 || line.bold === 0) return false;
  const text = line.text;
  if (/[.,;]["'”’)]*$/.test(text) || /@|https?:\/\//.test(text) || !/\p{L}/u.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words <= (/\?["'”’)]*$/.test(text) ? MAX_BOLD_QUESTION_WORDS : MAX_BOLD_HEADING_WORDS);
}

function recordLink(l: LinkCapture, builder: DocumentBuilder, baseUrl: string | null): void {
  const text = normaliseText(l.text) || normaliseText(l.fallback);
  if (!text) return;
  const url = resolveHref(l.href, baseUrl);
  if (url) builder.link(text, url);
}

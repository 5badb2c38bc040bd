import type { DocumentBuilder } from '../document/build.js';
import type { BlockKind } from '../document/types.js';
import { isHeadingText, isQuestion, isShoutedText, isTitleCase, STRANDED_PREPOSITIONS } from './heading-text.js';
import { shortRowText } from './table-rows.js';

// Plain text lines -> blocks, for text files and PDF pages. Neither format marks structure,
// so it is guessed from how reports are laid out: PDF text is hard-wrapped at the page width
// (a sentence runs on over several lines), paragraphs end with a full stop, list items start
// with a bullet, and headings are short lines without a full stop (often questions, such as
// "How will my child be supported?").

export interface SourceLine {
  text: string;
  /** 1-based PDF page, or null. */
  page: number | null;
  /** The type size most of the line is set in (PDF only; 0 or absent when unknown). */
  size?: number;
  /** The line starts a table cell beside one read before it (PDF only, see pdf-page-text.ts). */
  beside?: boolean;
  /** Where the line starts across the page (PDF only). */
  x?: number;
  /** Where the line stands down the page, growing downwards (PDF only). */
  y?: number;
}

export interface LineBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  page: number | null;
}

export interface LineOptions {
  /** Read `#` headings, setext underlines, `|` tables and `**bold**` as Markdown. */
  markdown?: boolean;
}

/** Split a text into source lines; a form feed (page break in text dumps) counts as a blank line. */
export function toSourceLines(text: string, page: number | null = null): SourceLine[] {
  return text.split(/\r\n|\r|\n|\f/).map((line) => ({ text: line, page }));
}

export function linesToBlocks(lines: SourceLine[], options: LineOptions = {}): LineBlock[] {
  const steps = blockSteps(lines, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same blocks, handing the event loop back whenever `sliceMs` has passed: a 200-page PDF
 * has some 10,000 lines, which held timers for about 100 ms when read in one go.
 */
export async function linesToBlocksAsync(lines: SourceLine[], options: LineOptions = {}, sliceMs = 15): Promise<LineBlock[]> {
  const steps = blockSteps(lines, options);
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= sliceMs) {
      await new Promise(setImmediate);
      start = performance.now();
    }
  }
}

/** Lines a step reads before it offers to pause (a generator yield costs little at this rate). */
const STEP = 128;

/** linesToBlocks as a generator that yields every STEP lines or units, so a caller can pause it. */
function* blockSteps(lines: SourceLine[], options: LineOptions): Generator<void, LineBlock[]> {
  const tokens = yield* tokenize(lines, options.markdown ?? false);
  const body = bodySize(tokens.flatMap((t) => (t.t === 'text' || t.t === 'bullet' ? [t] : [])));
  // "3" or "Page 3 of 10" on a line of its own is layout, not content.
  const units = (yield* groupUnits(tokens, body)).filter((u) => u.text.trim() !== '' && (u.kind === 'cell' || !PAGE_NUMBER_RE.test(u.text)));
  return yield* classify(units, body);
}

export function emitBlocks(builder: DocumentBuilder, blocks: LineBlock[]): void {
  for (const b of blocks) {
    if (b.kind === 'heading') builder.heading(b.text, b.level ?? 2, b.page);
    else builder.block(b.kind, b.text, b.page);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Lines -> tokens

type Token =
  | { t: 'blank' }
  | { t: 'text'; text: string; page: number | null; size?: number; y?: number; cell?: 'first' | 'beside' | 'row' | 'more'; row?: number }
  | { t: 'bullet'; text: string; page: number | null; size?: number; y?: number; numbered: boolean }
  | { t: 'mdheading'; text: string; level: number; page: number | null }
  | { t: 'cells'; cells: string[]; page: number | null };

// Symbol bullets, including the private-use glyphs Word's Symbol/Wingdings bullets become in PDFs.
const SYMBOL_BULLET = '•●▪◦■□▫◆◇➢➤►▸‣⁃∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8';
const SYMBOL_BULLET_RE = new RegExp(`^[${SYMBOL_BULLET}]\\s*`);
// Dashes, asterisks, "o" (Word's second-level bullet) and a middle dot need a space after them.
const MARK_BULLET_RE = /^(?:[-*+–—·]|o)\s+(?=\S)/;
// "1." "2)" "a)" "(iv)" "xiii." and the like.
const NUMBER_BULLET_RE = /^(?:\d{1,2}[.)]|[a-z][.)]|[ivx]{1,6}[.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,6})\))\s+(?=\S)/;
// A bullet glyph in the middle of a line: text pasted from a web page puts a whole list on one
// line. Squares and diamonds are left out: mid-line they are more often decoration.
const INLINE_BULLET_RE = /\s[•●▪◦➢➤►▸‣⁃∙\uf0b7\uf0a7]\s/;

function* tokenize(lines: SourceLine[], markdown: boolean): Generator<void, Token[]> {
  const out: Token[] = [];
  // Where the last row of cells side by side started (PDF only): a line after it that starts there
  // again, with a capital, is the next row (the header row's last cell "When" does not run on into
  // "Getting around..."), while one starting under a later cell goes on with that cell.
  let rowX: number | null = null;
  // Where the cell beside the one before started (PDF only): lines starting there go on with it.
  let cellX: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const { text: raw, page, size, beside, x, y } = lines[i]!;
    // Trimmed, and without a contents page's dot leaders ("2. Legislation ........ 4").
    let text = raw
      .replace(/[\s\u00a0]+$/, '')
      .replace(/^[\s\u00a0]+/, '')
      .replace(/\s*(?:\.\s?){4,}\s*\d{0,4}$/, '');
    if (!text) {
      out.push({ t: 'blank' });
      continue;
    }
    if (markdown) {
      const md = markdownToken(text, page, out);
      if (md === 'consumed') continue;
      text = stripEmphasis(text);
    } else {
      const h = ATX_HEADING.exec(text);
      if (h) {
        out.push({ t: 'mdheading', text: h[2]!.replace(CLOSING_HASHES, ''), level: h[1]!.length, page });
        continue;
      }
    }
    const cells = splitCells(text);
    // Starting where the last row of cells started: the next row, one cell or several.
    const atRowStart = rowX !== null && x !== undefined && Math.abs(x - rowX) < 6;
    const rowAfterRow = atRowStart && cells.length === 1 && /^[\p{Lu}\d]/u.test(text);
    const rowUnderRow = atRowStart && cells.length > 1;
    // The rest of a cell wrapped under itself: a line starting where the cell beside the one before
    // started, or under a later cell of a row of cells ('"This is me" page...' after "...a short").
    const underCell = cellX !== null && x !== undefined && Math.abs(x - cellX) < 6 && cells.length === 1 && !beside;
    const cellGoesOn = underCell || (rowX !== null && x !== undefined && x > rowX + 6 && cells.length === 1);
    if (beside && x !== undefined) cellX = x;
    else if (!underCell) cellX = null;
    // The row goes on while its later cells' lines follow (they start to the right of it).
    if (cells.length > 1 && x !== undefined) rowX = x;
    else if (rowX === null || x === undefined || x <= rowX + 6) rowX = null;
    cells.forEach((cell, c) => {
      for (const piece of splitInlineBullets(cell)) {
        const token = lineToken(piece, page);
        if (size) token.size = size;
        if (y !== undefined) token.y = y;
        // Text beside other text across a wide gap is a cell of its own: it never runs on from the
        // line before, and is never a heading. The row's first cell may end a cell wrapped over the
        // lines before, or be the row's heading ("Finding out what each pupil needs" beside the answer).
        if (cells.length > 1 && token.t === 'text') {
          // The first cell of a row straight under another row starts a row of its own: it does not
          // run on from the last cell above (a header's "When" into "All teachers and TAs").
          token.cell = c > 0 || beside ? 'beside' : rowUnderRow ? 'row' : 'first';
          token.row = i;
        }
        else if (beside && c === 0 && token.t === 'text') token.cell = 'beside';
        else if (rowAfterRow && token.t === 'text') token.cell = 'row';
        else if (cellGoesOn && token.t === 'text') token.cell = 'more';
        out.push(token);
      }
    });
  }
  return out;
}

/**
 * A line's cells: the pieces a tab parts (a PDF table's cells side by side, see pdf-page-text.ts,
 * or a table pasted into a text file). A bullet or number before its text ("•\tWe..."), or a
 * label before its value ("Email:\tsenco@..."), stays on the line with it.
 */
function splitCells(text: string): string[] {
  if (!text.includes('\t')) return [text];
  const cells: string[] = [];
  for (const piece of text.split(/\t+/).map((p) => p.trim()).filter(Boolean)) {
    const prev = cells[cells.length - 1];
    if (prev !== undefined && (prev.endsWith(':') || BULLET_ONLY_RE.test(prev))) cells[cells.length - 1] = `${prev} ${piece}`;
    else cells.push(piece);
  }
  return cells;
}

// A bullet, or a list or section number ("3.", "5.9", "5.9.1", "b)"): Word puts a tab after each.
const BULLET_ONLY_RE = new RegExp(`^(?:[${SYMBOL_BULLET}]|[-*+–—·o]|\\d{1,2}(?:\\.\\d{1,2})*[.)]?|[a-z][.)]|[ivx]{1,6}[.)]|\\((?:\\d{1,2}|[a-z]|[ivx]{1,6})\\))$`);

function lineToken(text: string, page: number | null): Extract<Token, { t: 'text' | 'bullet' }> {
  const symbol = SYMBOL_BULLET_RE.exec(text) ?? MARK_BULLET_RE.exec(text);
  if (symbol) return { t: 'bullet', text: text.slice(symbol[0].length), page, numbered: false };
  // Numbers stay in the text: "Step 1" and "xiii." are part of what the report says.
  if (NUMBER_BULLET_RE.test(text)) return { t: 'bullet', text, page, numbered: true };
  return { t: 'text', text, page };
}

function splitInlineBullets(text: string): string[] {
  if (!INLINE_BULLET_RE.test(text)) return [text];
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const m = INLINE_BULLET_RE.exec(rest);
    if (!m) break;
    const before = rest.slice(0, m.index).trim();
    if (before) parts.push(before);
    rest = rest.slice(m.index + 1); // keep the bullet: it marks the next piece as a list item
  }
  if (rest.trim()) parts.push(rest.trim());
  return parts;
}

/** Handles Markdown-only syntax; returns 'consumed' when the line needs no further reading. */
function markdownToken(text: string, page: number | null, out: Token[]): 'consumed' | null {
  const h = ATX_HEADING.exec(text);
  if (h) {
    out.push({ t: 'mdheading', text: stripEmphasis(h[2]!.replace(CLOSING_HASHES, '')), level: h[1]!.length, page });
    return 'consumed';
  }
  // Setext underline: "Title\n=====" or "Title\n-----"; after a blank line it is a horizontal rule.
  if (/^(=+|-{3,})$/.test(text)) {
    const prev = out[out.length - 1];
    if (prev?.t === 'text') out[out.length - 1] = { t: 'mdheading', text: prev.text, level: text[0] === '=' ? 1 : 2, page: prev.page };
    else out.push({ t: 'blank' });
    return 'consumed';
  }
  if (/^(\*\s*){3,}$|^(_\s*){3,}$/.test(text)) {
    out.push({ t: 'blank' });
    return 'consumed';
  }
  if (/^\|.*\|$/.test(text)) {
    if (!/^\|[\s:|-]+\|$/.test(text)) {
      const cells = text.slice(1, -1).split('|').map((c) => stripEmphasis(c.trim()));
      out.push({ t: 'cells', cells, page });
    }
    return 'consumed';
  }
  return null;
}

// "# Title ##": the hashes, the title from its first non-space, and closing hashes taken off after
// (each pattern reads a line once: no two repeats here can match the same spaces).
const ATX_HEADING = /^(#{1,6})[ \t]+(\S.*)$/;
const CLOSING_HASHES = /(?<![ \t])[ \t]+#+[ \t]*$/;
// **bold** and __bold__: the span cannot run past its own marker, so a line full of openers is
// read in linear time.
const BOLD = /\*\*(?=[^*\s])([^*]*[^*\s])\*\*|__(?=[^_\s])([^_]*[^_\s])__/g;

function stripEmphasis(text: string): string {
  return text.replace(BOLD, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '').replace(/`([^`]+)`/g, '$1');
}

// ---------------------------------------------------------------------------------------------
// 2. Tokens -> units: paragraphs and list items with their wrapped lines joined

interface Unit {
  kind: 'para' | 'item' | 'heading' | 'cell';
  text: string;
  page: number | null;
  level?: number;
  numbered?: boolean;
  /** The first cell of a table row (text beside it across a wide gap). */
  rowStart?: boolean;
  /** The type size of its first line (PDF only). */
  size?: number;
  /** The source line of a row of cells side by side it is one cell of, while no other line has joined it. */
  row?: number;
}

function* groupUnits(tokens: Token[], body: number): Generator<void, Unit[]> {
  const units: Unit[] = [];
  const refWidth = referenceWidth(tokens);
  const pitch = yield* paragraphSpacedPitch(tokens, refWidth);
  const words = yield* documentWords(tokens);
  let cur: Unit | null = null;
  let lastLine = '';
  let last: LineToken | null = null;
  let afterBlank = false;
  for (let i = 0; i < tokens.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const tok = tokens[i]!;
    if (tok.t === 'blank') {
      afterBlank = true;
      continue;
    }
    if (tok.t === 'text' && cur && cur.text === '') {
      cur.text = tok.text; // a bullet glyph alone on its line: this line is the item's text
    } else if (
      tok.t === 'text' &&
      cur &&
      tok.cell !== 'beside' &&
      tok.cell !== 'row' &&
      ((sameSize(cur.size, tok.size) &&
        (continues(lastLine, tok.text, afterBlank || (pitch !== null && last !== null && spacedApart(last, tok, pitch)), refWidth, tok.y !== undefined) || continuesLargeHeading(cur, tok, body) || (tok.cell === 'more' && !TERMINAL_RE.test(lastLine)) || (pitch !== null && last !== null && runsOnBelow(last, tok, pitch, refWidth)))) ||
        (/^\p{Ll}/u.test(tok.text) && continues(lastLine, tok.text, afterBlank, refWidth, tok.y !== undefined)))
    ) {
      cur.text = joinLines(cur.text, tok.text, words);
      delete cur.row; // a cell wrapped over lines: its row is not a short record
    } else {
      // A cell beside what was just read makes that the row's first cell (a question wrapped over
      // lines in the left column), which heads only its row.
      if (cur && cur.kind === 'para' && tok.t === 'text' && tok.cell === 'beside') cur.rowStart = true;
      if (cur) units.push(cur);
      cur = null;
      if (tok.t === 'text') {
        cur = { kind: tok.cell === 'beside' ? 'cell' : 'para', text: tok.text, page: tok.page, size: tok.size, ...(tok.cell === 'first' ? { rowStart: true } : {}), ...(tok.row !== undefined ? { row: tok.row } : {}) };
      }
      else if (tok.t === 'bullet') cur = { kind: 'item', text: tok.text, page: tok.page, size: tok.size, numbered: tok.numbered };
      else if (tok.t === 'mdheading') units.push({ kind: 'heading', text: tok.text, page: tok.page, level: tok.level });
      // A Markdown row's cells share its token (negative, apart from the PDF lines' numbers).
      else for (const c of tok.cells) units.push({ kind: 'cell', text: c, page: tok.page, row: -1 - i });
    }
    if (tok.t === 'text' || tok.t === 'bullet') {
      lastLine = tok.text;
      last = tok;
    }
    afterBlank = false;
  }
  if (cur) units.push(cur);
  return joinShortRows(units);
}

/**
 * A row of short cells side by side, each on the one line, is one unit (table-rows.ts); a row with
 * a cell wrapped over lines keeps its cells apart.
 */
function joinShortRows(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; ) {
    const row = units[i]!.row;
    let j = i + 1;
    while (row !== undefined && j < units.length && units[j]!.row === row) j++;
    const cells = units.slice(i, j);
    const joined = shortRowText(cells.map((u) => u.text));
    // (rowStart: a table row, so a short line just above it is the table's heading.)
    if (joined !== null) out.push({ kind: 'cell', text: joined, page: cells[0]!.page, rowStart: true });
    else out.push(...cells);
    i = j;
  }
  return out;
}

type LineToken = Extract<Token, { t: 'text' | 'bullet' }>;

// A PDF keeps no paragraphs, only lines. Where a sentence ends at the right margin, the next line
// starts with a capital after a full stop, as a new paragraph does, and the paragraph was cut in
// two (a quotation's lead-in parted from its words, "Lead:" at a line's end parted from "SENCO").
// Most reports are set with space between paragraphs (Word's default: 8 points after each), so
// there the distance down the page tells: a line as close below as a wrapped line is the same
// paragraph. Read only where the document shows that spacing.

/** Lines at least this much further apart than wrapped lines are paragraphs apart. */
const PARAGRAPH_GAP = 1.3;
/** A line no further below the one before than this (times the wrapped lines' distance) runs on. */
const RUN_ON_GAP = 1.12;

/**
 * The distance between a paragraph's wrapped lines, when the document sets space between its
 * paragraphs (most lines that end a paragraph short stand further above the next); else null.
 */
function* paragraphSpacedPitch(tokens: Token[], refWidth: number): Generator<void, number | null> {
  const wrapped: number[] = [];
  const afterEnd: number[] = [];
  let prev: LineToken | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const tok = tokens[i]!;
    if (tok.t !== 'text' && tok.t !== 'bullet') continue;
    // (A paragraph's end is also told by the space before a heading in a larger size.)
    const gap = prev !== null && !inCell(prev) && !inCell(tok) ? lineGap(prev, tok, true) : null;
    if (gap !== null && prev !== null) {
      if (/^\p{Ll}/u.test(tok.text) && !TERMINAL_RE.test(prev.text) && sameSize(prev.size, tok.size)) wrapped.push(gap);
      else if (TERMINAL_RE.test(prev.text) && prev.text.length < refWidth * 0.6 && !/^\p{Ll}/u.test(tok.text)) afterEnd.push(gap);
    }
    prev = tok;
  }
  if (wrapped.length < 3 || afterEnd.length < 2) return null;
  const pitch = wrapped.sort((a, b) => a - b)[Math.floor(wrapped.length / 2)]!;
  const spaced = afterEnd.filter((g) => g >= pitch * PARAGRAPH_GAP).length;
  return spaced >= afterEnd.length * 0.6 ? pitch : null;
}

/** A table's cell (PDF positions): its lines are read by the table's own rules. */
function inCell(t: LineToken): boolean {
  return t.t === 'text' && t.cell !== undefined;
}

/**
 * How far below one line the next stands, in lines of its type size (a 14-point heading's wrapped
 * lines stand further apart than 11-point text's), when both are on one page, in one size, and
 * it is below.
 */
function lineGap(a: LineToken, b: LineToken, anySize = false): number | null {
  if (a.page !== b.page || a.y === undefined || b.y === undefined || (!anySize && !sameSize(a.size, b.size))) return null;
  const gap = (b.y - a.y) / (Math.max(a.size ?? 0, b.size ?? 0) || 1);
  return gap > 0 ? gap : null;
}

/**
 * The line runs on the paragraph of the line above, though that ended a sentence or a label
 * ("...at the margin." or "Lead:"), or this one reads like a heading ("Code of Practice and the
 * following legislation:"): the line above reached the margin and this one stands as close below
 * as a wrapped line does.
 */
function runsOnBelow(a: LineToken, b: LineToken, pitch: number, refWidth: number): boolean {
  if (inCell(a) || inCell(b) || SECTION_NUMBER_RE.test(b.text) || a.text.length < refWidth * 0.75) return false;
  const gap = lineGap(a, b);
  return gap !== null && gap <= pitch * RUN_ON_GAP && gap >= pitch * 0.8;
}

/**
 * The line stands a paragraph's space below the one above: read as after a blank line (only a
 * lower-case start runs on), so a heading without a question mark does not run into its answer.
 */
function spacedApart(a: LineToken, b: LineToken, pitch: number): boolean {
  if (inCell(a) || inCell(b)) return false;
  const gap = lineGap(a, b);
  return gap !== null && gap >= pitch * PARAGRAPH_GAP;
}

/**
 * A sentence runs on in one type size: a line in another size (a heading over its paragraph) starts
 * a new unit, unless it starts lower-case. Sizes within a twentieth of each other are the same.
 */
export function sameSize(a: number | undefined, b: number | undefined): boolean {
  if (!a || !b) return true;
  return Math.abs(a - b) <= 0.05 * Math.max(a, b);
}

/**
 * The line length wrapped text reaches: the 90th percentile of line lengths. A line near
 * it that does not end a sentence was probably wrapped at the margin.
 */
function referenceWidth(tokens: Token[]): number {
  const lengths = tokens.flatMap((t) => (t.t === 'text' || t.t === 'bullet' ? [t.text.length] : [])).sort((a, b) => a - b);
  if (lengths.length < 4) return Infinity;
  return lengths[Math.floor(lengths.length * 0.9)]!;
}

const TERMINAL_RE = /[.!?…]["'”’)\]]*$/;
const ABBREVIATION_RE = /\b(?:e\.g|i\.e|etc|eg|ie|Mr|Mrs|Ms|Dr|St|No|no|p|pp|approx|inc|incl|vs|cf)\.$/;
const QUESTION_START_RE = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?(?:how|what|who|whom|which|where|when|why|will|can|does|do|is|are|should)\b/i;
const SOFT_END_RE = /[,;&/(\-–—+]$/;
// A line ending with one of these words cannot end a sentence or a heading.
const CONNECTIVES = new Set(
  'a an the and or but nor of in on at to for with by from as into than that which who whom whose our your their its his her this these those is are was were be been will would can could may might must shall should has have had do does such if when where while about via per including include includes e.g. i.e.'.split(
    ' ',
  ),
);

// "Date approved: March" + "2024": a date wrapped in a narrow column. Alone, the year would be
// dropped as a page number and the report's date lost.
const ENDS_WITH_MONTH_RE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const YEAR_LINE_RE = /^(?:19|20)\d\d\.?$/;
/** A section number of two or more parts and a space: "4.2 ", "5.12. ". */
const SECTION_NUMBER_RE = /^\d{1,2}(?:\.\d{1,2})+\.?\s/;

/**
 * Does `next` continue the sentence that `prev` (the last line read) was in? `positioned`: the
 * lines come from a PDF page, with their places on it.
 */
function continues(prev: string, next: string, afterBlank: boolean, refWidth: number, positioned = false): boolean {
  if (continuesUrl(prev, next)) return true;
  if (YEAR_LINE_RE.test(next) && ENDS_WITH_MONTH_RE.test(prev)) return true;
  // "4.3 The headteacher" starts a numbered section, even after a line ending "...on this".
  if (SECTION_NUMBER_RE.test(next) && /^[\d.]+\s+\p{Lu}/u.test(next)) return false;
  const lower = /^[\p{Ll}]/u.test(next);
  // Some exports put a blank line after every wrapped line: only a lower-case start crosses it.
  if (afterBlank) return lower && !TERMINAL_RE.test(prev) && !prev.endsWith(':');
  // A paragraph, list item or heading never starts with a lower-case letter.
  if (lower) return true;
  // "(January 2015) para 6.1)": closes a bracket opened on the line before.
  if (count(next, ')') > count(next, '(')) return true;
  if (TERMINAL_RE.test(prev)) return ABBREVIATION_RE.test(prev);
  if (prev.endsWith(':')) return false;
  // A heading wrapped in a narrow column (a table's left cell): "5. THE SCHOOL'S APPROACH" +
  // "TO TEACHING CHILDREN WITH SEN", or "How will the school know" + "If My Child Needs Help?".
  if (isShoutedText(prev) && isShoutedText(next)) return true;
  if (QUESTION_START_RE.test(prev) && isQuestion(next) && !isQuestion(prev)) return true;
  if (SOFT_END_RE.test(prev)) return true;
  const lastWord = /(\S+)$/.exec(prev)?.[1]?.toLowerCase() ?? '';
  if (CONNECTIVES.has(lastWord)) return !endsShortHeading(prev, lastWord, next, refWidth, positioned);
  // One word left over from a wrapped line ("...the School Development" + "Plan").
  if (!/\s/.test(next.trim()) && prev.length >= refWidth * 0.6 && prev.length >= 40) return true;
  // A line that reached the right margin was wrapped, unless the next line stands alone as a heading.
  return prev.length >= refWidth * 0.75 && prev.length >= 40 && !isHeadingText(next);
}

/**
 * A short heading that ends on its preposition ("Who to talk to", "People we work with", "Who's
 * who") before a line that starts a sentence of its own (a capital, several words, not a title):
 * the heading ends there, though its last word would run a sentence on. In a PDF only when it is
 * led by a question word: a table's narrow column breaks sentences after short lines too.
 */
function endsShortHeading(prev: string, lastWord: string, next: string, refWidth: number, positioned: boolean): boolean {
  if (!(STRANDED_PREPOSITIONS.has(lastWord) || lastWord === 'who') || !isHeadingText(prev)) return false;
  if (!/^\p{Lu}/u.test(next) || next.split(/\s+/).length < 6 || isTitleCase(next) || isShoutedText(next)) return false;
  return QUESTION_START_RE.test(prev) || (!positioned && prev.length < refWidth * 0.6);
}

/** The line ends where a sentence cannot: on a comma, a dash or a word such as "and" or "the". */
export function endsMidSentence(line: string): boolean {
  return SOFT_END_RE.test(line) || CONNECTIVES.has(/(\S+)$/.exec(line)?.[1]?.toLowerCase() ?? '');
}

/** A long address broken at the margin: "https://example.org/files/39" + "8815/report.pdf for details". */
function continuesUrl(prev: string, next: string): boolean {
  if (!/(?:https?:\/\/|www\.)\S*$/i.test(prev)) return false;
  const first = /^\S+/.exec(next)?.[0] ?? '';
  if (!/^[\w\-./?=&%#~+]+$/.test(first) || /^\d{1,4}$/.test(next)) return false;
  // The rest of an address has a path in its first word, or is one word on its own line
  // ("pdf"; not "Thanks", a new sentence).
  return first.includes('/') || (first === next && !/^\p{Lu}\p{Ll}/u.test(first));
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function joinLines(text: string, next: string, words: ReadonlySet<string>): string {
  if (continuesUrl(text, next)) return text + next;
  // A word broken at a hyphen at the line's end loses the space: "co-" + "ordinator" keeps its
  // hyphen, "evalu-" + "ation" (hyphenated to fit the line) does not.
  if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next)) return hyphenatedToFit(text, next, words) ? text.slice(0, -1) + next : text + next;
  return `${text} ${next}`;
}

/** Prefixes written with a hyphen of their own ("co-ordinator", "self-esteem", "one-to-one"). */
const HYPHEN_PREFIXES = new Set(
  'co re pre non self well multi sub anti cross post ex semi half part one two three four five year day high low key full long short over under after mid in on off out up down all face time small whole first second third home'.split(' '),
);

/**
 * Whether "evalu-" + "ation" is one word hyphenated to fit the line: the document writes it whole
 * elsewhere ("evaluation"), or never writes the piece before the hyphen as a word of its own and
 * that piece is not a prefix written with a hyphen.
 */
function hyphenatedToFit(text: string, next: string, words: ReadonlySet<string>): boolean {
  const before = (/(\p{L}+)-$/u.exec(text)?.[1] ?? '').toLowerCase();
  const after = (/^\p{L}+/u.exec(next)?.[0] ?? '').toLowerCase();
  if (!before || !after) return false;
  if (words.has(before + after)) return true;
  return !HYPHEN_PREFIXES.has(before) && !words.has(before);
}

/** Every word of the document's lines, lower-case, whole (not a piece at a line's end before a hyphen). */
function* documentWords(tokens: Token[]): Generator<void, Set<string>> {
  const words = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const t = tokens[i]!;
    if (t.t !== 'text' && t.t !== 'bullet') continue;
    for (const m of t.text.matchAll(/(?<!\p{L})\p{L}+(?!\p{L})(?!-$)/gu)) words.add(m[0].toLowerCase());
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// 3. Units -> blocks: which short units are headings, and at what level

type HeadingStyle = 'markdown' | 'caps' | 'title' | 'label';

function* classify(units: Unit[], body: number): Generator<void, LineBlock[]> {
  const roles = yield* unitRoles(units, body);
  const base = roles.some((r, i) => r.style === 'caps' && !units[i]!.rowStart) ? 3 : 2;
  return units.map((u, i): LineBlock => {
    const { style, listLine } = roles[i]!;
    if (style) {
      let level: number;
      if (style === 'markdown') level = u.level ?? 2;
      // A row's first cell heads only its row: deeper than the headings the table stands under.
      else if (u.rowStart) level = base + 2;
      else if (i === 0 && style !== 'label') level = 1; // a document opens with its title
      else if (style === 'caps') level = 2;
      else if (style === 'label') level = base + 1;
      else level = base;
      return { kind: 'heading', text: u.text, level, page: u.page };
    }
    const kind: BlockKind = u.kind === 'item' || listLine ? 'list_item' : u.kind === 'cell' ? 'table_cell' : 'paragraph';
    return { kind, text: u.text, page: u.page };
  });
}

interface Role {
  style: HeadingStyle | null;
  /** A line of a list without bullets, announced by a sentence ending in a colon. */
  listLine: boolean;
}

function* unitRoles(units: Unit[], body: number): Generator<void, Role[]> {
  const roles: Role[] = [];
  // After "We provide for these needs:" short lines without bullets are the list it announces.
  let inList = false;
  for (let i = 0; i < units.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const u = units[i]!;
    const listLine: boolean = inList && u.kind === 'para' && isListLine(u.text);
    roles.push({ style: listLine ? null : headingStyle(u, units[i - 1], units[i + 1], body), listLine });
    inList = listLine || introducesList(u.text);
  }
  return roles;
}

/** "We provide for pupils with needs in these areas:" (a sentence, not a "Email:" field label). */
function introducesList(text: string): boolean {
  return text.endsWith(':') && text.split(/\s+/).length >= 5 && text.split(':').length === 2;
}

export const PAGE_NUMBER_RE = /^[-–—\s]*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s]*$/i;

function isListLine(text: string): boolean {
  return text.split(/\s+/).length <= 12 && !TERMINAL_RE.test(text);
}

/** Words of a numbered line between paragraphs that may still head them though it has a verb. */
const MAX_NUMBERED_HEADING_WORDS = 8;

/**
 * The words of a heading whose look (a section number, a larger size) already marks it: short, a
 * capital or a number first, not ending like a sentence, a clause or a label, not contact details.
 */
function isMarkedHeadingText(text: string): boolean {
  const t = text.trim();
  if (t.length > 160 || t.split(/\s+/).length > 20) return false;
  if (/[.,;:]["'”’)]*$/.test(t) && !t.endsWith('...')) return false;
  if (/@|https?:\/\/|www\./i.test(t)) return false;
  return /^["'“‘(]?[\p{Lu}\d]/u.test(t) && /\p{L}{2}/u.test(t);
}

/** The type size most of the text is set in: the body's (0 when sizes are unknown). */
function bodySize(lines: { text: string; size?: number }[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) if (l.size) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  let best = 0;
  for (const [size, n] of chars) if (n > (chars.get(best) ?? 0)) best = size;
  return best;
}

/**
 * Set clearly larger than the body text: a heading's look, where the PDF tells sizes. Word's
 * heading styles are 13 to 16 point over 11; a point more (12 over 11) is as often a table or a
 * box set a little larger, so it is not enough.
 */
function isLarger(size: number | undefined, body: number): boolean {
  return body > 0 && (size ?? 0) >= body * 1.15;
}

/** A heading set large and wrapped: "Identifying and supporting Special Educational" + "Needs & Disabilities". */
function continuesLargeHeading(cur: Unit, next: { text: string; size?: number }, body: number): boolean {
  return cur.kind === 'para' && isLarger(cur.size, body) && !TERMINAL_RE.test(cur.text) && !cur.text.endsWith(':') && !SECTION_NUMBER_RE.test(next.text) && `${cur.text} ${next.text}`.split(/\s+/).length <= 20;
}

function headingStyle(u: Unit, prev: Unit | undefined, next: Unit | undefined, body: number): HeadingStyle | null {
  if (u.kind === 'heading') return 'markdown';
  if (u.kind === 'cell') return null;
  // A heading introduces something: the last line of a document is not one.
  if (!next) return null;
  if (u.kind === 'item') {
    // "1. Introduction" between paragraphs is a numbered heading; next to "2. ..." it is a list item
    // (a bullet list before or after it, as under "We support children with:", does not count).
    if (!u.numbered || (next.kind === 'item' && next.numbered) || (prev?.kind === 'item' && prev.numbered)) return null;
    const bare = u.text.replace(/^\S+\s+/, '');
    // Its number marks it, as a section number does a paragraph: so a short line with a verb
    // ("2. Where we are now", "4. What we will do") heads what follows too.
    return isHeadingText(bare) || (isMarkedHeadingText(bare) && bare.split(/\s+/).length <= MAX_NUMBERED_HEADING_WORDS) ? 'title' : null;
  }
  // A heading by its look: a section number ("4.2 The SEN governor") or words set larger than the
  // body text ("Pupil voice" in 14 point over 11), even in the Regulations' own words, which have
  // verbs and may end on a preposition ("5.1 The kinds of SEN that are provided for").
  if (u.kind === 'para' && (SECTION_NUMBER_RE.test(u.text) || isLarger(u.size, body)) && isMarkedHeadingText(u.text)) {
    return isShoutedText(u.text) ? 'caps' : 'title';
  }
  if (!isHeadingText(u.text)) return null;
  // "Early Identification:" introduces what follows; "Responsible for:" is half a sentence.
  if (u.text.endsWith(':')) return isTitleCase(u.text) || isShoutedText(u.text) ? 'label' : null;
  if (isShoutedText(u.text)) return 'caps';
  if (isQuestion(u.text) || isTitleCase(u.text)) return 'title';
  // Sentence case ("Areas of need"): only when it clearly stands between paragraphs.
  const nextWords = next.text.split(/\s+/).length;
  const prevEndsList = prev !== undefined && prev.text.endsWith(':');
  // Or when a table follows it: "Pupil voice" over a table of when and how pupils are asked.
  return (nextWords >= 8 || next.rowStart === true) && !prevEndsList ? 'title' : null;
}

// A PDF page's text from pdfjs's text items, line by line, with a tab where a wide gap parts two
// pieces of one line: a table's cells side by side ("Finding out what each pupil needs" in the
// left cell, "On arrival, the class team..." beside it). Without the tab the row's heading cell
// runs into its answer and neither is read as what it is (issue #13, class 8: a report set out
// as a table judged as the same report in prose).
//
// pdf-parse's getText means to mark such gaps (its `cellSeparator`), but pdfjs fills every gap
// with a whitespace item as wide as the gap, so the gap never shows and the tab never comes. So
// the items are read here, with pdf-parse's own line breaking (same thresholds) kept as it is.

import { endsMidSentence, sameSize } from './lines.js';

/** The parts of a pdfjs TextItem read here. */
export interface PageTextItem {
  str: string;
  /** [a, b, c, d, x, y]: x and y are where the item starts, in PDF units. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** pdf-parse's default: baselines further apart than this are different lines. */
const LINE_THRESHOLD = 4.6;

/**
 * A gap this wide on one line parts two cells: at least 12 units and one and a half times the
 * text's height. A word space is a quarter to a third of the height, and justified text rarely
 * stretches one past the height; a table's cells or a tab stop leave far more.
 */
function isCellGap(gap: number, height: number): boolean {
  return gap >= 12 && gap >= 1.5 * height;
}

/**
 * A line of justified text stretched far (the line before an address too long to fit) has many
 * wide gaps, all about as wide as each other: word spaces, not cells. A table's row has few, and
 * of different widths, as its cells' texts are.
 */
const JUSTIFIED_MIN_GAPS = 3;
function isJustifiedLine(gaps: number[]): boolean {
  if (gaps.length < JUSTIFIED_MIN_GAPS) return false;
  const min = Math.min(...gaps);
  const max = Math.max(...gaps);
  return max - min <= Math.max(2, 0.15 * max);
}

/** Stands for a wide gap until its line is read whole: a tab (cells), or a space (justified text). */
const GAP_MARK = '\u0000';
/** Stands before a piece of text close beside the one before: a tab where a column starts there, else nothing. */
const ITEM_MARK = '\u0001';

/** One line of a page as read, and the size of most of its text (pdfjs's item height: the font size). */
export interface PageLine {
  text: string;
  size: number;
  /**
   * The line starts a table cell beside one already read: it stands higher on the page than the
   * line before and to its right, as the next cell of a row does when the cells are written one
   * after another (not a page's second column, which starts at the top of the page).
   */
  beside?: boolean;
  /** Where the line's first text starts across the page (absent for a line without text). */
  x?: number;
  /** Where the line's first text stands down the page (its baseline, growing down the page). */
  y?: number;
}

/** `toPage` turns an item's PDF position into where it stands on the page as shown (pdf-parse does the same). */
export function pageLines(items: PageTextItem[], toPage: (x: number, y: number) => [number, number] = (x, y) => [x, y]): PageLine[] {
  const out: string[] = [];
  // Characters of each size on each line (line = newlines written so far).
  const sizes: Map<number, number>[] = [new Map()];
  // Where each line's first text stands.
  const starts: ({ x: number; y: number } | undefined)[] = [];
  // The width of each wide gap on each line, in order.
  const gaps: number[][] = [[]];
  // Where each piece of each line (the text between wide gaps) starts and ends across the page.
  const spans: Span[][] = [[]];
  const push = (str: string, size = 0) => {
    out.push(str);
    const pieces = str.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        sizes.push(new Map());
        gaps.push([]);
        spans.push([]);
      }
      const chars = piece.replace(/\s/g, '').length;
      const line = sizes[sizes.length - 1]!;
      if (chars > 0 && size > 0) line.set(size, (line.get(size) ?? 0) + chars);
    });
  };
  let lastY: number | undefined;
  let lastEnd: number | undefined;
  let lineHeight = 0;
  // A wide whitespace item, or a wide gap, waits here: it becomes a tab only between two pieces of text.
  let gapPending = false;
  let gapWidth = 0;
  // Where the last piece of text (not a space) ended.
  let lastTextEnd: number | undefined;
  for (const item of items) {
    const [x, y] = toPage(item.transform[4] ?? 0, item.transform[5] ?? 0);
    const sameLine = lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const last = out[out.length - 1];
      const itemBreaks = item.str.startsWith('\n') || (item.str.trim() === '' && item.hasEOL);
      if (last !== undefined && !last.endsWith('\n') && !itemBreaks && Math.abs(lastY - y) - 1 > lineHeight) {
        push('\n');
        lineHeight = 0;
        gapPending = false;
        gapWidth = 0;
      }
    }
    const blank = item.str.trim() === '';
    const lineStarts = out.length === 0 || out[out.length - 1]!.endsWith('\n');
    if (blank) {
      if (!lineStarts && sameLine && isCellGap(item.width, item.height || lineHeight)) {
        gapPending = true;
        gapWidth = Math.max(gapWidth, item.width);
      } else if (!gapPending) push(item.str);
    } else {
      if (!lineStarts && sameLine && lastEnd !== undefined && isCellGap(x - lastEnd, item.height)) {
        gapPending = true;
        gapWidth = Math.max(gapWidth, x - lastEnd);
      }
      const lineSpans = spans[spans.length - 1]!;
      if (gapPending && !lineStarts) {
        push(GAP_MARK);
        gaps[gaps.length - 1]!.push(gapWidth);
        lineSpans.push({ x, end: x + item.width, gap: true });
      } else if (!lineStarts && sameLine && lastTextEnd !== undefined && x > lastTextEnd + 1) {
        // Another piece of text, close beside: perhaps a cell of a table written line by line
        // whose text reached its cell's edge (decided once the page's columns are known).
        push(ITEM_MARK);
        lineSpans.push({ x, end: x + item.width, gap: false });
      } else if (lineSpans.length === 0) lineSpans.push({ x, end: x + item.width, gap: false });
      else lineSpans[lineSpans.length - 1]!.end = Math.max(lineSpans[lineSpans.length - 1]!.end, x + item.width);
      gapPending = false;
      gapWidth = 0;
      if (lineStarts) starts[sizes.length - 1] = { x, y };
      push(item.str, Math.round(item.height * 10) / 10);
      lastTextEnd = x + item.width;
    }
    lastEnd = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) {
      push('\n');
      gapPending = false;
      gapWidth = 0;
    }
    if (item.hasEOL || item.str.endsWith('\n')) lineHeight = 0;
  }
  const top = Math.min(...starts.flatMap((s) => (s ? [s.y] : [])));
  const justifiedLines = spans.map((_, i) => isJustifiedLine(gaps[i] ?? []));
  const columns = columnStarts(spans.filter((_, i) => !justifiedLines[i]));
  let prev: { x: number; y: number } | undefined;
  const lines = out
    .join('')
    .split('\n')
    .map((raw, i): WovenLine => {
      const start = starts[i];
      const beside = start !== undefined && prev !== undefined && start.y < prev.y - LINE_THRESHOLD && start.x > prev.x + 12 && start.y > top + LINE_THRESHOLD;
      if (start) prev = start;
      const justified = justifiedLines[i] ?? false;
      const { text, pieces } = readMarks(raw.replace(/\r/g, ''), spans[i] ?? [], columns, justified);
      return { text, size: mostUsed(sizes[i]), ...(start ? { x: start.x, y: start.y } : {}), ...(beside ? { beside } : {}), ...(pieces ? { spans: pieces } : {}) };
    });
  return unweaveRows(lines);
}

/** Where a piece of a line starts and ends across the page, and whether a wide gap stands before it. */
interface Span {
  x: number;
  end: number;
  gap: boolean;
}

/**
 * Where the page's table columns start: places where a piece after a wide gap starts on some line
 * and pieces start on three lines or more (a bold word or a font change mid-line starts a piece
 * too, but seldom at the same place on three lines, and never after a cell's gap). Justified
 * lines are left out: each of their words may be a piece of its own, after a wide space.
 */
function columnStarts(spans: Span[][]): number[] {
  // Counted by whole units of x (a page may hold thousands of pieces): a column is a unit whose
  // count, with its neighbours', reaches three lines.
  const lines = new Map<number, number>();
  const afterGap = new Set<number>();
  for (const line of spans) {
    for (const unit of new Set(line.slice(1).map((span) => Math.round(span.x)))) lines.set(unit, (lines.get(unit) ?? 0) + 1);
    for (const span of line.slice(1)) if (span.gap) afterGap.add(Math.round(span.x));
  }
  const around = (unit: number) => (lines.get(unit - 1) ?? 0) + (lines.get(unit) ?? 0) + (lines.get(unit + 1) ?? 0);
  return [...afterGap].filter((unit) => around(unit) >= 3);
}

/**
 * The line's text with its marks read: a wide gap is a tab (a space in justified text); a piece
 * close beside the one before is a tab where a column starts, else it runs on. Returns the pieces'
 * places, one per tab-parted piece, unless the line is justified.
 */
function readMarks(raw: string, spans: Span[], columns: number[], justified: boolean): { text: string; pieces?: Span[] } {
  if (justified) return { text: raw.replaceAll(GAP_MARK, ' ').replaceAll(ITEM_MARK, '') };
  // Only a line already parted into cells by a wide gap is cut where a column starts: a line of
  // prose whose word happens to start there is not (and most lines, such, are read in one pass).
  if (!spans.some((s) => s.gap)) {
    const whole = spans.length > 0 ? [{ x: spans[0]!.x, end: Math.max(...spans.map((s) => s.end)), gap: false }] : [];
    return { text: raw.replaceAll(ITEM_MARK, ''), pieces: whole };
  }
  const pieces: Span[] = [];
  let k = 0; // spans[0] is the line's first piece
  let text = '';
  for (const ch of raw) {
    if (ch !== GAP_MARK && ch !== ITEM_MARK) {
      text += ch;
      continue;
    }
    const span = spans[++k];
    const parts = ch === GAP_MARK || (span !== undefined && columns.some((x) => Math.abs(x - span.x) <= 2));
    if (parts) {
      text += '\t';
      if (span) pieces.push(span);
    } else if (pieces.length > 0 && span) pieces[pieces.length - 1]!.end = span.end;
    else if (spans[0] && span) spans[0].end = span.end;
  }
  return { text, pieces: spans[0] ? [spans[0], ...pieces] : pieces };
}

/** A line as read, with its pieces' places (absent for a justified line, read as one piece). */
type WovenLine = PageLine & { spans?: Span[] };

/** A line's pieces (its cells side by side) with their places, when they can be told apart. */
function piecesOf(line: WovenLine): { text: string; x: number; end: number }[] {
  const texts = line.text.split('\t');
  if (!line.spans || texts.length !== line.spans.length) return [];
  return texts.map((text, i) => ({ text: text.trim(), ...line.spans![i]! }));
}

/** The piece below goes on with the text above it in the same cell. */
function goesOn(above: string, below: string): boolean {
  const first = below.split(/\s+/)[0] ?? '';
  return (/^\p{Ll}/u.test(below) && !/[@\d]/.test(first)) || endsMidSentence(above);
}

/**
 * Some PDFs write a table line by line across the page, not cell by cell: the first line of every
 * cell of a row, then the second line of every cell, and so on (a scanned page's text layer, and
 * some producers). Read line by line, each cell's sentences are cut into pieces among the other
 * cells' (issue #13, class 8). Such a row is found by its lines: two or more pieces side by side,
 * and each line below it with pieces that stand under the row's cells and go on with one of them
 * (a lower-case start, or the text above ending on "and" or a comma), two cells or more going on
 * so. Each cell is given back as one line, the later cells beside the first, as a table written
 * cell by cell reads. Rows of a label and its value ("Email:" beside an address) do not go on one
 * another, and are left alone.
 */
function unweaveRows(lines: WovenLine[]): PageLine[] {
  const out: PageLine[] = [];
  const plain = ({ spans: _spans, ...line }: WovenLine): PageLine => line;
  for (let i = 0; i < lines.length; ) {
    const first = lines[i]!;
    const cells = piecesOf(first).map((p) => ({ x: p.x, texts: [p.text], goesOn: false }));
    let j = i + 1;
    if (cells.length >= 2) {
      for (; j < lines.length; j++) {
        const below = lines[j]!;
        const pieces = piecesOf(below);
        if (pieces.length === 0 || below.y === undefined || first.y === undefined || below.y <= first.y || !sameSize(below.size, first.size)) break;
        const under = pieces.map((p) => cells.findIndex((c) => Math.abs(c.x - p.x) < 4));
        if (under.some((k) => k < 0) || new Set(under).size !== under.length) break;
        const on = pieces.map((p, n) => goesOn(cells[under[n]!]!.texts.at(-1)!, p.text));
        if (!on.some(Boolean)) break;
        pieces.forEach((p, n) => {
          const cell = cells[under[n]!]!;
          cell.texts.push(p.text);
          if (on[n]) cell.goesOn = true;
        });
      }
    }
    // Woven only if two cells or more go on below: one cell wrapped under itself beside short ones
    // (a question beside its answer, "9." beside a heading) is read by the lines' own rules.
    if (cells.filter((c) => c.goesOn).length < 2) j = i + 1;
    if (j === i + 1) {
      out.push(plain(first));
      i++;
      continue;
    }
    cells.forEach((c, k) => out.push({ text: c.texts.join(' '), size: first.size, x: c.x, ...(first.y !== undefined ? { y: first.y } : {}), ...(k > 0 ? { beside: true } : {}) }));
    i = j;
  }
  return out;
}

/** The size most of a line's characters are set in (0 if none is known). */
function mostUsed(sizes: Map<number, number> | undefined): number {
  let best = 0;
  let bestChars = 0;
  for (const [size, chars] of sizes ?? []) {
    if (chars > bestChars || (chars === bestChars && size > best)) [best, bestChars] = [size, chars];
  }
  return best;
}

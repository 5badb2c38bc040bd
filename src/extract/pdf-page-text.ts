// A PDF page's text from pdfjs's text items, line by line, with a tab where a wide gap parts two
// pieces of one line: a table's cells side by side ("Finding out what each pupil needs" in the
// left cell, "On arrival, the class team..." beside it). Without the tab the row's heading cell
// runs into its answer and neither is read as what it is (issue #13, class 8: a report set out
// as a table judged as the same report in prose).
//
// pdf-parse's getText means to mark such gaps (its `cellSeparator`), but pdfjs fills every gap
// with a whitespace item as wide as the gap, so the gap never shows and the tab never comes. So
// the items are read here, with pdf-parse's own line breaking (same thresholds) kept as it is.

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
  const push = (str: string, size = 0) => {
    out.push(str);
    const pieces = str.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        sizes.push(new Map());
        gaps.push([]);
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
      if (gapPending && !lineStarts) {
        push(GAP_MARK);
        gaps[gaps.length - 1]!.push(gapWidth);
      }
      gapPending = false;
      gapWidth = 0;
      if (lineStarts) starts[sizes.length - 1] = { x, y };
      push(item.str, Math.round(item.height * 10) / 10);
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
  let prev: { x: number; y: number } | undefined;
  return out
    .join('')
    .split('\n')
    .map((text, i) => {
      const start = starts[i];
      const beside = start !== undefined && prev !== undefined && start.y < prev.y - LINE_THRESHOLD && start.x > prev.x + 12 && start.y > top + LINE_THRESHOLD;
      if (start) prev = start;
      const cellGap = isJustifiedLine(gaps[i] ?? []) ? ' ' : '\t';
      return { text: text.replace(/\r/g, '').replaceAll(GAP_MARK, cellGap), size: mostUsed(sizes[i]), ...(start ? { x: start.x, y: start.y } : {}), ...(beside ? { beside } : {}) };
    });
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

// A table row of short cells is one record ("Three TAs — ELKLAN speech and language — 2026"): a
// cell alone ("Training", "Three TAs") says nothing a reader can act on, and the row is what a
// rule should read and quote (issue #13, class 9). Shared by every format that knows its rows
// (HTML and Word in html-walk.ts; PDF rows of cells side by side and Markdown tables in lines.ts).

/** Words in a cell beyond which its row is not a short record. */
const ROW_CELL_WORDS = 20;

/** The cells' texts joined into one, or null when the row should keep its cells apart. */
export function shortRowText(cells: string[]): string | null {
  if (cells.length < 2) return null;
  // A long answer or a question keeps its cells apart, so a question still heads its answer.
  const short = cells.every((t) => t.split(/\s+/).length <= ROW_CELL_WORDS && !/\?["'”’)]*$/.test(t));
  if (!short) return null;
  // A label cell runs into its value ("Date:" beside "July 2025" is "Date: July 2025"), as a PDF's
  // label and value across a tab stop do, so a date, a name or a number keeps its label.
  return cells.reduce((row, cell, i) => (i === 0 ? cell : `${row}${LABEL_END.test(row) ? ' ' : ' — '}${cell}`), '');
}

const LABEL_END = /:\s*$/;

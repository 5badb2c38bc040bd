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
  return short ? cells.join(' — ') : null;
}

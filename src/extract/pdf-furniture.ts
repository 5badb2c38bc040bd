import { PAGE_NUMBER_RE } from './lines.js';

// Page furniture: the running header and footer repeated on every page ("Oakfield Primary
// School - SEN Information Report 2025", "Page 3 of 12"). Left in, it would break sentences
// that run across pages and show up as evidence for the wrong things.

/** Lines at each end of a page that may be furniture. */
const EDGE_LINES = 3;

/** `pages[i]` is page i+1's lines; returns the pages without running headers, footers and page numbers. */
export function removeFurniture<L extends { text: string }>(pages: L[][]): L[][] {
  const repeated = repeatedEdgeLines(pages.map((lines) => lines.map((l) => l.text)));
  return pages.map((lines) => {
    const nonBlank = lines.map((l, i) => (l.text.trim() ? i : -1)).filter((i) => i >= 0);
    const edge = new Set([...nonBlank.slice(0, EDGE_LINES), ...nonBlank.slice(-EDGE_LINES)]);
    return lines.filter((line, i) => !(edge.has(i) && (PAGE_NUMBER_RE.test(line.text.trim()) || repeated.has(furnitureKey(line.text)))));
  });
}

/**
 * Lines (page numbers ignored) at a page edge on at least half the pages, and on three or more;
 * in a document of two pages, a line at the same edge of both, word for word and number for
 * number (a two-page report's running header: left in, it stood before the title as the
 * document's first line and took the title's place).
 */
function repeatedEdgeLines(pages: string[][]): Set<string> {
  if (pages.length === 2) return sameEdgeLines(pages[0]!, pages[1]!);
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeLines(lines).map(furnitureKey));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  const out = new Set<string>();
  for (const [k, n] of counts) if (n >= needed && k.length > 0) out.add(k);
  return out;
}

function edgeLines(lines: string[]): string[] {
  const nonBlank = lines.filter((l) => l.trim());
  return [...nonBlank.slice(0, EDGE_LINES), ...nonBlank.slice(-EDGE_LINES)];
}

/** Lines at the top of both pages, or at the foot of both, exactly alike (their key kept as furnitureKey gives it). */
function sameEdgeLines(a: string[], b: string[]): Set<string> {
  const [first, second] = [a, b].map((lines) => lines.filter((l) => l.trim()));
  const out = new Set<string>();
  for (const end of ['top', 'foot'] as const) {
    const pick = (lines: string[]) => (end === 'top' ? lines.slice(0, EDGE_LINES) : lines.slice(-EDGE_LINES));
    const there = new Set(pick(second!).map(lineWords));
    for (const line of pick(first!)) if (lineWords(line) && there.has(lineWords(line))) out.add(furnitureKey(line));
  }
  return out;
}

/**
 * Compare short lines with numbers taken out, so "Report 2025 - page 3" and "Report 2025 - page 4"
 * match; a longer line (a sentence of body text) must repeat exactly.
 */
function furnitureKey(line: string): string {
  const key = lineWords(line);
  return key.split(' ').length <= SHORT_LINE_WORDS ? key.replace(/\d+/g, '#') : key;
}

const SHORT_LINE_WORDS = 10;

/** A line lower-case, its spaces one space: how furniture lines are compared. */
function lineWords(line: string): string {
  return line.toLowerCase().replace(/\s+/g, ' ').trim();
}

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

/** Lines (page numbers ignored) at a page edge on at least half the pages, and on three or more. */
function repeatedEdgeLines(pages: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const nonBlank = lines.filter((l) => l.trim());
    const keys = new Set([...nonBlank.slice(0, EDGE_LINES), ...nonBlank.slice(-EDGE_LINES)].map(furnitureKey));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  const out = new Set<string>();
  for (const [k, n] of counts) if (n >= needed && k.length > 0) out.add(k);
  return out;
}

/**
 * Compare short lines with numbers taken out, so "Report 2025 - page 3" and "Report 2025 - page 4"
 * match; a longer line (a sentence of body text) must repeat exactly.
 */
function furnitureKey(line: string): string {
  const key = line.toLowerCase().replace(/\s+/g, ' ').trim();
  return key.split(' ').length <= SHORT_LINE_WORDS ? key.replace(/\d+/g, '#') : key;
}

const SHORT_LINE_WORDS = 10;

// Deeply nested markup is a denial of service, not a report: the HTML parser spends time
// proportional to the depth on every tag (10,000 nested <ul><li> took 10 s; 20 MB of them would
// never finish). Browsers stop nesting too (Blink at 512 levels). Before parsing, one linear scan
// finds tags that would open deeper than MAX_DEPTH and drops them, with their end tags; their
// text stays, so nothing readable is lost.

/** Elements open at once beyond which further start tags are dropped (Blink's limit). */
export const MAX_DEPTH = 512;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// End tag optional: the parser closes these by itself (a new <li> closes the last), so they are
// not counted; their containers (ul, table, dl, select) are.
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'rb', 'rt', 'rtc', 'rp']);
// Their content is text up to the matching end tag, whatever it looks like.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

export interface DepthLimited {
  html: string;
  /** Start tags dropped because they would have opened deeper than MAX_DEPTH. */
  dropped: number;
}

/** The page with start tags deeper than `maxDepth` (and their end tags) removed. Linear time. */
export function limitDepth(html: string, maxDepth = MAX_DEPTH): DepthLimited {
  const n = html.length;
  const stack: string[] = [];
  const open = new Map<string, number>(); // open elements by name, so an end tag is matched in O(1)
  const droppedOpen = new Map<string, number>(); // dropped start tags still waiting for their end tag
  const cut: number[] = []; // [start, end) pairs to leave out
  let dropped = 0;
  let lower: string | null = null; // lowercased copy, made only if a raw-text element turns up
  let i = html.indexOf('<');
  while (i >= 0 && i < n) {
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Comment, doctype, CDATA or processing instruction.
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (close < 0) break;
      i = html.indexOf('<', close + 1);
      continue;
    }
    const isEnd = next === 47; /* / */
    const nameStart = isEnd ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = nameStart;
    while (j < n && !isNameEnd(html.charCodeAt(j))) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const tagEnd = endOfTag(html, j);
    if (tagEnd < 0) break;

    if (isEnd) {
      const waiting = droppedOpen.get(name) ?? 0;
      if (waiting > 0) {
        droppedOpen.set(name, waiting - 1);
        cut.push(i, tagEnd);
      } else if ((open.get(name) ?? 0) > 0) {
        // Close it and anything opened inside it and left open, as the parser does.
        for (;;) {
          const top = stack.pop()!;
          open.set(top, open.get(top)! - 1);
          if (top === name) break;
        }
      }
      i = html.indexOf('<', tagEnd);
      continue;
    }

    if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, tagEnd);
      if (close < 0) break; // the rest of the page is its text
      i = html.indexOf('<', close + 2);
      continue;
    }
    if (!VOID.has(name) && !OPTIONAL_END.has(name)) {
      if (stack.length >= maxDepth) {
        cut.push(i, tagEnd);
        droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1);
        dropped++;
      } else {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
      }
    }
    i = html.indexOf('<', tagEnd);
  }
  if (cut.length === 0) return { html, dropped: 0 };
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < cut.length; k += 2) {
    parts.push(html.slice(from, cut[k]));
    from = cut[k + 1]!;
  }
  parts.push(html.slice(from));
  return { html: parts.join(''), dropped };
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 /* / */ || c === 62; /* > */
}

/** Index just past the `>` that ends a tag whose attributes start at `from` (quotes respected), or -1. */
function endOfTag(html: string, from: number): number {
  let quote = 0;
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      return k + 1;
    } else if ((c === 34 || c === 39) && isAttrValueStart(html, k)) {
      quote = c;
    }
  }
  return -1;
}

/** A quote opens a value only right after `=` (optionally spaced), as in the HTML tokenizer. */
function isAttrValueStart(html: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (html.charCodeAt(k) === 32 || html.charCodeAt(k) === 9 || html.charCodeAt(k) === 10)) k--;
  return k >= 0 && html.charCodeAt(k) === 61;
}

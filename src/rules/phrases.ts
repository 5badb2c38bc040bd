import { normaliseForMatch } from './normalise.js';

/**
 * Compiles a phrase list into regular expressions, once per rule set load.
 *
 * - Case-insensitive, on word boundaries, on normalised text (see normalise.ts).
 * - "SEN" and "SEND" match each other, as do "SENCO" and "SENDCO".
 * - A space matches any run of spaces or hyphens; a hyphen is optional ("well-being" = "wellbeing").
 * - A trailing `*` matches any word ending ("discriminat*").
 * - Short all-capital acronyms ("EP", "TA", "OT", "PE", "ASD") match case-sensitively on the
 *   original text: lower-case "ta" or "pe" inside ordinary prose must not count.
 */
export interface CompiledPhrases {
  /** Matched against normalised text; null when every phrase is a case-sensitive acronym. */
  folded: RegExp | null;
  /** Matched against the original text; null when there are no acronyms. */
  exact: RegExp | null;
}

const ACRONYM = /^[A-Z][A-Z0-9]{1,4}$/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phraseBody(phrase: string): string {
  const wildcard = phrase.endsWith('*');
  const norm = normaliseForMatch(wildcard ? phrase.slice(0, -1) : phrase);
  const words = norm.split(' ').map((word) => {
    const parts = word.split('-');
    return parts
      .map((part, i) => {
        const body = part === 'sen' || part === 'send' ? 'send?' : part === 'senco' || part === 'sendco' ? 'send?cos?' : escape(part).replace(/'/g, "'?");
        if (i === 0) return body;
        // Between words the hyphen may be dropped ("wellbeing"); between numbers it may not ("1-1" is not "11").
        const digits = /\d$/.test(parts[i - 1]!) && /^\d/.test(part);
        return (digits ? '[ -]' : '[ -]?') + body;
      })
      .join('');
  });
  return words.join('[ -]+') + (wildcard ? "[a-z0-9'-]*" : '');
}

/**
 * The same list compiles to the same object, so the evaluator scans a document once for a list
 * that several rules or frames share (the list of words for a pupil, say), not once for each.
 * Compiled phrases are never changed after compiling, so sharing them is safe.
 */
const compiled = new Map<string, CompiledPhrases>();
const MAX_SHARED_LISTS = 5000;

export function compilePhrases(phrases: readonly string[]): CompiledPhrases {
  const key = phrases.join('\u0000');
  let c = compiled.get(key);
  if (!c) {
    c = compileList(phrases);
    // A long-lived process that loads many rule files (serve, a page where rules are edited)
    // keeps only so many; the built-in set has a few hundred lists.
    if (compiled.size >= MAX_SHARED_LISTS) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

function compileList(phrases: readonly string[]): CompiledPhrases {
  const folded: string[] = [];
  const exact: string[] = [];
  for (const p of phrases) {
    if (ACRONYM.test(p)) exact.push(escape(p));
    else folded.push(phraseBody(p));
  }
  return {
    folded: folded.length ? new RegExp(`(?<![a-z0-9])(?:${folded.join('|')})(?![a-z0-9])`, 'g') : null,
    exact: exact.length ? new RegExp(`(?<![A-Za-z0-9])(?:${exact.join('|')})(?![A-Za-z0-9])`, 'g') : null,
  };
}

/** Start offsets of every match (in the text each regex reads), for `near`. */
export function phraseOffsets(c: CompiledPhrases, norm: string, original: string): { folded: number[]; exact: number[] } {
  const all = (re: RegExp | null, text: string): number[] => {
    if (!re) return [];
    re.lastIndex = 0;
    const out: number[] = [];
    for (const m of text.matchAll(re)) out.push(m.index);
    return out;
  };
  return { folded: all(c.folded, norm), exact: all(c.exact, original) };
}

export function testPhrases(c: CompiledPhrases, norm: string, original: string): boolean {
  if (c.folded) {
    c.folded.lastIndex = 0;
    if (c.folded.test(norm)) return true;
  }
  if (c.exact) {
    c.exact.lastIndex = 0;
    if (c.exact.test(original)) return true;
  }
  return false;
}

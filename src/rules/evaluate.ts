import type { Link } from '../document/types.js';
import { hasEntity } from './entities.js';
import { linkHost, linkMatches } from './links.js';
import { normaliseForMatch } from './normalise.js';
import { phraseOffsets, testPhrases, type CompiledPhrases } from './phrases.js';
import { BODY, type CompiledLink, type CompiledMatcher, type SentenceFilter } from './compile.js';
import type { PreparedDocument, Sentence } from './prepare.js';
import type { Scope, Voice } from './schema.js';

/** What the engine knows about the document beyond its sentences, computed by the caller. */
export interface EngineFacts {
  reportDate: string | null;
  reportDateQuote: string | null;
  /**
   * Whose words the whole document is in when it is not a school's (a local authority's page, a
   * blank template: src/facts/kind.ts): then no sentence of it is the school's own account.
   */
  documentVoice?: Exclude<Voice, 'school'>;
  /** Where the date came from: the text, or (weaker) a PDF's own metadata. */
  reportDateSource?: 'text' | 'pdf-metadata' | null;
  /** The as-of date (YYYY-MM-DD), named in what the findings say about the date's age. */
  asOf?: string;
  /** Whole months from the report date to the as-of date; null when undated. */
  monthsSinceReportDate: number | null;
  readingEase: number | null;
  textLayer: boolean;
  /**
   * Whether each linked document answered (status < 400), checked before the engine runs
   * (src/audit/link-check.ts) for the links that `link: {live: true}` matchers read.
   * Absent: links were not checked, and live-link matchers accept any matching link.
   */
  linkLive?: ReadonlyMap<string, boolean>;
}

// Link texts too short or too vague to find the sentence that holds the link.
const VAGUE_LINK_TEXT = /^(here|click here|this link|link|read more|more|website|this|download|view|open|pdf)$/;

/** Whether a sentence is one a text matcher reads: its role, and its voice and statement when the rule names them. */
function accepts(where: SentenceFilter, s: Sentence): boolean {
  if (s.statement === 'pointer' && !where.pointers) return false;
  return where.roles.includes(s.role) && (where.voice === null || where.voice.includes(s.voice)) && (where.statement === null || where.statement.includes(s.statement));
}

/** The date fact as a sentence: the evidence quoted when a date rule is met. */
function dateSentence(f: EngineFacts): string {
  if (!f.reportDate) return 'The report gives no date.';
  if (f.reportDateSource === 'pdf-metadata') return `The report is dated ${f.reportDate} by its PDF metadata (the text states no date; a stated date is stronger).`;
  return `The report is dated ${f.reportDate}${f.reportDateQuote ? ` ("${f.reportDateQuote}")` : ''}.`;
}

/**
 * What a date rule that is not met says about the date: none found, and where we looked; or
 * the date found and its age. A date is never taken from a file's or server's own timestamps.
 */
export function dateNote(f: EngineFacts, withinMonths: number): string {
  if (!f.reportDate || f.monthsSinceReportDate === null) {
    return 'No date found for the report: none in its text (we looked for reviewed, updated, approved or published dates, a school year such as 2025-26, and a date on its cover) and none in the document\'s own metadata. A file\'s or web server\'s own timestamp is not taken as the report\'s date.';
  }
  const from = f.reportDateSource === 'pdf-metadata' ? ' (from its PDF metadata)' : f.reportDateQuote ? ` ("${f.reportDateQuote}")` : '';
  const months = f.monthsSinceReportDate;
  return `The report is dated ${f.reportDate}${from}: ${months} month${months === 1 ? '' : 's'} before ${f.asOf ?? 'the as-of date'}, more than ${withinMonths}.`;
}

/**
 * Evaluates compiled matchers against one prepared document. A result is the sorted list of
 * sentence indices that satisfy the matcher (its evidence). Facts are answered by virtual
 * sentences after the real ones, so they compose like any other hit.
 */
export class Evaluator {
  private readonly cache = new Map<CompiledMatcher, number[]>();
  readonly virtual: Sentence[];
  private readonly n: number;
  private readonly links: readonly Link[];
  private linkHosts: (string | null)[] | null = null;
  private readonly placed = new Map<string, number>();
  private readonly phraseHitCache = new Map<CompiledPhrases, Uint8Array>();
  private readonly sectionCache = new Map<CompiledPhrases, Set<number>>();
  /** Sentences' normalised text with names left in (Sentence.norm masks them), made as link placement asks. */
  private readonly plainNorms: (string | undefined)[] = [];
  private joined: JoinedText | null = null;

  constructor(
    private readonly doc: PreparedDocument,
    private readonly facts: EngineFacts,
  ) {
    this.n = doc.sentences.length;
    this.links = doc.links ?? [];
    const virtual = (text: string): Sentence => ({
      text, norm: text.toLowerCase(), role: 'body', block: -1, section: -1, depth: null, page: null, heading: null, hasLink: false, card: -1, voice: 'school', statement: 'practice',
    });
    this.virtual = [
      virtual(dateSentence(facts)),
      virtual(facts.readingEase === null ? 'Too little text to score readability.' : `Flesch reading ease ${Math.round(facts.readingEase)}.`),
      virtual(facts.textLayer ? 'The document has a text layer.' : 'The document has no text layer.'),
    ];
  }

  /** How many sentences the document has (the virtual ones come after). */
  get lineCount(): number {
    return this.n;
  }

  sentence(i: number): Sentence {
    return i < this.n ? this.doc.sentences[i]! : this.virtual[i - this.n]!;
  }

  run(m: CompiledMatcher): number[] {
    let hits = this.cache.get(m);
    if (!hits) {
      hits = this.compute(m);
      this.cache.set(m, hits);
    }
    return hits;
  }

  private eachSentence(where: SentenceFilter, test: (s: Sentence, i: number) => boolean): number[] {
    const out: number[] = [];
    const sentences = this.doc.sentences;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i]!;
      if (accepts(where, s) && test(s, i)) out.push(i);
    }
    return out;
  }

  /** Whether sentence `i` holds one of the phrases of `c`: from the document's scan for `c` when one was made, else from that sentence alone. */
  holdsPhrases(c: CompiledPhrases, i: number): boolean {
    if (i >= this.n) return false;
    const scanned = this.phraseHitCache.get(c);
    if (scanned) return scanned[i] === 1;
    const s = this.doc.sentences[i]!;
    return testPhrases(c, s.norm, s.text);
  }

  /**
   * Which sentences a phrase list matches (1) or not (0), from one scan of the whole text per
   * phrase list instead of one regex call per sentence (the sentences joined with "\n"). The
   * same answer as testPhrases on each sentence: a phrase pattern never matches a newline (its
   * words are normalised, its acronyms are capitals and digits), and the newline is not a
   * letter or digit, so at the joins the boundary checks see what they see at a sentence's ends.
   * After a hit the scan jumps to the next sentence: one hit is all a sentence needs.
   */
  private phraseHits(c: CompiledPhrases): Uint8Array {
    let hits = this.phraseHitCache.get(c);
    if (!hits) {
      const j = (this.joined ??= joinSentences(this.doc.sentences));
      hits = new Uint8Array(this.n);
      if (c.folded) markSentences(c.folded, j.norm, j.normStarts, hits);
      if (c.exact) markSentences(c.exact, j.text, j.textStarts, hits);
      this.phraseHitCache.set(c, hits);
    }
    return hits;
  }

  private compute(m: CompiledMatcher): number[] {
    switch (m.kind) {
      case 'phrases': {
        const hits = this.phraseHits(m.phrases);
        return this.eachSentence(m.roles, (_s, i) => hits[i] === 1);
      }
      case 'regex':
        return this.eachSentence(m.roles, (s) => testBounded(m.regex, s.text));
      case 'near':
        return this.near(m.a, m.b, m.words, m.within, m.roles);
      case 'entity':
        return this.eachSentence(m.roles, (s) =>
          m.entities.some((e) => hasEntity(e, s.text) || (e === 'url' && s.hasLink)),
        );
      case 'section':
        return this.section(m.heading, m.match);
      case 'all':
        return this.all(m.parts, m.negated, m.within);
      case 'any':
        return mergeSorted(m.parts.map((p) => this.run(p)));
      case 'not': {
        const inner = new Set(this.run(m.inner));
        return this.eachSentence(BODY, (_s, i) => !inner.has(i));
      }
      case 'fact':
        return this.fact(m);
      case 'link':
        return this.link(m);
    }
  }

  /** The document's links a `link:` matcher names, before any liveness check. */
  linkCandidates(m: CompiledLink): Link[] {
    this.linkHosts ??= this.links.map((l) => linkHost(l.url));
    return this.links.filter((l, i) => linkMatches(m, l, this.linkHosts![i]!));
  }

  /** Evidence for a link: the sentence that holds it, else a virtual line "Link: text -> url". */
  private link(m: CompiledLink): number[] {
    const live = this.facts.linkLive;
    const out = new Set<number>();
    for (const l of this.linkCandidates(m)) {
      if (m.live && live && live.get(l.url) === false) continue;
      out.add(this.placeLink(l));
    }
    return [...out].sort((a, b) => a - b);
  }

  private placeLink(l: Link): number {
    const key = `${l.text}\n${l.url}`;
    let at = this.placed.get(key);
    if (at !== undefined) return at;
    const sentences = this.doc.sentences;
    // A printed address ("www.anyshire.gov.uk/localoffer") places the link best, then its text.
    const bare = l.url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
    const text = normaliseForMatch(l.text);
    const byText = text.length >= 4 && !VAGUE_LINK_TEXT.test(text);
    let found = bare.length >= 4 ? sentences.findIndex((s) => s.text.includes(bare)) : -1;
    if (found < 0 && byText) found = sentences.findIndex((s, i) => s.hasLink && (this.plainNorms[i] ??= normaliseForMatch(s.text)).includes(text));
    if (found >= 0) at = found;
    else {
      this.virtual.push({
        text: `Link: ${l.text || l.url} -> ${l.url}`,
        norm: normaliseForMatch(`${l.text} ${l.url}`),
        role: 'body', block: -1, section: -1, depth: null, page: null, heading: null, hasLink: true, card: -1, voice: 'school', statement: 'practice',
      });
      at = this.n + this.virtual.length - 1;
    }
    this.placed.set(key, at);
    return at;
  }

  private fact(m: Extract<CompiledMatcher, { kind: 'fact' }>): number[] {
    const f = this.facts;
    if (m.fact.reportDate) {
      const ok = f.monthsSinceReportDate !== null && f.monthsSinceReportDate <= m.fact.reportDate.withinMonths;
      return ok ? [this.n] : [];
    }
    if (m.fact.readingEase) {
      return f.readingEase !== null && f.readingEase >= m.fact.readingEase.min ? [this.n + 1] : [];
    }
    return f.textLayer === m.fact.textLayer ? [this.n + 2] : [];
  }

  /**
   * Body sentences under a heading (or question) matching `heading`, up to the next one as deep or
   * deeper. Kept per heading list: a section matcher and its rule's evidence (engine.ts) both ask.
   */
  sectionSentences(heading: CompiledPhrases): Set<number> {
    const cached = this.sectionCache.get(heading);
    if (cached) return cached;
    const sentences = this.doc.sentences;
    const inSection = new Set<number>();
    this.sectionCache.set(heading, inSection);
    const headingHits = this.phraseHits(heading);
    for (let i = 0; i < sentences.length; i++) {
      const h = sentences[i]!;
      if (h.depth === null || headingHits[i] !== 1) continue;
      for (let j = i + 1; j < sentences.length; j++) {
        const s = sentences[j]!;
        if (s.depth !== null && s.depth <= h.depth) break;
        if (s.role === 'body') inSection.add(j);
      }
    }
    return inSection;
  }

  private section(heading: CompiledPhrases, match: CompiledMatcher | null): number[] {
    const inSection = this.sectionSentences(heading);
    if (!match) return [...inSection].sort((a, b) => a - b);
    return this.run(match).filter((i) => inSection.has(i));
  }

  private near(a: CompiledPhrases, b: CompiledPhrases, words: number, within: 'sentence' | 'block', roles: SentenceFilter): number[] {
    const sentences = this.doc.sentences;
    const out: number[] = [];
    const aHits = this.phraseHits(a);
    const bHits = this.phraseHits(b);
    const anyIn = (hits: Uint8Array, from: number, to: number) => {
      for (let k = from; k < to; k++) if (hits[k] === 1 && accepts(roles, sentences[k]!)) return true;
      return false;
    };
    // Word positions are counted over the unit (sentence or block); a hit is the sentence holding the `a` term.
    let i = 0;
    while (i < sentences.length) {
      let j = i + 1;
      if (within === 'block') while (j < sentences.length && sentences[j]!.block === sentences[i]!.block) j++;
      // Most units hold neither term: skip them before finding word positions.
      if (!anyIn(aHits, i, j) || !anyIn(bHits, i, j)) {
        i = j;
        continue;
      }
      const unit: { idx: number; startWord: number; s: Sentence }[] = [];
      let wordsSoFar = 0;
      for (let k = i; k < j; k++) {
        const s = sentences[k]!;
        if (!accepts(roles, s)) continue;
        unit.push({ idx: k, startWord: wordsSoFar, s });
        wordsSoFar += s.norm.split(' ').length;
      }
      const positions = (c: CompiledPhrases) =>
        unit.flatMap((u) => {
          const off = phraseOffsets(c, u.s.norm, u.s.text);
          return [
            ...off.folded.map((o) => ({ idx: u.idx, word: u.startWord + wordIndex(u.s.norm, o) })),
            ...off.exact.map((o) => ({ idx: u.idx, word: u.startWord + wordIndex(u.s.text, o) })),
          ];
        });
      const pa = positions(a);
      if (pa.length) {
        const pb = positions(b);
        const hit = new Set<number>();
        for (const x of pa) if (pb.some((y) => Math.abs(x.word - y.word) <= words)) hit.add(x.idx);
        out.push(...hit);
      }
      i = j;
    }
    return [...new Set(out)].sort((x, y) => x - y);
  }

  /** Every part found in one unit (sentence, block, section, document or window), none of the negated ones. */
  private all(parts: CompiledMatcher[], negated: CompiledMatcher[], within: Scope | { sentences: number }): number[] {
    const [first, ...others] = parts;
    const anchor = first ? this.run(first) : [];
    if (anchor.length === 0) return [];
    if (within === 'sentence' && anchor.every((i) => i < this.n)) return this.allInSentence(anchor, others, negated);
    const rest = others.map((p) => this.run(p));
    const negatives = negated.map((p) => this.run(p));
    if (typeof within === 'object') {
      const w = within.sentences;
      // Lists are sorted (every matcher returns sorted indices): binary-search the first
      // j >= i - w instead of scanning, so a window check is O(log n), not O(n).
      const near = (list: number[], i: number) => {
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]! < i - w) lo = mid + 1;
          else hi = mid;
        }
        return lo < list.length && list[lo]! <= i + w;
      };
      return anchor.filter((i) => rest.every((l) => near(l, i)) && !negatives.some((l) => near(l, i)));
    }
    // Facts belong to the whole document: their group matches every unit. (Not -1, which is
    // the section of text before the first heading.)
    const FACT = Number.NEGATIVE_INFINITY;
    const group = (i: number): number => {
      const s = this.sentence(i);
      if (s.block === -1) return FACT;
      switch (within) {
        case 'sentence':
          return i;
        case 'block':
          return s.block;
        case 'contact-block':
          return s.card;
        case 'section':
          return s.depth !== null ? i : s.section;
        case 'document':
          return 0;
      }
    };
    const groups = (list: number[]) => new Set(list.map(group));
    const restGroups = rest.map(groups);
    const negGroups = negatives.map(groups);
    const has = (set: Set<number>, g: number) => set.has(g) || set.has(FACT) || (g === FACT && set.size > 0);
    return anchor.filter((i) => {
      const g = group(i);
      return restGroups.every((set) => has(set, g)) && !negGroups.some((set) => set.has(g));
    });
  }

  /**
   * `all` within one sentence, the common case, when its first part holds only real sentences:
   * each further part narrows those sentences, so a frame whose first part is rare (a handful of
   * sentences) tests its other phrase lists on that handful instead of scanning the whole text
   * for each. The same answer as intersecting every part's hits.
   */
  private allInSentence(anchor: number[], parts: CompiledMatcher[], negated: CompiledMatcher[]): number[] {
    let keep = anchor;
    for (const p of parts) {
      keep = this.narrow(p, keep, true);
      if (keep.length === 0) return keep;
    }
    for (const p of negated) {
      keep = this.narrow(p, keep, false);
      if (keep.length === 0) return keep;
    }
    return keep;
  }

  /** The candidates (real sentences) that `p` matches, or with `want` false, does not. */
  private narrow(p: CompiledMatcher, candidates: number[], want: boolean): number[] {
    if (p.kind === 'phrases' && !this.phraseHitCache.has(p.phrases) && candidates.length * PER_SENTENCE_SHARE < this.n) {
      const sentences = this.doc.sentences;
      return candidates.filter((i) => {
        const s = sentences[i]!;
        return (accepts(p.roles, s) && testPhrases(p.phrases, s.norm, s.text)) === want;
      });
    }
    const hits = this.run(p);
    const set = new Set(hits);
    // A fact (a virtual sentence) among a further part's hits holds for every sentence; a negated
    // part excludes only the sentences it matches itself.
    const fact = want && hits.some((i) => i >= this.n);
    return candidates.filter((i) => (want ? set.has(i) || fact : !set.has(i)));
  }
}

/** A phrase list is tested sentence by sentence, not scanned for in the whole text, when it is asked of fewer than one sentence in this many. */
const PER_SENTENCE_SHARE = 4;

function wordIndex(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

function mergeSorted(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

// Belt and braces for rule patterns that passed the load-time check but still backtrack
// polynomially (e.g. `[a-z ]*!`: 19 s on one 100,000-character "sentence", a page with no full
// stops). A rule's regular expression never sees more than REGEX_WINDOW characters at once: a
// longer sentence is tested in overlapping windows, so a match up to REGEX_OVERLAP long is
// still found wherever it sits, and the time grows with the length, not its square.
export const REGEX_WINDOW = 2000;
const REGEX_OVERLAP = 500;

export function testBounded(regex: RegExp, text: string): boolean {
  for (let at = 0; ; at += REGEX_WINDOW - REGEX_OVERLAP) {
    regex.lastIndex = 0;
    if (regex.test(text.length <= REGEX_WINDOW ? text : text.slice(at, at + REGEX_WINDOW))) return true;
    if (at + REGEX_WINDOW >= text.length) return false;
  }
}

interface JoinedText {
  norm: string;
  text: string;
  /** Where each sentence starts in `norm` and in `text`. */
  normStarts: number[];
  textStarts: number[];
}

function joinSentences(sentences: readonly Sentence[]): JoinedText {
  const normStarts: number[] = [];
  const textStarts: number[] = [];
  let n = 0;
  let t = 0;
  for (const s of sentences) {
    normStarts.push(n);
    textStarts.push(t);
    n += s.norm.length + 1;
    t += s.text.length + 1;
  }
  return { norm: sentences.map((s) => s.norm).join('\n'), text: sentences.map((s) => s.text).join('\n'), normStarts, textStarts };
}

/** Sets hits[i] for every sentence i (starting at starts[i] in text) that `re` (global) matches in. */
function markSentences(re: RegExp, text: string, starts: number[], hits: Uint8Array): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const i = sentenceAt(starts, m.index);
    hits[i] = 1;
    if (i + 1 >= starts.length) break;
    re.lastIndex = starts[i + 1]!;
  }
  re.lastIndex = 0;
}

/** The index of the last start at or before `offset` (starts ascending, starts[0] = 0). */
function sentenceAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

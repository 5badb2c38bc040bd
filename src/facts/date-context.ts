// Decides whether one date in the text is the report's own date (written, reviewed, updated,
// approved, or the school year it is for) or the date of something else (a next review, a law,
// an inspection, a data snapshot, an event). The judging guide counts only the former.
//
// The rule: look back along the same sentence for the nearest cue word. "Updated: March 2026"
// and "SEND Information Report – 2024" are the report's own; "Next review: April 2021",
// "Children and Families Act 2014" and "our last inspection in November 2014" are not. A date
// with no cue at all does not count, except a date standing alone near the top of the document
// (a cover-page date).

import type { DateMention } from './date-mentions.js';

export type DateRole = 'self' | 'other' | 'none';

interface Cue {
  re: RegExp;
  role: 'self' | 'other';
  /** Most characters allowed between the end of the cue and the date. */
  reach: number;
  /** A name of the document ("Information Report 2024-25"): only punctuation may come between. */
  title?: boolean;
}

const CUES: Cue[] = [
  // The report's own dates.
  {
    re: /\b(?:last\s+)?(?:updated|reviewed|revised|written|published|approved|agreed|adopted|ratified|issued|produced|amended|compiled|prepared|modified|edited|created|dated|signed)\b/gi,
    role: 'self',
    reach: 40,
  },
  { re: /\blast\s+(?:review|update)\b|\b(?:date\s+(?:of\s+)?(?:issue|publication|approval|adoption|ratification|agreement))\b|\badoption\b|\beffective\s+from\b|\bcorrect\s+as\s+(?:of|at)\b/gi, role: 'self', reach: 25 },
  // "Date: 12/09/2025". Reach covers ": ". "Review date:" is longer and so wins at the same end.
  { re: /\bdate\b/gi, role: 'self', reach: 3 },
  // "Academic year 2026/2027" heads a report by itself; "school year" is as often a data snapshot's, so it needs its colon.
  { re: /\b(?:for|covering)\s+(?:the\s+)?(?:academic|school)\s+year\b|\bacademic\s+year\b\s*:?|\bschool\s+year\s*:/gi, role: 'self', reach: 3 },
  { re: /\bversion\b|\bv\d+(?:\.\d+)?\b/gi, role: 'self', reach: 25 },
  {
    // Not "plan": a school development plan's or accessibility plan's years are not the report's.
    re: /\b(?:information\s+report|report|local\s+offer|offer|information|booklet|guide|policy)\b/gi,
    role: 'self',
    // Room for what the document is about between its name and its date (TITLE_GAP).
    reach: 70,
    title: true,
  },
  // Dates of other things. Longer phrases win over the self cues they contain ("date of review").
  {
    re: /\bnext\s+(?:formal\s+|full\s+)?review(?:ed)?(?:\s+date)?\b|\b(?:review|revision|renewal)\s+(?:date|due)\b|\bdate\s+(?:of|for)\s+(?:the\s+)?(?:next\s+)?(?:review|revision|renewal)\b|\b(?:to|will|shall|should)\s+be\s+(?:re-?)?(?:viewed|reviewed|updated|revised|renewed)\b|\bdue\s+(?:for\s+)?(?:review|renewal)\b|\brenewal\b|\bexpir(?:y|es)\b|\buntil\b|\bvalid\s+(?:to|until)\b|\breview\s+by\b/gi,
    role: 'other',
    reach: 40,
  },
  {
    re: /\b(?:acts?|regulations?|code(?:s)?\s+of\s+practice|code|framework|guidance|standards|curriculum|directive|reforms?|legislation|statute|order|bill|convention|white\s+paper|green\s+paper|dfe|department\s+for\s+education|sections?\s+[\d.]+|schedule\s+\d+|0\s*[-–]\s*25)\b/gi,
    role: 'other',
    reach: 12,
  },
  { re: /\bofsted\b|\binspect(?:ion|ed|ors?)\b/gi, role: 'other', reach: 60 },
  { re: /\b(?:at\s+present|currently|census|register|data|figures|statistics)\b/gi, role: 'other', reach: 20 },
  { re: /\b(?:from|since|starting|between|born|birth|deadline|closed|opened|founded|established|introduced)\b|©|\(c\)|\bcopyright\b/gi, role: 'other', reach: 12 },
];

/**
 * Between a document name and its date only punctuation, what it is about ("for Special
 * Educational Needs and Disabilities"), "to parents" and "for the academic year" may come.
 */
const TITLE_GAP =
  /^[\s\-–—:,(\[|]*(?:(?:for|on|about|of)\s+(?:pupils\s+with\s+)?(?:special\s+educational\s+needs?(?:\s+(?:and|&)(?:\/or)?\s+disabilit(?:y|ies))?|send?|sen\/d)[\s\-–—:,(\[|)]*)?(?:(?:to|for)\s+(?:parents?|families)(?:\s*(?:and|&|\/)\s*carers?)?[\s\-–—:,(\[|]*)?(?:(?:for|of|in)\s+)?(?:the\s+)?(?:(?:academic|school)\s+year\b[\s\-–—:,(\[|]*)?$/i;
/** A document name in a sentence that points elsewhere ("see our Accessibility Plan 2023") is another document's. */
const POINTER = /\b(?:see|read|view|refer|alongside|found|available|accessibility|equality|admissions|behaviou?r|complaints?|medical|safeguarding|charging|attendance|ofsted|code)\b/i;
/**
 * Something other than this document as the subject of a verb cue makes the date that thing's:
 * "the Code of Practice, published in January 2015", "the Local Offer was published in
 * September 2014", "EHC plans are reviewed in the autumn term 2025".
 */
const OTHER_SUBJECT =
  /\b(?:acts?|regulations?|practice|codes?|framework|guidance|ofsted|inspection|dfe|department|government|minister|law|reforms?|local\s+authorit(?:y|ies)|council|local\s+offer|ehc\s*p?|plans?|statements?|assessments?|pupils?|children|students|register|accessibility)\b/gi;
/** This document, or a "Date" label, as a subject. */
const SELF_REFERENCE =
  /\bdate\b|\b(?:this|our)\s+(?:\w+\s+){0,4}?(?:report|policy|document|information)\b|\bthe\s+(?:(?:send?|annual)\s+)*(?:information\s+)?(?:report|policy|document)\b|\binformation\s+report\b|\bsend?\s+(?:local\s+)?offer\b/i;
/** A date followed by the report's name: "2024-25 SEND Information Report". */
const AFTER_TITLE = /^[\s\-–—:,)]*(?:(?:sen|send|special\s+educational\s+needs(?:\s*(?:and|&)\s*disabilit(?:y|ies))?)\s*(?:\(send?\)\s*)?)?(?:information\s+report|report|local\s+offer)\b/i;
/** A date followed by a law or reform: "the 2014 SEN Codes of Practice", "the 2014 SEND reforms". */
const AFTER_LAW = /^\s*(?:(?:sen|send|special\s+educational\s+needs)\s+)?(?:codes?|acts?|regulations|reforms?|framework)\b/i;
/** What may stand beside a date in a block that holds nothing else: "(February 2019)", "2022 – 2023". */
const ALONE_FILLER = /^[\s()\[\]\-–—:,.|]*$/;
/** A sentence ends at . ! ? ; or a bullet. */
const SENTENCE_BREAK = /[.!?;](?=\s)|[\u2022\u25aa\u25cf\u2219]/g;
const LOOKBACK = 100;
/** A line near the top this short that names SEN, with its date in it, is the page's title or subtitle. */
const SEN_TITLE_CHARS = 160;
const SEN_NAMED = /\b(?:sen|send|sen\/d|special\s+educational\s+needs?|additional\s+needs)\b/i;

export interface DateJudgement {
  role: DateRole;
  /** The words that show it: the sentence (with any label just before it) holding the date. */
  quote: string;
  /** Counted only for standing alone near the top, with no cue. */
  byPosition: boolean;
}

function sentenceStart(text: string): number {
  let start = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m; m = SENTENCE_BREAK.exec(text)) start = m.index + m[0].length;
  return start;
}

function sentenceEnd(text: string): number {
  SENTENCE_BREAK.lastIndex = 0;
  const m = SENTENCE_BREAK.exec(text);
  if (!m) return text.length;
  return /[.!?;]/.test(m[0]) ? m.index + 1 : m.index;
}

/**
 * Whether the words before a verb cue leave this document as its subject. Other things named
 * there make the date theirs, unless this document is named before them (the subject, with the
 * others in a clause: "This report, written to the Code of Practice, was updated...") or after
 * them (a flattened table: "...Medical Conditions policy | Date approved...").
 */
function aboutThisDocument(clause: string, itself: RegExp | null): boolean {
  // The document's own name is no other thing: "Accessibility Plan 2025 to 2028 Approved by the
  // Governing Body: 18 March 2025", read in the plan itself.
  if (itself) clause = clause.replace(itself, 'this document');
  const others = [...clause.matchAll(OTHER_SUBJECT)];
  if (others.length === 0) return true;
  const first = others[0]!;
  const last = others[others.length - 1]!;
  return SELF_REFERENCE.test(clause.slice(0, first.index)) || SELF_REFERENCE.test(clause.slice(last.index + last[0].length));
}

const QUOTE_BEFORE = 80;
const QUOTE_AFTER = 60;

/** The sentence around a date, cut at word boundaries when a run-on text makes it long. */
function clipQuote(before: string, date: string, after: string): string {
  const b = before.replace(/\s+/g, ' ');
  const a = after.replace(/\s+/g, ' ');
  const head = b.length <= QUOTE_BEFORE ? b : b.slice(b.length - QUOTE_BEFORE).replace(/^\S*\s/, '');
  const tail = a.length <= QUOTE_AFTER ? a : a.slice(0, QUOTE_AFTER).replace(/\s\S*$/, '');
  return `${head}${date}${tail}`.trim();
}

interface Hit {
  role: 'self' | 'other';
  end: number;
  length: number;
  cue: Cue;
}

/** The cue nearest before the date (ties: the longer phrase), within its reach. */
function nearestCue(before: string): Hit | null {
  let best: Hit | null = null;
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(before); m; m = cue.re.exec(before)) {
      const end = m.index + m[0].length;
      const gap = before.slice(end);
      if (gap.length > cue.reach) continue;
      if (cue.title && !TITLE_GAP.test(gap)) continue;
      if (cue.title && POINTER.test(before.slice(0, m.index))) continue;
      const hit: Hit = { role: cue.role, end, length: m[0].length, cue };
      if (!best || end > best.end || (end === best.end && hit.length > best.length)) best = hit;
    }
  }
  return best;
}

/**
 * Judges one date found in `text` (a block), given the blocks just before it (nearest first),
 * which are its context when the date opens its block (a label such as "Date approved" in the
 * cell or line above, or a sentence wrapped onto a new line). `nearTop`: the block is among
 * the first few of the document, where a date standing alone is the document's own. `itself`:
 * the name the document gives itself when that name would otherwise read as another thing's (an
 * accessibility plan's "Accessibility Plan").
 */
export function judgeDate(text: string, mention: DateMention, previous: string[], nearTop: boolean, itself: RegExp | null = null): DateJudgement {
  const own = text.slice(0, mention.start);
  const after = text.slice(mention.end);
  // Alone in its block: a cover-page or table-cell date.
  const alone = ALONE_FILLER.test(own) && ALONE_FILLER.test(after);
  let context = own;
  if (ALONE_FILLER.test(own)) {
    const label = previous.slice(0, 2).reverse().join(' ');
    context = `${label.slice(-LOOKBACK)} ${own}`;
  }
  context = context.slice(-LOOKBACK);
  context = context.slice(sentenceStart(context));

  const quote = clipQuote(context, text.slice(mention.start, mention.end), after.slice(0, sentenceEnd(after)));
  const judged = (role: DateRole, byPosition = false): DateJudgement => ({ role, quote, byPosition });

  if (AFTER_LAW.test(after)) return judged('other');
  const hit = nearestCue(context);
  if (hit?.role === 'other') return judged('other');
  if (hit?.role === 'self') {
    // Not another thing's date, unless the cue only follows a title's dash: "All about how we
    // support our pupils – updated October 2026" is the page's own.
    const beforeCue = context.slice(0, hit.end - hit.length);
    const titleDash = nearTop && text.length <= SEN_TITLE_CHARS && /\s[–—|-]\s*$/.test(beforeCue);
    if (!hit.cue.title && !titleDash && !aboutThisDocument(beforeCue, itself)) return judged('other');
    // A bare year needs its cue close by: "Reviewed: 2024", not a year 40 characters on. A day in
    // figures with a two-digit year ("Approved by governors on 14.07.26") is weak only in that it
    // needs a cue at all, so the cue's own reach will do.
    if (mention.weak && mention.precision === 'year' && !hit.cue.title && context.length - hit.end > 15) return judged('none');
    return judged('self');
  }
  if (AFTER_TITLE.test(after)) return judged('self');
  // A title or subtitle near the top that names SEN (a line, not a sentence) is dated by a school
  // year in it, "SEND at Northgate (2026-27)", or by a date that ends it, "...how we support children
  // with special educational needs, September 2026" (not "In 2024-25 we supported...").
  const titleLine = nearTop && text.length <= SEN_TITLE_CHARS && SEN_NAMED.test(text) && !/[.!?]["'”’)]*\s*$/.test(text);
  if (titleLine && !mention.weak && (mention.academic || ALONE_FILLER.test(after))) return judged('self', true);
  if (alone && nearTop && !mention.weak) return judged('self', true);
  return judged('none');
}

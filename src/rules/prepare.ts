import type { Link, SenDocument } from '../document/types.js';
import { normaliseForMatch } from './normalise.js';
import type { SentenceRole } from './schema.js';
import { maskOrganisationNames } from '../facts/organisation-names.js';
import { GLOSSARY_HEADING, headingEndsGlossary, isGlossaryLine, paragraphEndsGlossary } from './glossary.js';
import { CONCRETE, FIRST_PERSON, isSchoolPractice, LAW_WORDS, schoolProvidesAt, sentenceFacts, type SentenceFacts, type Statement, type Voice } from '../facts/sentence-facts.js';
import { quotedSentences } from '../facts/quotations.js';

/**
 * Turns a Document into the sentences the matchers read, once per document.
 *
 * Officers read by section: a heading (or a question used as a heading, common in reports
 * written as parents' FAQs) opens a section that runs to the next heading of the same or a
 * higher level. Each sentence also gets a role, because a word in a heading, a question, a
 * glossary line or a sentence about what "schools should" do is not the school's own
 * arrangement (judging-guide.md).
 */
export interface Sentence {
  text: string;
  /** The text the phrases read: normalised (normalise.ts), names of schools and trusts masked. */
  norm: string;
  role: SentenceRole;
  block: number;
  /** Index of the sentence that opens this sentence's innermost section (a heading or question), or -1. */
  section: number;
  /** For headings and questions: the depth of the section they open (1-6 headings, 7 questions). */
  depth: number | null;
  page: number | null;
  heading: string | null;
  /** The sentence contains the text of one of the document's links. */
  hasLink: boolean;
  /** Index of the first sentence of the run of short lines (a contact card) this one is in; its own index when it is in none. */
  card: number;
  /** Whose words (src/facts/sentence-facts.ts): the school's, the law's, a local authority's, a template's. */
  voice: Voice;
  /** What a body sentence does: practice, aim, definition, or words about the document. */
  statement: Statement;
}

export interface PreparedDocument {
  sentences: Sentence[];
  /** The document's links, for `link:` matchers. */
  links?: readonly Link[];
}

// A full stop after these (or after a single initial, as in "Mrs J. Smith") does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:mr|mrs|ms|mx|dr|miss|st|no|e\.g|i\.e|etc|approx|inc|vs|cf)|(?<![A-Za-z])[A-Z])\.$/i;
const QUESTION_DEPTH = 7;

/** Splits block text into sentences at . ! ? followed by a capital, digit, bullet or quote. */
export function splitSentences(text: string): string[] {
  const parts: string[] = [];
  // Also at "; " before a capital: duty lists run together as "Co-ordinate...; Provide...; Monitor...".
  const re = /[.!?;]+["'\u2019\u201d)\]]?\s+(?=["'\u2018\u201c(\[]?[A-Z0-9\u2022])|\s+[\u2022\u25aa\u25e6]\s+/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].trimEnd().length;
    const candidate = text.slice(start, end).trim();
    if (ABBREVIATIONS.test(candidate)) continue;
    if (candidate) parts.push(candidate.replace(/^[\u2022\u25aa\u25e6]\s*/, ''));
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim().replace(/^[\u2022\u25aa\u25e6]\s*/, '');
  if (rest) parts.push(rest);
  return parts;
}

// A list that follows a lead-in like "Schools must set out:" belongs to that lead-in.
const LEAD_IN = /:\s*$/;
// Lead-ins whose list is not the school's arrangement: items cited from the law ("written with
// reference to the following guidance:"), and aims, principles or hopes ("We aim to:").
const LAW_LEAD_IN = /\b(act|regulations?) \(?\d{4}\)?|\bcode of practice\b|\blegislation\b|\bstatutory\b|\bguidance\b|\bsection \d+/i;
const AIMS_LEAD_IN = /\b(we|i|our school|the school|it) (also )?(aims?|hopes?|strives?|want|wish|endeavours?|believes?)\b|\baims?\b.{0,40}\b(are|is|to)\b|\bprinciples\b|\bexpectations?\b|\bvision\b/i;
// A sentence that carries on from the one before ("This means...", "It will also...").
const CONTINUES = /^(this|it|they|these|those|such)\b/i;

/**
 * The facts a lead-in passes to the short list items under it, or null when they keep their own:
 * items cited from the law are the law's words, items under "We aim to:" are aims, and items
 * under any other generic lead-in say what it says. So a rule that reads aims (kinds-of-sen,
 * judging-guide.md) sees "We aim to meet the needs of children with: - autism" as an aim, and
 * one that reads only the school's practice sees neither.
 */
function leadInFacts(text: string, role: SentenceRole, facts: SentenceFacts): SentenceFacts | null {
  // A heading that cites the law ("Identifying needs (SEND Code of Practice, chapter 6)") names
  // the duty its section answers, and a lead-in in which the school speaks ("In line with the
  // Code of Practice, we:") introduces its own practice; only a lead-in that lists what was cited
  // ("...with reference to the following guidance:") hands its list to the law.
  const citesLaw = role !== 'heading' && LAW_LEAD_IN.test(text) && !FIRST_PERSON.test(text) && schoolProvidesAt(text) < 0;
  if (LAW_WORDS.test(text) || citesLaw) return { voice: facts.voice === 'school' ? 'law' : facts.voice, statement: facts.statement };
  if (AIMS_LEAD_IN.test(text)) return { voice: facts.voice, statement: facts.statement === 'practice' ? 'aim' : facts.statement };
  return role === 'generic' ? facts : null;
}

// "How will my child be supported?", also with a page title's tail ("What is an ARP? - Our School").
const QUESTION_END = /\?(?:\s*[-\u2013|][^?]{0,60})?$/;
// "2. Identifying and assessing needs": a numbered title that extraction left as a paragraph.
const NUMBERED_TITLE = /^\d{1,2}(?:\.\d{1,2})*\.?\s*[A-Z][^.!?:;]{2,100}$/;
// A table of contents run together on one line: "1 – Introduction 2 – Policy Statement 3 – Aims...".
const CONTENTS_ENTRY = /\b\d{1,2}\s*[-\u2013\u2014.]\s*[A-Z]/g;
// A passage in quotation marks is someone else's words (a minister, the Code, a definition).
const QUOTED = /^["'\u2018\u201c][^]*["'\u2019\u201d][.!?]?$/;

function isQuestion(text: string): boolean {
  return QUESTION_END.test(text) && text.split(' ').length <= 40;
}

function roleOf(text: string, isHeading: boolean, underGlossary: boolean, facts: SentenceFacts): SentenceRole {
  if (isHeading) return 'heading';
  if (isQuestion(text)) return 'question';
  if (underGlossary || isGlossaryLine(text)) return 'glossary';
  if ((text.match(CONTENTS_ENTRY)?.length ?? 0) >= 5) return 'heading';
  // Not the school's own account of what it does: the law's or another's words, an aim, a definition, words about the document.
  if (!isSchoolPractice(facts)) return 'generic';
  return 'body';
}

// Words in a list item beyond which it is no longer a short item of its lead-in's list.
const LIST_ITEM_WORDS = 60;
// A contact card: consecutive blocks of at most CARD_LINE_WORDS words each ("SENDCo: Mrs J Smith",
// "In post since 2019", "Email: j.smith@..."), at most CARD_LINES of them from its first line.
const CARD_LINE_WORDS = 14;
const CARD_LINES = 8;

/**
 * `documentVoice`: whose words the whole document is in, when the document is not a school's
 * (a local authority's page about reports, a blank template); every sentence is then in that voice.
 */
export function prepareDocument(doc: SenDocument, documentVoice?: Exclude<Voice, 'school'>): PreparedDocument {
  // Distinct texts only: a page repeats the same few links many times, and each sentence is
  // checked against every text, so duplicates made this step grow with sentences x links.
  const linkTexts = [...new Set(doc.links.map((l) => normaliseForMatch(l.text)).filter((t) => t.length >= 4))];
  const sentences: Sentence[] = [];
  // Stack of open sections: [sentence index, depth].
  const open: { index: number; depth: number }[] = [];
  let glossaryDepth: number | null = null;
  // Facts of the generic lead-in a run of list items continues (its list is generic too), or null.
  let listLeadIn: SentenceFacts | null = null;
  // After "The Code of Practice states that:" the next paragraph is the quotation.
  let quoteNext = false;
  // The contact card open at the previous block: its first sentence and how many lines it has.
  let card: { first: number; lines: number } | null = null;

  doc.blocks.forEach((block, blockIndex) => {
    const isHeading = block.kind === 'heading';
    const texts = isHeading ? [block.text] : splitSentences(block.text);
    const numberedTitle = !isHeading && block.kind === 'paragraph' && texts.length === 1 && NUMBERED_TITLE.test(block.text) && block.text.split(' ').length <= 15;
    const asHeading = isHeading || numberedTitle;
    const shortItem = block.kind === 'list_item' && block.text.split(' ').length <= LIST_ITEM_WORDS;
    const quotedBlock = !asHeading && QUOTED.test(block.text);
    const quotation = quoteNext && block.kind === 'paragraph';
    const quotedWithin = isHeading ? [] : quotedSentences(texts);
    if (glossaryDepth !== null && block.kind === 'paragraph' && paragraphEndsGlossary(block.text, texts.length, isQuestion(block.text))) glossaryDepth = null;
    const cardLine = texts.length === 1 && block.text.split(' ').length <= CARD_LINE_WORDS && !isQuestion(block.text);
    card = cardLine ? (card && card.lines < CARD_LINES ? { first: card.first, lines: card.lines + 1 } : { first: sentences.length, lines: 1 }) : null;
    texts.forEach((text, t) => {
      // What phrases read: normalised, with names of schools and trusts masked (src/facts/organisation-names.ts).
      const masked = maskOrganisationNames(text);
      const norm = normaliseForMatch(masked);
      const plain = masked === text ? norm : normaliseForMatch(text);
      let depth: number | null = null;
      if (isHeading) depth = block.level ?? 1;
      else if (numberedTitle) depth = 6;
      else if (isQuestion(text)) depth = QUESTION_DEPTH;
      if (depth !== null) {
        while (open.length && open[open.length - 1]!.depth >= depth) open.pop();
        if (glossaryDepth !== null && headingEndsGlossary(text, depth, glossaryDepth)) glossaryDepth = null;
        if (isHeading && GLOSSARY_HEADING.test(text)) glossaryDepth = depth;
        // A new heading or question ends any list lead-in.
        if (!isHeading) listLeadIn = null;
      }
      const parent = open.length ? open[open.length - 1]!.index : -1;
      const index = sentences.length;
      let facts = sentenceFacts(text);
      if (documentVoice) facts = { voice: documentVoice, statement: facts.statement };
      let role = roleOf(text, asHeading, glossaryDepth !== null && depth === null, facts);
      if (role === 'body' && (quotedBlock || quotation || quotedWithin[t])) {
        role = 'generic';
        facts = { voice: 'quotation', statement: facts.statement };
      }
      if (role === 'body' && shortItem && listLeadIn) {
        role = 'generic';
        facts = listLeadIn;
      }
      // A sentence continuing a generic one in the same paragraph says what that one says, unless
      // the school speaks in it ("This is why we screen every pupil") or, after anything but a
      // definition, names an arrangement ("They then get help in small groups").
      const prev = sentences[sentences.length - 1];
      const ownAccount = () => FIRST_PERSON.test(text) || (prev!.statement !== 'definition' && CONCRETE.test(text));
      if (role === 'body' && prev && prev.block === blockIndex && prev.role === 'generic' && CONTINUES.test(text) && !ownAccount()) {
        role = 'generic';
        facts = { voice: prev.voice, statement: prev.statement };
      }
      sentences.push({
        text,
        norm,
        role,
        block: blockIndex,
        section: parent,
        depth,
        page: block.page,
        heading: parent >= 0 ? sentences[parent]!.text : block.heading,
        hasLink: linkTexts.some((t) => plain.includes(t)),
        card: card ? card.first : index,
        voice: facts.voice,
        statement: facts.statement,
      });
      if (depth !== null) open.push({ index, depth });
    });
    // A block ending in ":" (or a heading) is the lead-in of the list items that follow it; a
    // list item ending in ":" opens a sub-list of its own.
    const last = sentences[sentences.length - 1];
    const endsLeadIn = last !== undefined && last.block === blockIndex && (LEAD_IN.test(last.text) || asHeading);
    const lastFacts = (): SentenceFacts => ({ voice: last!.voice, statement: last!.statement });
    if (block.kind !== 'list_item') {
      listLeadIn = endsLeadIn ? leadInFacts(block.text, last!.role, lastFacts()) : null;
      quoteNext = !asHeading && endsLeadIn && last!.role === 'generic' && LAW_WORDS.test(last!.text);
    } else if (endsLeadIn && !listLeadIn) {
      listLeadIn = leadInFacts(last!.text, last!.role, lastFacts());
    }
  });
  return { sentences, links: doc.links };
}

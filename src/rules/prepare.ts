import type { SenDocument } from '../document/types.js';
import { normaliseForMatch } from './normalise.js';
import type { SentenceRole } from './schema.js';

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
}

export interface PreparedDocument {
  sentences: Sentence[];
}

const ABBREVIATIONS = /\b(?:mr|mrs|ms|mx|dr|miss|st|no|e\.g|i\.e|etc|approx|inc|vs|cf)\.$/i;
const QUESTION_DEPTH = 7;

/** Splits block text into sentences at . ! ? followed by a capital, digit, bullet or quote. */
export function splitSentences(text: string): string[] {
  const parts: string[] = [];
  const re = /[.!?]+["'\u2019\u201d)\]]?\s+(?=["'\u2018\u201c(\[]?[A-Z0-9\u2022])|\s+[\u2022\u25aa\u25e6]\s+/g;
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

const GLOSSARY_HEADING = /\b(glossary|acronyms?|abbreviations?|jargon|key terms|definitions|terminology|what do these (words|terms) mean)\b/i;
// "EHCP – Education, Health and Care Plan", "SENCO: Special Educational Needs Co-ordinator"
const GLOSSARY_LINE = /^[A-Z][A-Za-z&/()-]{1,12}\s*[-\u2013\u2014:=]\s+[A-Z][^.!?]{0,120}$/;
// Sentences about what the law requires of schools in general rather than what this school does.
const GENERIC =
  /\b(all |every |the )?(schools?|governing bod(y|ies)|proprietors?|local authorit(y|ies)|academies|settings?) (should|must|are required to|have to|need to|has a duty|have a duty|are expected to)\b|\b(the )?(law|regulations?|code of practice|act|legislation|guidance) (says|states|requires|sets out|tells us)\b|\b(must|should) (include|contain) the following\b/i;

function roleOf(text: string, isHeading: boolean, underGlossary: boolean): SentenceRole {
  if (isHeading) return 'heading';
  if (text.endsWith('?') && text.split(' ').length <= 40) return 'question';
  if (underGlossary || GLOSSARY_LINE.test(text)) return 'glossary';
  if (GENERIC.test(text)) return 'generic';
  return 'body';
}

export function prepareDocument(doc: SenDocument): PreparedDocument {
  const linkTexts = doc.links
    .map((l) => normaliseForMatch(l.text))
    .filter((t) => t.length >= 4);
  const sentences: Sentence[] = [];
  // Stack of open sections: [sentence index, depth].
  const open: { index: number; depth: number }[] = [];
  let glossaryDepth: number | null = null;

  doc.blocks.forEach((block, blockIndex) => {
    const isHeading = block.kind === 'heading';
    const texts = isHeading ? [block.text] : splitSentences(block.text);
    for (const text of texts) {
      const norm = normaliseForMatch(text);
      let depth: number | null = null;
      if (isHeading) depth = block.level ?? 1;
      else if (text.endsWith('?') && text.split(' ').length <= 40) depth = QUESTION_DEPTH;
      if (depth !== null) {
        while (open.length && open[open.length - 1]!.depth >= depth) open.pop();
        if (glossaryDepth !== null && depth <= glossaryDepth) glossaryDepth = null;
        if (isHeading && GLOSSARY_HEADING.test(text)) glossaryDepth = depth;
      }
      const parent = open.length ? open[open.length - 1]!.index : -1;
      const index = sentences.length;
      sentences.push({
        text,
        norm,
        role: roleOf(text, isHeading, glossaryDepth !== null && depth === null),
        block: blockIndex,
        section: parent,
        depth,
        page: block.page,
        heading: parent >= 0 ? sentences[parent]!.text : block.heading,
        hasLink: linkTexts.some((t) => norm.includes(t)),
      });
      if (depth !== null) open.push({ index, depth });
    }
  });
  return { sentences };
}

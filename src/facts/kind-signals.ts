// The wording that tells what sort of document this is. Every pattern is a general phrase of its
// kind (how local authorities, templates, policies and link pages talk), never one document's words.

import type { SenDocument } from '../document/types.js';

/** The document calls itself (or something) a SEN information report or a school's offer ("...Report Regulations" is a law). */
export const REPORT_NAME =
  /\b(?:(?:sen|send|sen\/d|school(?:'s|’s)|special[ \t]+educational[ \t]+needs(?:[ \t]+(?:and(?:\/or)?|&)[ \t]+disabilit(?:y|ies))?|\(send?\))[ \t]+){0,2}information\s+(?:and\s+offer\s+)?(?:report|booklet)\b(?!\s+regulations)|\bsend?\s+report\b|\bsend?\s+local\s+offer\b|\bschool(?:'s|’s)?\s+(?:send?\s+)?(?:local\s+)?offer\b|\bparents?(?:['’]|\s*\/\s*carers?['’]?|\s+(?:and\s+)?carers?['’]?)?\s+guide\s+to\s+(?:send?\b|special\s+educational\s+needs(?:\s+(?:and|&)\s+disabilit(?:y|ies))?)/gi;
/** It refers to itself as the report. */
export const SELF_REFERENCE = /\bthis\s+(?:annual\s+)?(?:send?\s+)?(?:information\s+)?report\b|\bwelcome\s+to\s+our\s+(?:\w+\s+){0,4}report\b/gi;
export const THIS_POLICY = /\bthis\s+policy\b/gi;
export const POLICY_WORD = /\bpolicy\b/i;
// The school's other published documents, which sit beside the report on the same page and
// speak of SEN too: plans, other policies, the equality objectives, the pupil premium statement,
// a governor's visit report, the minutes of a meeting.
export const OTHER_DOCUMENT =
  /\baccessibility\s+(?:plan|policy|strategy)\b|\b(?:equality|admissions|behaviou?r|safeguarding|child\s+protection|medical\s+conditions|anti-bullying|attendance|charging|complaints)\s+policy\b|\bequality\s+(?:information\s+and\s+)?objectives\b|\bpupil\s+premium\s+(?:strategy|statement|report)\b|\b(?:pe|p\.e\.)\s+(?:and\s+)?sports?\s+premium\b|\bschool\s+(?:development|improvement)\s+plan\b|\b(?:governor(?:s['’]?)?\s+)?visit\s+(?:report|notes|record)\b|\bminutes\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}(?:meeting|committee|board)\b/i;

/** A school speaking of its own pupils and staff. */
export const SCHOOL_VOICE =
  /\bour\s+(?:school|pupils|children|students|senco|sendco|staff|teachers|academy|setting|nursery|sen|send|learners|college)\b|\bwe\s+(?:will|have|use|provide|offer|support|work|aim|are|ensure|make|monitor|also|can|believe|value|recognise|follow|gather|run|hold|meet|invite|encourage)\b/gi;
/** Any first person, less the ways a local authority speaks of itself ("our Local Offer", "we expect schools"). */
export const FIRST_PERSON = /\b(?:we|our|us)\b/gi;
export const LA_FIRST_PERSON = /\bour\s+local\s+offer\b|\bwe\s+expect\b/gi;
/** A school's own name: "Oakfield Primary School", "St Mary’s CE Academy". */
export const SCHOOL_NAME = /\b(?:[A-Z][\w'’]+[ \t]+){1,4}(?:Primary|Junior|Infants?|Secondary|Nursery|Special|High|Community|Academy|College|School)\b/g;
/** The school named or spoken of in the third person ("this school", "Oakfield Primary School"). */
export const SCHOOL_PRESENCE = new RegExp(`\\b(?:[Tt]his|[Tt]he)\\s+(?:school|college|academy|nursery|setting)\\b|${SCHOOL_NAME.source}`, 'g');
/** Words of special educational needs: a report speaks of them throughout. */
export const SEN_WORDS =
  /\b(?:sen|send|sen\/d|special\s+educational\s+needs?|special\s+needs|additional\s+needs|sencos?|sendcos?|inclusion\s+lead(?:er)?|ehc\s*plans?|ehcps?|education,?\s+health\s+and\s+care\s+plans?|learning\s+difficult(?:y|ies)|disabilit(?:y|ies)|disabled)\b/gi;
/** A news item, blog post or newsletter, named as such at the top. */
export const NEWS_PAGE = /\b(?:news|blog|newsletter|latest\s+news|news\s+and\s+events)\b/i;
/** The report's name with its date: "SEN Information Report 2024-25", "SEN Report to Parents: September 2020". */
export const DATED_REPORT_NAME = new RegExp(`(?:${REPORT_NAME.source})[^.\\n]{0,30}?\\b(?:19|20)\\d\\d\\b`, 'i');

/** Speaking to or about schools in general, as a local authority or advice service does. */
export const LA_WORDING = [
  /\b(?:schools?|settings?|providers?|academies|nurseries)\s+(?:must|should|need\s+to|have\s+to|are\s+required|are\s+asked|has\s+to|have\s+a\s+(?:statutory|legal)\s+duty)\b|\b(?:must|should)\s+schools\b/gi,
  /\b(?:all|every|each)\s+(?:mainstream\s+|maintained\s+)?(?:schools?|settings?|(?:educational\s+)?providers?)\b/gi,
  // What the report must hold, said to the schools that write one.
  /\b(?:the\s+|your\s+)?(?:send?\s+)?(?:information\s+)?report\s+(?:must|should)\s+(?:contain|include|set\s+out|name|give|describe|explain|be)\b/gi,
  // Schools of a named place: "every school in Westshire" (case kept: a place's name).
  /\b(?:[Ss]chools?|[Aa]cademies|[Ss]ettings)\s+in\s+(?![A-Z][a-z]+\s+(?:Primary|School|Academy))[A-Z][a-z]{2,}\b/g,
  // Addressing the school that writes the report: "your setting", "your SEN information report".
  /\byour\s+(?:school(?:'s|’s)?\s+)?(?:send?\s+)?(?:setting|report|information\s+report|establishment|pupils|provision|website)\b|\byour\s+school(?:'s|’s)?\b|\byou\s+(?:provide|offer)\b/gi,
  /\bour\s+local\s+offer\b/gi,
];
/** Phrases only a local authority or advice service uses; each one found weighs as two of the above. */
export const LA_MARKERS = [
  /\bwe\s+expect\s+(?:from\s+)?schools\b/i,
  /\b(?:schools|settings)\s+in\s+(?:the|our)\s+(?:borough|county|city|area|district)\b/i,
  /\bproforma\b/i,
  /\badvice\s+page\b/i,
  /\bthe\s+council(?:'s|’s)\s+local\s+offer\b/i,
  /\b(?:county|borough|city)\s+council\s+would\b/i,
  /\b(?:guidance|advice|support|information|a\s+checklist)\s+for\s+(?:schools|settings|sencos|sendcos|governors\s+and\s+schools)\b/i,
  // Only the local authority carries out the assessment a parent asks it for.
  /\b(?:ask|request)\s+us\s+(?:for|to\s+carry\s+out|to\s+do)\s+an?\s+(?:education,?\s+health\s+and\s+care|ehc)\b/i,
];
/** A council's name heading the page ("Northshire County Council"): read in the head only, as a school's report may name its council anywhere. */
export const COUNCIL_NAME = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\s+(?:County|Borough|City|District|Metropolitan\s+Borough)\s+Council\b/;

/**
 * A council by name anywhere, with or without "County", "Borough" or "City" ("Eastmoor Council"),
 * as one signs its page for parents; not a school, eco or youth council.
 */
export const ANY_COUNCIL = /\b(?!(?:The|This|Our|Your|A|An)\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?<!\b(?:School|Student|Students|Pupil|Pupils|Youth|Parent|Parents|Eco|Children))\s+(?:(?:County|Borough|City|District|Metropolitan\s+Borough)\s+)?Council\b/;
/** The advice service speaking of itself. */
export const OWN_ADVICE_SERVICE = /\bour\s+(?:send?\s+)?(?:information,?\s+advice,?\s+(?:and|&)\s+support\s+service|ias(?:s)?\b|sendiass?\b)/i;
/** A line that is a link's words: "Read our SEN Information Report", "Download our SEND Policy". */
export const LINK_VERB = /^(?:read|download|view|see|click|open|find)\b/i;

/** A leaflet for parents about their child's school, written from outside it. */
export const ABOUT_THEIR_SCHOOL = /\byour\s+child(?:'s|’s)\s+(?:school|senco|teacher)\b|\bask\s+the\s+school\b/gi;

/** A page that points to the report rather than being it. */
export const POINTER_TO_REPORT =
  /\b(?:found|available|read|view|see|download|access|click|open|find)\b[^.]{0,80}?\binformation\s+report\b|\binformation\s+report\b[^.]{0,40}?\b(?:can\s+be\s+(?:found|viewed|downloaded|read)|is\s+available\s+(?:here|below|to\s+download|on\s+(?:our|the)\s+website)|below|attached|click)\b/i;
/** A link to the report. Not "Local Offer": reports themselves link to the local authority's. */
export const REPORT_LINK = /information[\s_-]*report|\bsend?[\s_-]*report/i;

/** The marks of a blank form. Each entry is one kind of mark; two kinds make a template. */
export const TEMPLATE_MARKS: RegExp[] = [
  /\[\s*insert|<\s*insert|\binsert\s+(?:the\s+)?(?:school|name|date|details|your)\b|\[\s*school\s+name\s*\]|<\s*school\s+name\s*>/i,
  /_{4,}/,
  /\btemplate\b/i,
  /\bguidance\s+(?:for|on)\s+completion\b|\bcomplete\s+(?:this|the)\s+(?:form|template)\b|\bdelete\s+as\s+appropriate\b/i,
  /\bSCHOOL NAME\b|\b[Ss]chool\s+[Ll]ogo\b/, // capitals: a placeholder, not "the school name" in a sentence
  /\byou\s+should\s+(?:make\s+clear|state|describe|include|explain|give|set\s+out|outline|list)\b/i,
];
/** A short line that is only a label waiting for an answer ("School name:", "Contact details:"). */
export const EMPTY_FIELD = /^[A-Za-z][\w\s'’/&()-]{1,50}:$/;
/** A bracketed or leading "e.g." prompt line. */
export const EG_PROMPT = /^\(?\s*e\.g\./i;

export interface TextViews {
  /**
   * The line the document is headed by: its title, or the first short line among the opening
   * blocks that names a document (a report, a plan, a policy), past a cover page's "Approved by:",
   * "Date:" and the school's name. Empty when no such line opens the document.
   */
  nameLine: string;
  /** The whole text, blocks joined, whitespace collapsed. */
  all: string;
  /** Title and opening lines, one per line: what the document is headed. */
  head: string;
  /** The title and the headings near the top. */
  headings: string;
  /** The first characters of the text: where a document names itself. */
  opening: string;
  blocks: string[];
  words: number;
  /** The blocks that are a list of documents (documentList). */
  listed: Set<number>;
}

const HEAD_BLOCKS = 4;
const HEAD_LINE = 150;
const HEAD_START = 100;
const HEADING_ZONE = 30;
const OPENING_CHARS = 1500;
/** How far into a document its name line may stand (a cover page has a few lines before it), and how long it may be. */
const NAME_LINE_BLOCKS = 10;
const NAME_LINE_CHARS = 100;
/** A document's name: the report's, another school document's, or a policy's. */
const DOCUMENT_NAME = new RegExp(`${REPORT_NAME.source}|${OTHER_DOCUMENT.source}|\\bpolicy\\b`, 'i');
/** A report name in a clause like these names another document, not this one. */
// (Also the report named beside the document itself: "This policy and the SEN Information Report
// will be reviewed every year".)
const POINTING = /\b(?:see|read|alongside|conjunction|found|available|refer|click|link|download|view|visit|associated|related|linked)\b[^.\n]{0,60}$|\b(?:publish(?:es)?|prepares?|produces?|keeps?)\s+(?:an?|its\s+own|their\s+own)\s+(?:\w+\s+){0,3}$|\bthis\s+(?:policy|plan|document)\s+(?:and|&)\s+(?:the\s+|our\s+)?$/i;

/** A short line that names a document (a report, a plan, a policy) and is not a sentence: how a document is headed. */
export function isNameLine(s: string): boolean {
  // A line ending a sentence is prose ("This plan should be read alongside the SEN Information Report."), not a name.
  return s.length > 0 && s.length <= NAME_LINE_CHARS && !/[.!?]$/.test(s) && DOCUMENT_NAME.test(s);
}

export function textViews(doc: SenDocument): TextViews {
  const blocks = doc.blocks.map((b) => b.text.replace(/\s+/g, ' ').trim());
  const clip = (s: string) => s.slice(0, 250);
  // What the document is headed: short opening lines whole, only the start of a long paragraph
  // (where a passing "see our accessibility plan" is not a heading).
  const headLine = (s: string) => (s.length <= HEAD_LINE ? s : s.slice(0, HEAD_START));
  const head = [doc.title ?? '', ...blocks.slice(0, HEAD_BLOCKS).map(headLine)].filter(Boolean).join('\n');
  const headings = [doc.title ?? '', ...doc.blocks.slice(0, HEADING_ZONE).filter((b) => b.kind === 'heading').map((b) => clip(b.text))].join('\n');
  const all = blocks.join('\n');
  const words = all.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  const nameLine = [doc.title ?? '', ...blocks.slice(0, NAME_LINE_BLOCKS)].find(isNameLine) ?? '';
  const listed = documentList(blocks);
  // The opening the document names itself in: not a list of documents it links to.
  const opening = blocks.filter((_, i) => !listed.has(i)).join('\n').slice(0, OPENING_CHARS);
  return { all, head, headings, nameLine, opening, blocks, words, listed };
}

/**
 * The blocks that are a list of documents ("SEN Information Report 2026", "SEND Policy",
 * "Accessibility Plan" one under another, as a page of key documents sets out its links): each a
 * short line naming a document, beside another such line. A report named there is linked to, not
 * the page's own name.
 */
export function documentList(blocks: string[]): Set<number> {
  const out = new Set<number>();
  const name = blocks.map((b) => isNameLine(b.replace(/^[-\u2013\u2022*]\s*/, '')));
  for (let i = 0; i < blocks.length; i++) if (name[i] && (name[i - 1] || name[i + 1])) out.add(i);
  return out;
}

/** The report name the document gives itself in its title, headings or opening (not one it points to), if any. */
/** Where `text` first names the report as itself (not "see our SEN Information Report"), or Infinity. */
export function selfNamePosition(text: string): number {
  for (const m of text.matchAll(new RegExp(REPORT_NAME.source, 'gi'))) {
    if (!POINTING.test(text.slice(Math.max(0, m.index - 80), m.index))) return m.index;
  }
  return Infinity;
}

export function reportSelfName(v: TextViews): string | null {
  for (const text of [v.headings, v.opening]) {
    for (const m of text.matchAll(new RegExp(REPORT_NAME.source, 'gi'))) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
      if (!POINTING.test(text.slice(Math.max(0, m.index - 80), m.index)) && !PUBLISHED_ELSEWHERE.test(after)) return m[0].replace(/\s+/g, ' ');
    }
  }
  return null;
}

/** "Our SEN Information Report, published separately on the website, describes...": another document, named. */
const PUBLISHED_ELSEWHERE = /^[^.\n]{0,20}?\b(?:published|available|kept|found)\s+(?:separately|elsewhere|on\s+(?:the|our)\s+(?:school\s+)?website)\b/i;

/** "This report can be found on the website": the words point to the report from another document. */
const POINTED_AT = /^[^.\n]{0,20}?\b(?:(?:can|may|will) be (?:found|read|viewed|downloaded|accessed|seen)|is (?:available|published|on the|kept on)|(?:is|are) (?:found|located))\b/i;

/** The first words by which the document calls itself "this report", not counting a report it points to. */
export function selfReferenceOf(v: TextViews): string | null {
  for (const m of v.all.matchAll(new RegExp(SELF_REFERENCE.source, 'gi'))) {
    if (!POINTED_AT.test(v.all.slice(m.index + m[0].length, m.index + m[0].length + 80))) return m[0].replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** Where `re` first matches in `text`, or Infinity. */
export function position(re: RegExp, text: string): number {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(text);
  return m ? m.index : Infinity;
}

export function count(re: RegExp, text: string): number {
  return [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
}

/** The first text `re` matches, for quoting in a reason. */
export function firstMatch(re: RegExp, text: string): string | null {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(text);
  return m ? m[0].replace(/\s+/g, ' ').trim() : null;
}

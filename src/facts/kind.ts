// What sort of document this is (judging-guide.md, "kind"): a school's SEN information report,
// or something people often mistake for one. The reason is shown to the user, so it quotes the
// words that gave the document away.

import type { SenDocument } from '../document/types.js';
import {
  ABOUT_THEIR_SCHOOL,
  ANY_COUNCIL,
  count,
  COUNCIL_NAME,
  DATED_REPORT_NAME,
  EG_PROMPT,
  EMPTY_FIELD,
  firstMatch,
  FIRST_PERSON,
  isNameLine,
  LA_FIRST_PERSON,
  LA_MARKERS,
  LA_WORDING,
  LINK_VERB,
  NEWS_PAGE,
  OTHER_DOCUMENT,
  OWN_ADVICE_SERVICE,
  POINTER_TO_REPORT,
  POLICY_WORD,
  position,
  REPORT_LINK,
  REPORT_NAME,
  reportSelfName,
  SCHOOL_NAME,
  SCHOOL_PRESENCE,
  SCHOOL_VOICE,
  SEN_WORDS,
  selfNamePosition,
  selfReferenceOf,
  TEMPLATE_MARKS,
  textViews,
  THIS_POLICY,
} from './kind-signals.js';

export type DocumentKind = 'report' | 'policy' | 'la_page' | 'template' | 'link_page' | 'other';

export interface KindVerdict {
  kind: DocumentKind;
  /** One plain sentence saying why. */
  reason: string;
  /**
   * Whose words the whole document is in when it was written from outside any school (a local
   * authority's or advice service's page, advice for parents, a blank template): none of its
   * sentences is then a school's account of its own provision (judging-guide.md, "Someone else's voice").
   */
  voice?: 'local-authority' | 'template';
}

/** A page with at least this many links, this share of whose words are link text, is a page of links. */
const PAGE_OF_LINKS_MIN = 15;
const PAGE_OF_LINKS_SHARE = 0.5;

/** The share of a page's words that are the words of its links (menus repeat theirs, and count each time). */
function linkWordShare(doc: SenDocument, words: number): number {
  if (words === 0) return 0;
  let inLinks = 0;
  for (const l of doc.links) inLinks += l.text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  return Math.min(1, inLinks / words);
}

/** A page this short that points to the report is a link page, not the report. */
const LINK_PAGE_WORDS = 250;
/** A short line among the last few that is the only place the page names the report: a link's text. */
const LINK_LINES = 3;
const LINK_LINE_CHARS = 80;
/** The policy's name as headed: "Special Educational Needs Policy", "Policy on Special Educational Needs". */
const POLICY_NAME = /(?:[\w&()'’-]+[ \t]+){0,6}policy\b(?:[ \t]+(?:on|for)(?:[ \t]+[\w&()'’-]+){1,6})?/i;
const EMPTY_FIELDS_FOR_MARK = 3;
/** A document that never names the report speaks of special educational needs at least this often to be taken for it. */
const MIN_SEN_WORDS = 3;

function quoted(phrases: (string | null)[]): string {
  const found = [...new Set(phrases.filter((p): p is string => !!p))].slice(0, 2).map((p) => `'${p}'`);
  return found.join(' and ');
}

export function classifyKind(doc: SenDocument): KindVerdict {
  const v = textViews(doc);
  const selfName = reportSelfName(v);
  const reportNames = count(REPORT_NAME, v.all);
  const selfReference = selfReferenceOf(v);
  const voice = count(SCHOOL_VOICE, v.all);

  // A blank form: two different kinds of blank-form mark.
  const marks = TEMPLATE_MARKS.map((re) => firstMatch(re, v.all));
  const emptyFields = v.blocks.filter((b) => EMPTY_FIELD.test(b.trim())).length;
  const prompts = v.blocks.filter((b) => b.length <= 150 && EG_PROMPT.test(b.trim())).length;
  const markKinds = marks.filter(Boolean).length + (emptyFields >= EMPTY_FIELDS_FOR_MARK ? 1 : 0) + (prompts >= 2 ? 1 : 0);
  if (markKinds >= 2) {
    const shown = quoted(marks) || 'empty fields to fill in';
    return { kind: 'template', voice: 'template', reason: `This looks like a blank template, not a completed report: it has form prompts such as ${shown}.` };
  }

  // Another school document (an accessibility plan, another policy) named as such at the top,
  // before any line that names the report as itself (an accessibility plan "to be read alongside
  // the SEN Information Report" points to the report; it is not the report).
  // The head is the first few lines; a cover page (the school's name, "Approved by:", "Date:")
  // can push the name below them, so the line the document is headed by is read too.
  const otherDoc = firstMatch(OTHER_DOCUMENT, v.head) ?? (firstMatch(REPORT_NAME, v.nameLine) === null ? firstMatch(OTHER_DOCUMENT, v.nameLine) : null);
  const selfAt = selfNamePosition(v.head);
  const otherFirst = position(OTHER_DOCUMENT, v.head) < selfAt || (selfAt === Infinity && otherDoc !== null);
  if (otherDoc && otherFirst) {
    return {
      kind: 'other',
      reason: `This looks like a different school document, not the SEN information report: it is headed '${otherDoc}'.`,
    };
  }

  // A local authority or advice service telling schools what to publish, in its own voice
  // more than any school's: a report that quotes the law ("all schools must publish") also says
  // "we" and "our" throughout.
  const laMarkers = LA_MARKERS.map((re) => firstMatch(re, v.all)).filter((m): m is string => !!m);
  const laScore = LA_WORDING.reduce((n, re) => n + count(re, v.all), 0) + 2 * laMarkers.length;
  const firstPerson = count(FIRST_PERSON, v.all) - count(LA_FIRST_PERSON, v.all);
  // A school's name or a dated report title at the top is a school's document, whatever the
  // law it quotes; only a page full of local authority phrases overrides that.
  // So is a policy, headed as one or calling itself "this policy", even where it speaks of "each
  // school" (a federation's or trust's policy for its schools).
  // (Not a link to a policy in a list of documents, "Download our SEND Policy".)
  const listedLines = new Set([...v.listed].map((i) => v.blocks[i]));
  const headedAsPolicy =
    v.head.split('\n').some((line) => isNameLine(line) && !listedLines.has(line) && !LINK_VERB.test(line) && POLICY_WORD.test(line) && firstMatch(REPORT_NAME, line) === null) ||
    count(THIS_POLICY, v.all) >= 2;
  const schoolHeaded = firstMatch(SCHOOL_NAME, v.head) !== null || DATED_REPORT_NAME.test(v.head) || headedAsPolicy;
  const councilHeaded = COUNCIL_NAME.test(v.head);
  const laVoice = laScore >= 2 && firstPerson < laScore && (reportNames > 0 || laMarkers.length > 0 || councilHeaded);
  if (laVoice && (!schoolHeaded || laMarkers.length >= 2)) {
    const shown = quoted([...laMarkers, ...LA_WORDING.map((re) => firstMatch(re, v.all))]);
    return {
      kind: 'la_page',
      voice: 'local-authority',
      reason: `This looks like a local authority or advice page, not a school's SEN information report: it speaks of ${shown}.`,
    };
  }

  // Advice for parents about their child's school, written from outside any school.
  if (count(ABOUT_THEIR_SCHOOL, v.all) >= 2 && voice <= 1 && reportNames === 0) {
    // Signed by a council, or speaking as the advice service ("our SEND Information, Advice and
    // Support Service"): the council's or service's own page (judging-guide.md, la_page).
    const owner = firstMatch(ANY_COUNCIL, v.all) ?? firstMatch(OWN_ADVICE_SERVICE, v.all) ?? firstMatch(LA_FIRST_PERSON, v.all);
    if (owner) {
      return {
        kind: 'la_page',
        voice: 'local-authority',
        reason: `This looks like a local authority or advice page for parents, not a school's SEN information report: it speaks of ${quoted([firstMatch(ABOUT_THEIR_SCHOOL, v.all)])} and of '${owner}'.`,
      };
    }
    return {
      kind: 'other',
      voice: 'local-authority',
      reason: `This looks like advice for parents, not a school's SEN information report: it speaks of ${quoted([firstMatch(ABOUT_THEIR_SCHOOL, v.all)])}.`,
    };
  }

  // A short page that sends the reader to the report.
  // (Not a short policy that says where the report is: "read alongside our SEN Information Report".)
  const pointer = firstMatch(POINTER_TO_REPORT, v.all);
  const reportLink = doc.links.find((l) => REPORT_LINK.test(l.text) || REPORT_LINK.test(l.url));
  // Text taken from a page loses its links, but a link's words stay as a short line at the end.
  const linkAt = v.blocks.findIndex(
    (b, i) => i >= 1 && i >= v.blocks.length - LINK_LINES && b.length <= LINK_LINE_CHARS && firstMatch(REPORT_NAME, b) !== null,
  );
  const linkLine = linkAt >= 0 && !v.blocks.slice(0, linkAt).some((b) => firstMatch(REPORT_NAME, b)) ? v.blocks[linkAt] : undefined;
  // Or the report named in a list of documents anywhere on the page (each a link, set out one under another).
  const listedAt = [...v.listed].find((i) => firstMatch(REPORT_NAME, v.blocks[i]!) !== null);
  const listedName = listedAt !== undefined ? v.blocks[listedAt] : undefined;
  const linkName = reportLink ? reportLink.text || reportLink.url : (linkLine ?? listedName ?? null);
  if (v.words < LINK_PAGE_WORDS && (pointer || linkName) && !selfReference && !headedAsPolicy) {
    const shown = pointer ? `'${pointer}'` : `a link to '${linkName}'`;
    return {
      kind: 'link_page',
      reason: `This looks like a page that points to the SEN information report rather than the report itself: it is short and has ${shown}.`,
    };
  }

  // A page that is mostly links (a home page, a menu, a SEND landing page): the words a reader
  // sees are the names of other pages. Not the report, whatever those names say.
  const linkShare = linkWordShare(doc, v.words);
  if (doc.format === 'html' && doc.links.length >= PAGE_OF_LINKS_MIN && linkShare >= PAGE_OF_LINKS_SHARE && !selfName && !selfReference) {
    const toReport = doc.links.find((l) => REPORT_LINK.test(l.text) || REPORT_LINK.test(l.url));
    return {
      kind: toReport ? 'link_page' : 'other',
      reason: `This looks like a page of links (a home page or a menu) rather than the report: ${Math.round(linkShare * 100)}% of its words are the names of its ${doc.links.length} links${toReport ? `, one of them '${toReport.text.trim() || toReport.url}'` : ''}.`,
    };
  }

  // A SEN policy that does not present itself as the information report.
  const thisPolicy = count(THIS_POLICY, v.all);
  if (!selfName && !selfReference && (POLICY_WORD.test(v.head) || thisPolicy >= 2)) {
    const headed = firstMatch(POLICY_NAME, v.head);
    return {
      kind: 'policy',
      reason: `This looks like a school SEN policy, not the SEN information report: ${headed ? `it is headed '${headed}'` : "it calls itself 'this policy'"} and never the information report.`,
    };
  }

  // No school and no report anywhere: a fragment or general text.
  if (reportNames === 0 && voice === 0 && count(SCHOOL_PRESENCE, v.all) === 0) {
    return {
      kind: 'other',
      reason: 'This does not look like a SEN information report: it neither names itself as one nor speaks as a school about its own provision.',
    };
  }

  // Only a name the document gives itself: "read alongside the SEN Information Report" names another.
  const named = selfName ?? selfReference;
  if (!named && reportNames === 0) {
    // A school speaking, but not of its SEN provision: a class page, a news item about a SEN
    // coffee morning (judging-guide.md, kind: other).
    const news = firstMatch(NEWS_PAGE, v.head);
    if (news) {
      return { kind: 'other', reason: `This looks like a news item or blog post, not the SEN information report: it is headed '${news}'.` };
    }
    if (count(SEN_WORDS, v.all) < MIN_SEN_WORDS) {
      return {
        kind: 'other',
        reason: 'This does not look like a SEN information report: it neither names itself as one nor says much about special educational needs.',
      };
    }
  }
  return {
    kind: 'report',
    reason: named
      ? `This looks like a SEN information report: it calls itself '${named}'.`
      : `This looks like a SEN information report: a school describes its own SEN provision (${quoted([firstMatch(SCHOOL_VOICE, v.all), firstMatch(SCHOOL_PRESENCE, v.all)]) || 'its arrangements'}).`,
  };
}

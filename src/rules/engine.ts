import type { SenDocument } from '../document/types.js';
import { describeMatcher } from './compile.js';
import type { CompiledMatcher } from './compile.js';
import { dateNote, Evaluator, testBounded, type EngineFacts } from './evaluate.js';
import { ruleLiveLinks } from './links.js';
import { hasEntity } from './entities.js';
import { phraseOffsets, type CompiledPhrases } from './phrases.js';
import { prepareDocument, type PreparedDocument, type Sentence } from './prepare.js';
import type { SchoolType } from './schema.js';
import type { Evidence, Finding, Rule, Ruleset } from './types.js';

const MAX_EVIDENCE = 3;
const ABSENCE_NOTE = 'The report says this is not in place:';
const MAX_QUOTE = 300;
/** How many of a rule's hits in document order are weighed for the best quote. */
const WEIGHED_HITS = 12;
/** How many of the best-weighed hits have their phrases counted to break a tie. */
const TIE_BROKEN = 8;

/**
 * Runs every rule of a rule set over one document. Pure: no I/O, no clock (the caller turns
 * the as-of date into `facts.monthsSinceReportDate`), so the same input gives the same findings.
 */
export function runRules(ruleset: Ruleset, doc: SenDocument, facts: EngineFacts, schoolType: SchoolType): Finding[] {
  const prepared = prepareDocument(doc, facts.documentVoice);
  const evaluator = new Evaluator(prepared, facts);
  // Built only when a rule is missing and asks: most findings need neither second reading.
  const absences = once(() => absenceEvaluator(prepared, facts));
  const asideReader = once(() => setAsideEvaluator(prepared, facts));
  return ruleset.rules.map((rule) =>
    withSetAsideNote(
      withAbsenceNote(
        withDateNote(withLinkNotes(judge(rule, evaluator, schoolType), rule, evaluator, facts), rule, facts),
        rule,
        absences,
      ),
      rule,
      asideReader,
    ),
  );
}

/** `make`'s value, made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * Why a sentence was not read as the school's own arrangement, in the words a note gives, or null
 * when it was. Only the reasons a school can act on, by saying what it does in its own words:
 * not quotations or definitions, which match a rule's words more by chance than by topic (and
 * not what the school says it does not have, which has its own note).
 */
function whySetAside(s: Sentence): string | null {
  if (s.role !== 'body' && s.role !== 'generic') return null;
  if (s.voice === 'law') return 'it reads as what the law or national guidance says schools must do, not what this school does';
  if (s.voice === 'local-authority') return "it reads as a local authority's or advice service's words, not the school's";
  if (s.voice === 'template') return "it reads as a template's prompt, not the school's answer";
  if (s.voice !== 'school') return null;
  if (s.statement === 'aim') return 'it reads as an aim or hope, with no arrangement named (say what is done, by whom and how often)';
  if (s.role === 'generic' && s.statement === 'practice') return "it is in a passage read as the law's or another body's words, not the school's own";
  return null;
}

interface SetAside {
  ev: Evaluator;
  /** Why each of the evaluator's sentences was set aside. */
  why: string[];
}

/**
 * An evaluator over only the sentences set aside as not the school's own arrangement (those
 * `whySetAside` gives a reason for), read as if they were, or null when there are none: what a
 * rule would have met in them is what a missing finding can point to. Only those sentences, so
 * this second reading costs in proportion to them, not to the whole document (a 320,000-word
 * document took a fifth longer when every sentence was read again); a rule's section headings are
 * not among them, so a note comes from a rule's sentence-level parts.
 */
function setAsideEvaluator(prepared: PreparedDocument, facts: EngineFacts): SetAside | null {
  // A page that is not the school's (a council's, a template) says so once, in its kind.
  if (facts.documentVoice) return null;
  const why: string[] = [];
  const sentences: Sentence[] = [];
  for (const s of prepared.sentences) {
    const reason = whySetAside(s);
    if (reason === null) continue;
    why.push(reason);
    sentences.push({ ...s, role: 'body', voice: 'school', statement: 'practice' });
  }
  if (sentences.length === 0) return null;
  return { ev: new Evaluator({ sentences }, facts), why };
}

/**
 * A missing requirement whose words the report does have, in a sentence not read as the school's
 * own arrangement, says which sentence and why: a SENCO who copied the Code's "schools must
 * consult parents" learns that the report should say how this school consults them.
 */
function withSetAsideNote(finding: Finding, rule: Rule, reader: () => SetAside | null): Finding {
  if (finding.status !== 'missing' || (finding.notes ?? []).some((n) => n.startsWith(ABSENCE_NOTE))) return finding;
  const aside = reader();
  if (!aside) return finding;
  const hit = aside.ev.run(rule.met).find((i) => i < aside.ev.lineCount);
  if (hit === undefined) return finding;
  return {
    ...finding,
    notes: [...(finding.notes ?? []), `A sentence names this but was not counted, as ${aside.why[hit]}: "${clip(aside.ev.sentence(hit).text)}"`],
  };
}

/**
 * An evaluator that reads the school's sentences saying what it does not have or do ("We do not
 * currently have a sensory room") as if they were arrangements, or null when there are none: what
 * a rule would have met in them is what the report says is not in place.
 */
function absenceEvaluator(prepared: PreparedDocument, facts: EngineFacts): Evaluator | null {
  if (!prepared.sentences.some(isSchoolAbsence)) return null;
  const sentences = prepared.sentences.map((s) => (isSchoolAbsence(s) ? { ...s, role: 'body' as const } : s));
  return new Evaluator({ ...prepared, sentences }, facts);
}

function isSchoolAbsence(s: Sentence): boolean {
  return s.statement === 'absence' && s.voice === 'school' && s.role === 'generic';
}

/** A missing requirement the report says is not in place says so, in the report's words. */
function withAbsenceNote(finding: Finding, rule: Rule, absences: () => Evaluator | null): Finding {
  if (finding.status !== 'missing') return finding;
  const ev = absences();
  if (!ev) return finding;
  const said = ev.run(rule.met).filter((i) => i < ev.lineCount && ev.sentence(i).statement === 'absence');
  if (said.length === 0) return finding;
  return { ...finding, notes: [...(finding.notes ?? []), `${ABSENCE_NOTE} "${clip(ev.sentence(said[0]!).text)}"`] };
}

/** A rule that asks for a recent date and is not met says what date was found, or that none was and where we looked. */
function withDateNote(finding: Finding, rule: Rule, facts: EngineFacts): Finding {
  if (finding.status === 'met' || finding.status === 'not_applicable') return finding;
  const months = reportDateMonths(rule.met);
  if (months === null) return finding;
  return { ...finding, notes: [...(finding.notes ?? []), dateNote(facts, months)] };
}

/** The months a `reportDate` fact in the matcher asks for, or null when it asks for none. */
function reportDateMonths(m: CompiledMatcher): number | null {
  switch (m.kind) {
    case 'fact':
      return m.fact.reportDate?.withinMonths ?? null;
    case 'all':
    case 'any':
      for (const p of m.parts) {
        const found = reportDateMonths(p);
        if (found !== null) return found;
      }
      return null;
    case 'section':
      return m.match ? reportDateMonths(m.match) : null;
    default:
      return null;
  }
}

/**
 * A rule that asks for a live link says what became of the check: not run (no --check-links),
 * or which linked documents answered. The check itself ran before the engine (facts.linkLive).
 */
function withLinkNotes(finding: Finding, rule: Rule, ev: Evaluator, facts: EngineFacts): Finding {
  if (finding.status === 'not_applicable') return finding;
  const matchers = ruleLiveLinks(rule);
  if (matchers.length === 0) return finding;
  const urls = [...new Set(matchers.flatMap((m) => ev.linkCandidates(m).map((l) => l.url)))];
  if (urls.length === 0) return finding;
  const live = facts.linkLive;
  const notes = live
    ? urls.map((url) => {
        const ok = live.get(url);
        if (ok === true) return `Link checked: ${url} answers.`;
        if (ok === false) return `Link checked: ${url} did not answer (an error, or a status of 400 or more).`;
        return `Link not checked: ${url} is not a full http(s) address (audit the report's URL rather than a saved copy).`;
      })
    : [`Whether the linked document answers was not checked (${urls.slice(0, 3).join(', ')}${urls.length > 3 ? ', ...' : ''}): run with --check-links to check it.`];
  return { ...finding, notes: [...(finding.notes ?? []), ...notes] };
}

function judge(rule: Rule, ev: Evaluator, schoolType: SchoolType): Finding {
  const { spec } = rule;
  const base = {
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    source: spec.source,
    advice: spec.advice,
    why: spec.why,
    docs: spec.docs ?? null,
  };
  if (!spec.appliesTo.includes(schoolType)) {
    return {
      ...base,
      status: 'not_applicable',
      evidence: [],
      searched: [],
      reason: `Does not apply to ${schoolType.replace(/_/g, ' ')} schools (it applies to: ${spec.appliesTo.join(', ')}).`,
    };
  }
  const met = ev.run(rule.met);
  if (met.length) {
    return { ...base, status: 'met', evidence: evidence(ev, underOwnHeadingFirst(ev, rule.met, met)), searched: [] };
  }
  const partial = rule.partial ? ev.run(rule.partial) : [];
  if (partial.length) {
    return { ...base, status: 'partial', evidence: evidence(ev, partial), searched: searched(rule) };
  }
  return { ...base, status: 'missing', evidence: [], searched: searched(rule) };
}

/**
 * The hits, those under a heading or question that names the requirement first (the headings its
 * `section` matchers name), each group strongest first: the complaints paragraph under
 * "Complaints" is a better quote than a sentence about recording concerns further up (class 9).
 * (Quoting last what another requirement meets under its own heading was tried: it pushed the
 * campus's lifts below a list of needs, under "Equipment and the building", and was dropped.)
 */
function underOwnHeadingFirst(ev: Evaluator, met: CompiledMatcher, hits: number[]): number[] {
  const strongest = strongestFirst(ev, met);
  if (hits.length < 2) return hits;
  const own = sentencesUnder(ev, sectionHeadings(met));
  return [...strongest(hits.filter((i) => own.has(i))), ...strongest(hits.filter((i) => !own.has(i)))];
}

/** The sentences under any of these headings. */
function sentencesUnder(ev: Evaluator, headings: CompiledPhrases[]): Set<number> {
  const out = new Set<number>();
  for (const h of headings) for (const i of ev.sectionSentences(h)) out.add(i);
  return out;
}

/**
 * Orders hits so that the sentences holding more of the rule's own phrase lists come first, ties
 * in document order: a sentence that lists sloping boards and a reading pen bought says more of
 * equipment than one about training that names hoists in passing (class 9). Which lists a
 * sentence holds is known from the scans the rule already made; among the few that hold the
 * most, more occurrences of the rule's phrases break the tie.
 */
function strongestFirst(ev: Evaluator, met: CompiledMatcher): (hits: number[]) => number[] {
  // Only the branches that found a sentence speak for it: a frame's generic list ("pupils",
  // "use") held by a sentence the frame did not match says nothing.
  // Built on first use: most rules have one sentence or none to order.
  let branches: { found: Set<number>; lists: Signal[] }[] | null = null;
  const listsFor = (i: number) => {
    branches ??= (met.kind === 'any' ? met.parts : [met]).map((b) => ({ found: new Set(ev.run(b)), lists: signals(b) }));
    return branches.filter((b) => b.found.has(i)).flatMap((b) => b.lists);
  };
  return (all) => {
    if (all.length < 2) return all;
    const hits = all.slice(0, WEIGHED_HITS);
    const held = new Map(hits.map((i) => [i, listsFor(i).filter((c) => holds(ev, c, i)).length]));
    const ranked = hits.sort((a, b) => held.get(b)! - held.get(a)! || a - b);
    const best = held.get(ranked[0]!)!;
    const top = ranked.filter((i) => held.get(i) === best).slice(0, TIE_BROKEN);
    const occurrences = new Map(top.map((i) => [i, occurrencesIn(ev.sentence(i), listsFor(i))]));
    const topSorted = [...top].sort((a, b) => occurrences.get(b)! - occurrences.get(a)! || a - b);
    const inTop = new Set(topSorted);
    return [...topSorted, ...ranked.filter((i) => !inTop.has(i)), ...all.slice(WEIGHED_HITS)];
  };
}

/** What a matcher looks for that a sentence can hold: a phrase list, or a pattern. */
type Signal = CompiledPhrases | RegExp;

function holds(ev: Evaluator, c: Signal, i: number): boolean {
  return c instanceof RegExp ? i < ev.lineCount && testBounded(c, ev.sentence(i).text) : ev.holdsPhrases(c, i);
}

function occurrencesIn(s: { norm: string; text: string }, lists: Signal[]): number {
  let n = 0;
  for (const c of lists) {
    if (c instanceof RegExp) {
      n += testBounded(c, s.text) ? 1 : 0;
      continue;
    }
    const found = phraseOffsets(c, s.norm, s.text);
    n += found.folded.length + found.exact.length;
  }
  return n;
}

/**
 * The phrase lists and patterns a matcher looks for: not those it must not find, nor a section's
 * (its headings, and the everyday words it asks of an answer under them, "use", "have", say
 * little). A pattern ("1:1", "assess, plan, do, review") weighs as much as a phrase list.
 */
function signals(m: CompiledMatcher): Signal[] {
  switch (m.kind) {
    case 'phrases':
      return [m.phrases];
    case 'regex':
      return [m.regex];
    case 'near':
      return [m.a, m.b];
    case 'all':
    case 'any':
      return [...new Set(m.parts.flatMap(signals))];
    default:
      return [];
  }
}

function sectionHeadings(m: CompiledMatcher): CompiledPhrases[] {
  switch (m.kind) {
    case 'section':
      return [m.heading];
    case 'all':
    case 'any':
      return m.parts.flatMap(sectionHeadings);
    default:
      return [];
  }
}

function searched(rule: Rule): string[] {
  return rule.spec.check.searched ?? describeMatcher(rule.met);
}

function evidence(ev: Evaluator, hits: number[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const i of hits) {
    const s = ev.sentence(i);
    if (seen.has(s.text)) continue;
    seen.add(s.text);
    out.push({ quote: clip(contactCard(ev, i) ?? contactNext(ev, i) ?? s.text), page: s.page, heading: s.heading });
    if (out.length === MAX_EVIDENCE) break;
  }
  return out;
}

/**
 * A hit on a line of a contact card ("SENDCo: Mrs J Smith", "In post since 2019", "Email: ...")
 * is quoted with the card's lines down to the first email or phone number after it, so the reader
 * sees the name and the contact together (and not the next person's, in a card of several); null
 * when the line holds its own contact, is in no card, or the card has no contact after it.
 */
function contactCard(ev: Evaluator, i: number): string | null {
  const first = ev.sentence(i).card;
  if (first < 0 || hasContact(ev.sentence(i).text)) return null;
  for (let j = i + 1; j < ev.lineCount && ev.sentence(j).card === first; j++) {
    if (!hasContact(ev.sentence(j).text)) continue;
    const lines: string[] = [];
    for (let k = i; k <= j; k++) lines.push(ev.sentence(k).text);
    return lines.join(' / ');
  }
  return null;
}

/**
 * A hit on a sentence naming a person without a contact, whose next sentence in the paragraph
 * gives the email or phone ("Our SENCO is Mrs Dunmore. She can be contacted on 01632..."), is
 * quoted with that sentence: the name and how to reach them together (issue #13, class 9).
 */
function contactNext(ev: Evaluator, i: number): string | null {
  const s = ev.sentence(i);
  if (i + 1 >= ev.lineCount || !hasEntity('person', s.text) || hasContact(s.text)) return null;
  const next = ev.sentence(i + 1);
  if (next.block !== s.block || !hasContact(next.text)) return null;
  return `${s.text} ${next.text}`;
}

/** An email address or a phone number: how to reach someone. */
function hasContact(text: string): boolean {
  return hasEntity('email', text) || hasEntity('phone', text);
}

function clip(text: string): string {
  return text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1).trimEnd()}\u2026`;
}

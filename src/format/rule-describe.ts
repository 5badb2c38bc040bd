import type { FactSpec, MatcherSpec, RuleSpec } from '../rules/schema.js';
import { SCHOOL_TYPES } from '../rules/vocabulary.js';

/**
 * A rule's check in plain words, as a tree ("any of these:" with its parts under it), shared by
 * `senaudit explain` (text) and the rule reference (markdown). Text is kept in pieces so each
 * format can quote phrases and set patterns as code its own way.
 */
export type Piece = string | { phrase: string } | { code: string };

export interface DescribedNode {
  text: Piece[];
  children: DescribedNode[];
}

const ENTITY_NAMES: Record<string, string> = {
  person: "a person's name",
  email: 'an email address',
  phone: 'a UK telephone number',
  url: 'a link or web address',
};

const node = (text: Piece[], children: DescribedNode[] = []): DescribedNode => ({ text, children });

export function describeSpec(m: MatcherSpec): DescribedNode {
  const spec = m as MatcherSpec & Record<string, unknown>;
  if (m.phrases) return node([`${sentence(m.in)} containing one of: `, ...phraseList(m.phrases)]);
  if (m.regex !== undefined) {
    return node([`${sentence(m.in)} matching the pattern `, { code: m.regex }, m.matchCase ? ' (letter case exact)' : ' (any letter case)']);
  }
  if (m.near) {
    const unit = m.near.within === 'block' ? `a paragraph or list item (${roleWords(m.in)} text)` : sentence(m.in);
    return node([
      `${unit} with one of: `,
      ...phraseList(m.near.a),
      ` within ${m.near.words ?? 8} words of one of: `,
      ...phraseList(m.near.b),
    ]);
  }
  if (m.entity) {
    const kinds = Array.isArray(m.entity) ? m.entity : [m.entity];
    return node([`${sentence(m.in)} containing ${orList(kinds.map((k) => ENTITY_NAMES[k] ?? k))}`]);
  }
  if (m.section) {
    const head: Piece[] = ['a section under a heading (or a question used as one) containing one of: ', ...phraseList(m.section.heading)];
    if (!m.section.match) return node(head);
    return node([...head, ', in which:'], [describeSpec(m.section.match)]);
  }
  if (m.all) {
    const parts = m.all.filter((p) => !p.not).map(describeSpec);
    const nots = m.all.filter((p) => p.not).map((p) => node(['and not:'], [describeSpec(p.not!)]));
    if (!parts.length) parts.push(node([`${sentence(m.in)}`]));
    return node([`all of these, ${scope(m.within)}:`], [...parts, ...nots]);
  }
  if (m.any) return node(['any of these:'], m.any.map(describeSpec));
  if (m.not) return node(['not:'], [describeSpec(m.not)]);
  if (m.fact) return node([describeFact(m.fact)]);
  const link = spec['link'] as { host?: string[]; url?: string; text?: string[]; live?: boolean } | undefined;
  if (link) {
    const text: Piece[] = ['a link'];
    if (link.host) text.push(' to ', ...phraseList(link.host), ' (or a subdomain)');
    if (link.url !== undefined) text.push(' whose address matches ', { code: link.url });
    if (link.text) text.push(' with link text containing one of: ', ...phraseList(link.text));
    if (link.live) text.push(', and the linked document answers (status below 400; checked only with --check-links)');
    return node(text);
  }
  // A matcher kind added after this was written: say what the rule file says.
  const known = new Set(['within', 'in', 'matchCase']);
  const entries = Object.entries(spec).filter(([k, v]) => !known.has(k) && v !== undefined);
  return node(entries.length ? entries.flatMap(([k, v], i) => [i ? '; ' : '', `${k}: `, { code: JSON.stringify(v) }]) : ['(an empty matcher)']);
}

function describeFact(f: FactSpec): string {
  if (f.reportDate) return `the report's own date is less than ${f.reportDate.withinMonths} months before the as-of date`;
  if (f.readingEase) return `the text's Flesch reading ease is at least ${f.readingEase.min}`;
  if (f.textLayer !== undefined) return f.textLayer ? 'the document has a text layer (it is not scanned images)' : 'the document has no text layer';
  return `a fact: ${JSON.stringify(f)}`;
}

function roleWords(roles: readonly string[] | undefined): string {
  return orList([...(roles ?? ['body'])]);
}

function sentence(roles: readonly string[] | undefined): string {
  return `a ${roleWords(roles)} sentence`;
}

function scope(within: MatcherSpec['within']): string {
  if (within === undefined || within === 'sentence') return 'in the same sentence';
  if (within === 'block') return 'in the same paragraph or list item';
  if (within === 'contact-block') return 'in the same run of short lines set out as contact details';
  if (within === 'section') return 'in the same section (under one heading)';
  if (within === 'document') return 'anywhere in the document';
  return `each within ${within.sentences} sentence${within.sentences === 1 ? '' : 's'} (before or after) of a sentence with the first`;
}

function phraseList(phrases: readonly string[]): Piece[] {
  return phrases.flatMap((p, i) => (i ? [', ', { phrase: p }] : [{ phrase: p }]));
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The rule's school types in words, and the ones it does not bind. */
export function appliesToText(spec: RuleSpec): { applies: string; not: string } {
  const words = (t: string) => t.replace(/_/g, ' ');
  const not = SCHOOL_TYPES.filter((t) => !spec.appliesTo.includes(t));
  return { applies: spec.appliesTo.map(words).join(', '), not: not.map(words).join(', ') };
}

/** What a rule checks, in one line: its `searched` descriptions, else its title. */
export function checksText(spec: RuleSpec): string {
  return spec.check.searched?.length ? spec.check.searched.join('; ') : spec.title;
}

/** What "partial" means for a rule, or null when it has no partial check. */
export function partialLead(spec: RuleSpec): string | null {
  return spec.check.partial ? 'Partly there (when not met) when' : null;
}

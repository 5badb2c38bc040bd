import { compilePhrases, type CompiledPhrases } from './phrases.js';
import type { EntityKind, FactSpec, LinkSpec, MatcherSpec, Scope, SentenceRole, Statement, Voice } from './schema.js';

/** Which sentences a text matcher reads: by role, and (when the rule says) by voice and kind of statement. */
export interface SentenceFilter {
  roles: readonly SentenceRole[];
  voice: readonly Voice[] | null;
  statement: readonly Statement[] | null;
  /** Whether sentences that only say where something is written count (the rule is `pointerOk`). */
  pointers: boolean;
}

/** How a rule's matchers are compiled: what the rule as a whole allows. */
export interface CompileOptions {
  /** The rule is met by a pointer to another document ("see our Complaints Policy"). */
  pointerOk: boolean;
}
const STRICT: CompileOptions = { pointerOk: false };

/**
 * A matcher with its patterns compiled. Compiling happens once when a rule set loads, so
 * evaluating a document never builds a regular expression.
 */
export type CompiledMatcher =
  | { kind: 'phrases'; phrases: CompiledPhrases; roles: SentenceFilter; spec: string[] }
  | { kind: 'regex'; regex: RegExp; roles: SentenceFilter; spec: string }
  | {
      kind: 'near';
      a: CompiledPhrases;
      b: CompiledPhrases;
      words: number;
      within: 'sentence' | 'block';
      roles: SentenceFilter;
      spec: { a: string[]; b: string[] };
    }
  | { kind: 'entity'; entities: EntityKind[]; roles: SentenceFilter }
  | { kind: 'section'; heading: CompiledPhrases; match: CompiledMatcher | null; spec: string[] }
  | { kind: 'all'; parts: CompiledMatcher[]; negated: CompiledMatcher[]; within: Scope | { sentences: number } }
  | { kind: 'any'; parts: CompiledMatcher[] }
  | { kind: 'not'; inner: CompiledMatcher }
  | { kind: 'fact'; fact: FactSpec }
  | CompiledLink;

/** `link:` compiled: hosts lower-cased, the URL pattern and link-text phrases built once. */
export interface CompiledLink {
  kind: 'link';
  hosts: string[] | null;
  url: RegExp | null;
  text: CompiledPhrases | null;
  live: boolean;
  spec: LinkSpec;
}

const DEFAULT_ROLES: SentenceRole[] = ['body'];

/** Body sentences of any voice or statement: what `not:` ranges over. */
export const BODY: SentenceFilter = { roles: DEFAULT_ROLES, voice: null, statement: null, pointers: true };

export function compileMatcher(spec: MatcherSpec, options: CompileOptions = STRICT): CompiledMatcher {
  const compile = (inner: MatcherSpec) => compileMatcher(inner, options);
  const roles: SentenceFilter = {
    roles: spec.in ?? DEFAULT_ROLES,
    voice: spec.voice ?? null,
    statement: spec.statement ?? null,
    pointers: options.pointerOk || (spec.statement?.includes('pointer') ?? false),
  };
  if (spec.phrases) return { kind: 'phrases', phrases: compilePhrases(spec.phrases), roles, spec: spec.phrases };
  if (spec.regex !== undefined) {
    return { kind: 'regex', regex: new RegExp(spec.regex, spec.matchCase ? 'u' : 'iu'), roles, spec: spec.regex };
  }
  if (spec.near) {
    return {
      kind: 'near',
      a: compilePhrases(spec.near.a),
      b: compilePhrases(spec.near.b),
      words: spec.near.words ?? 8,
      within: spec.near.within ?? 'sentence',
      roles,
      spec: { a: spec.near.a, b: spec.near.b },
    };
  }
  if (spec.entity) {
    return { kind: 'entity', entities: Array.isArray(spec.entity) ? spec.entity : [spec.entity], roles };
  }
  if (spec.section) {
    return {
      kind: 'section',
      heading: compilePhrases(spec.section.heading),
      match: spec.section.match ? compile(spec.section.match) : null,
      spec: spec.section.heading,
    };
  }
  if (spec.all) {
    const parts: CompiledMatcher[] = [];
    const negated: CompiledMatcher[] = [];
    for (const part of spec.all) {
      if (part.not) negated.push(compile(part.not));
      else parts.push(compile(part));
    }
    if (parts.length === 0) {
      // Only negations: they restrict "any body sentence".
      parts.push({ kind: 'regex', regex: /\S/u, roles, spec: 'any text' });
    }
    return { kind: 'all', parts, negated, within: spec.within ?? 'sentence' };
  }
  if (spec.any) return { kind: 'any', parts: spec.any.map(compile) };
  if (spec.not) return { kind: 'not', inner: compile(spec.not) };
  if (spec.fact) return { kind: 'fact', fact: spec.fact };
  if (spec.link) {
    const l = spec.link;
    return {
      kind: 'link',
      hosts: l.host ? l.host.map((h) => h.toLowerCase()) : null,
      url: l.url !== undefined ? new RegExp(l.url, 'iu') : null,
      text: l.text ? compilePhrases(l.text) : null,
      live: l.live === true,
      spec: l,
    };
  }
  throw new Error('unreachable: the schema guarantees one matcher kind');
}

/** Plain descriptions of what a matcher looks for, for "missing" findings. */
export function describeMatcher(m: CompiledMatcher): string[] {
  switch (m.kind) {
    case 'phrases':
      return [`a sentence mentioning ${quoteList(m.spec)}`];
    case 'regex':
      return [`text matching /${m.spec}/`];
    case 'near':
      return [`${quoteList(m.spec.a)} within ${m.words} words of ${quoteList(m.spec.b)}`];
    case 'entity':
      return [`${m.entities.map(entityName).join(' or ')}`];
    case 'section':
      return [`a section headed ${quoteList(m.spec)}${m.match ? ` containing ${describeMatcher(m.match).join('; ')}` : ' with text under it'}`];
    case 'all': {
      const unit = typeof m.within === 'string' ? `one ${m.within}` : `${m.within.sentences} sentences of each other`;
      const parts = m.parts.flatMap(describeMatcher).join(' and ');
      const not = m.negated.length ? `, without ${m.negated.flatMap(describeMatcher).join(' or ')}` : '';
      return [`${parts} in ${unit}${not}`];
    }
    case 'any':
      return m.parts.flatMap(describeMatcher);
    case 'not':
      return [`text without ${describeMatcher(m.inner).join(' or ')}`];
    case 'fact':
      if (m.fact.reportDate) return [`a date for the report within ${m.fact.reportDate.withinMonths} months`];
      if (m.fact.readingEase) return [`a Flesch reading ease of at least ${m.fact.readingEase.min}`];
      return ['a text layer'];
    case 'link': {
      const to = m.spec.host ? `to ${m.spec.host.join(' or ')}` : `whose address matches /${m.spec.url}/`;
      const text = m.spec.text ? ` with link text mentioning ${quoteList(m.spec.text)}` : '';
      return [`a link ${to}${text}${m.live ? ' that answers' : ''}`];
    }
  }
}

function quoteList(items: string[]): string {
  const shown = items.slice(0, 6).map((s) => `"${s}"`);
  return shown.join(', ') + (items.length > 6 ? ` (and ${items.length - 6} more)` : '');
}

function entityName(e: EntityKind): string {
  return { person: "a person's name", email: 'an email address', phone: 'a UK phone number', url: 'a link or web address' }[e];
}

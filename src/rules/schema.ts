import { z } from 'zod';
import { findRegexRisk } from './regex-ambiguity.js';
import { WORD_LIST_NAME } from './word-lists.js';

/**
 * The rule-file language, validated with zod. Rules are data; matchers are the small code
 * vocabulary they are written in (see src/rules/matchers/). Every object is strict so a
 * misspelt key is an error that names the key, not a rule that silently never matches.
 */

// The plain word lists live in a zod-free module so the CLI can build its --help without
// loading zod; they are re-exported here for everything else.
export * from './vocabulary.js';
import { ENTITIES, SCHOOL_TYPES, SCOPES, SENTENCE_ROLES, SEVERITIES, STATEMENTS, VOICES, type EntityKind, type Scope, type SentenceRole, type Statement, type Voice } from './vocabulary.js';

export interface MatcherSpec {
  phrases?: string[];
  regex?: string;
  near?: { a: string[]; b: string[]; words?: number; within?: 'sentence' | 'block' };
  entity?: EntityKind | EntityKind[];
  section?: { heading: string[]; match?: MatcherSpec };
  all?: MatcherSpec[];
  any?: MatcherSpec[];
  not?: MatcherSpec;
  fact?: FactSpec;
  link?: LinkSpec;
  /** For `all`: the unit in which every part must be found (default sentence), or a window of N sentences. */
  within?: Scope | { sentences: number };
  /** For text matchers: which sentence roles are searched (default ['body']). */
  in?: SentenceRole[];
  /** For text matchers: only sentences in these voices (whose words: the school's, the law's, ...). */
  voice?: Voice[];
  /** For text matchers: only sentences making these kinds of statement (practice, aim, definition, about-document, pointer, absence). */
  statement?: Statement[];
  /** For `regex`: match letter case exactly (default false), e.g. to tell a place name from "the". */
  matchCase?: boolean;
}

/** A link in the document: to a host (or its subdomains) or a URL matching a pattern, optionally with link text. */
export interface LinkSpec {
  host?: string[];
  url?: string;
  text?: string[];
  /** Also require that the linked document answers (checked only with --check-links). */
  live?: boolean;
}

export interface FactSpec {
  reportDate?: { withinMonths: number };
  readingEase?: { min: number };
  textLayer?: boolean;
}

const phraseList = z.array(z.string().trim().min(1, 'a phrase must not be empty')).min(1, 'give at least one phrase');

const factSchema = z
  .strictObject({
    reportDate: z.strictObject({ withinMonths: z.number().int().positive() }).optional(),
    readingEase: z.strictObject({ min: z.number().min(0).max(121) }).optional(),
    textLayer: z.boolean().optional(),
  })
  .refine((f) => Object.values(f).filter((v) => v !== undefined).length === 1, {
    message: 'a fact must name exactly one of reportDate, readingEase, textLayer',
  });

// A host name as written in a URL: "localoffer.anyshire.gov.uk" (no scheme, path or port).
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const linkSchema = z
  .strictObject({
    host: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .refine((h) => HOST.test(h), { message: 'give a host name like localoffer.anyshire.gov.uk, without https:// or a path' }),
      )
      .min(1, 'give at least one host')
      .optional(),
    url: z
      .string()
      .min(1)
      .refine((r) => compiles(r), { message: 'this regular expression does not compile' })
      .superRefine((r, ctx) => {
        const why = regexRisk(r, 'iu');
        if (why) ctx.addIssue({ code: 'custom', message: why });
      })
      .optional(),
    text: phraseList.optional(),
    live: z.boolean().optional(),
  })
  .refine((l) => !(l.host !== undefined && l.url !== undefined) && (l.host ?? l.url ?? l.text) !== undefined, {
    message: 'a link matcher needs "host" (a list of host names) or "url" (a regular expression), not both, or "text" alone',
  });

export const MATCHER_KINDS = ['phrases', 'regex', 'near', 'entity', 'section', 'all', 'any', 'not', 'fact', 'link'] as const;

let patternsTrusted = false;

/**
 * Validates the built-in rule files without the regular-expression check: their patterns are
 * reviewed and measured on the corpus, a test holds them to the check all the same
 * (tests/hostile/regex-safety.test.ts), and the build that precompiles them need not load the
 * checker's parser. Every other rule or config file (--rules, a config's extra rules) is checked.
 */
export function withTrustedPatterns<T>(validate: () => T): T {
  patternsTrusted = true;
  try {
    return validate();
  } finally {
    patternsTrusted = false;
  }
}

/**
 * Why a pattern is refused, or null: one whose repeat can match the same text in two ways
 * ((a+)+, (\w|\w)*) can take exponential time on one long line and hang a batch, and one with
 * two repeats that can share text before something that can fail (\w*\w*!) a power of its
 * length, too long even within the 2,000-character window; so it is refused when the file is
 * loaded, with its line and key (src/rules/regex-ambiguity.ts).
 * `flags` are those the rule compiler uses: case matters to whether two parts overlap.
 */
function regexRisk(pattern: string, flags: string): string | null {
  if (patternsTrusted || !compiles(pattern)) return null;
  const risk = findRegexRisk(pattern, flags);
  if (!risk) return null;
  if (risk.kind === 'unchecked') {
    return 'this regular expression is too large to check for patterns that match slowly; split it into smaller patterns, for example several "regex" matchers under "any"';
  }
  const short = (raw: string) => (raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  if (risk.kind === 'polynomial') {
    const [a, b] = risk.repeats.map(short);
    return `this regular expression can take a very long time on a long line, because its repeats "${a}" and "${b}" can match the same text one after the other, so the time grows with a power of the line's length; rewrite them so they cannot overlap (as in \\w+\\s+\\w+), or so that nothing after them can fail`;
  }
  const part = short(risk.repeat);
  return `this regular expression can take exponential time on some text, because its repeated part "${part}" can match the same text in more than one way (as (a|a)* and (a+)+ can); rewrite that part so each piece of text can be matched only one way`;
}

function compiles(pattern: string): boolean {
  try {
    // Whether it compiles does not depend on case: 'u' alone, so the pattern built here is the one
    // a matchCase rule runs (tests/hostile/src-regex-safety.test.ts checks every pattern built).
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const matcherSchema: z.ZodType<MatcherSpec> = z.lazy(() =>
  z
    .strictObject({
      phrases: phraseList.optional(),
      // Compiled here so a bad pattern is reported with its file, line and key like any other mistake.
      regex: z
        .string()
        .min(1)
        .refine((r) => compiles(r), { message: 'this regular expression does not compile' })
        .optional(),
      near: z
        .strictObject({
          a: phraseList,
          b: phraseList,
          words: z.number().int().min(1).max(60).optional(),
          within: z.enum(['sentence', 'block']).optional(),
        })
        .optional(),
      entity: z.union([z.enum(ENTITIES), z.array(z.enum(ENTITIES)).min(1)]).optional(),
      section: z.strictObject({ heading: phraseList, match: matcherSchema.optional() }).optional(),
      all: z.array(matcherSchema).min(1).optional(),
      any: z.array(matcherSchema).min(1).optional(),
      not: matcherSchema.optional(),
      fact: factSchema.optional(),
      link: linkSchema.optional(),
      within: z
        .union([z.enum(SCOPES), z.strictObject({ sentences: z.number().int().min(1).max(20) })])
        .optional(),
      in: z.array(z.enum(SENTENCE_ROLES)).min(1).optional(),
      voice: z.array(z.enum(VOICES)).min(1).optional(),
      statement: z.array(z.enum(STATEMENTS)).min(1).optional(),
      matchCase: z.boolean().optional(),
    })
    .superRefine((m, ctx) => {
      const kinds = MATCHER_KINDS.filter((k) => m[k] !== undefined);
      if (kinds.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message:
            kinds.length === 0
              ? `a matcher needs one of: ${MATCHER_KINDS.join(', ')}`
              : `a matcher must have exactly one of ${MATCHER_KINDS.join(', ')}, but this one has ${kinds.join(' and ')}`,
        });
      }
      if (m.regex !== undefined) {
        const why = regexRisk(m.regex, m.matchCase ? 'u' : 'iu');
        if (why) ctx.addIssue({ code: 'custom', path: ['regex'], message: why });
      }
      if (m.matchCase !== undefined && m.regex === undefined) {
        ctx.addIssue({ code: 'custom', path: ['matchCase'], message: '"matchCase" only applies to a "regex" matcher' });
      }
      const text = m.phrases !== undefined || m.regex !== undefined || m.near !== undefined || m.entity !== undefined;
      for (const key of ['voice', 'statement'] as const) {
        if (m[key] !== undefined && !text) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" only applies to a text matcher (phrases, regex, near or entity)` });
      }
      if (m.within !== undefined && m.all === undefined) {
        ctx.addIssue({ code: 'custom', path: ['within'], message: '"within" only applies to an "all" matcher' });
      }
    }),
);

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a rule id is lower-case words joined by hyphens'),
  title: z.string().min(1),
  source: z.string().min(1),
  severity: z.enum(SEVERITIES),
  appliesTo: z.array(z.enum(SCHOOL_TYPES)).min(1),
  /** Why the law asks for it, in plain words for a governor. */
  why: z.string().min(1),
  advice: z.string().min(1),
  docs: z.string().url().optional(),
  /**
   * The requirement is met by naming where the information is ("see our Complaints Policy"),
   * judging-guide.md's "pointer ok". Without it, a sentence that only points elsewhere is not read.
   */
  pointerOk: z.boolean().optional(),
  check: z.strictObject({
    met: matcherSchema,
    partial: matcherSchema.optional(),
    /** Plain description of what was searched for, shown when the rule finds nothing. */
    searched: z.array(z.string().min(1)).min(1).optional(),
  }),
});
export type RuleSpec = z.infer<typeof ruleSchema>;

export const rulesetInfoSchema = z.strictObject({ id: z.string().min(1), version: z.string().min(1) });
export type RulesetInfo = z.infer<typeof rulesetInfoSchema>;

/**
 * A rule file holds one rule (it has an `id`), a list of rules (`rules:`), or a list of
 * other rule files to load in order (`files:`, paths relative to this file).
 * The loader picks the shape by its keys so errors speak about the right one.
 */
export const ruleListFileSchema = z.strictObject({
  ruleset: rulesetInfoSchema.optional(),
  lists: z.lazy(() => wordListsSchema).optional(),
  rules: z.array(ruleSchema).min(1),
});
export const ruleIndexFileSchema = z.strictObject({
  ruleset: rulesetInfoSchema.optional(),
  lists: z.lazy(() => wordListsSchema).optional(),
  files: z.array(z.string().min(1)).min(1),
});

/**
 * Named word lists (`lists: {pupils: [pupil, pupils, child, ...]}`), written `$pupils` among a
 * matcher's phrases: one list for the words many frames share, so a word added reaches them all.
 * Defined in a `files:` index (for every file it loads) or a `rules:` file (for its rules).
 */
export const wordListsSchema = z.record(z.string(), z.array(z.string().min(1)).min(1)).superRefine((lists, ctx) => {
  for (const name of Object.keys(lists)) {
    if (!WORD_LIST_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a list name: use lower-case letters, digits and hyphens, starting with a letter` });
  }
});

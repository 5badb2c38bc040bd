import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { AuditError } from '../errors.js';
import { compileRule, compileRuleset } from './compile-rule.js';
import type { RuleSpec, RulesetInfo } from './schema.js';
import type { Rule, Ruleset } from './types.js';
import { addWordLists, expandWordLists, type WordLists } from './word-lists.js';

/** Reads a text file; injected so tests and other callers control the file system. */
export type ReadText = (path: string) => Promise<string>;

/** The built-in rule set: rules/builtin/ruleset.yaml in the package (same path from src/ and dist/). */
export const BUILTIN_RULESET = fileURLToPath(new URL('../../rules/builtin/ruleset.yaml', import.meta.url));

/**
 * The built-in set, validated at build time (scripts/build-rules.mjs) and written next to the
 * compiled loader (dist/rules/). Parsing 27 YAML files with zod on every run cost the CLI a
 * quarter of a short audit's time, most of it loading yaml and zod at all. The YAML stays the
 * source of truth: from src/ (tests) there is no such file and the YAML is read.
 */
export const BUILTIN_COMPILED = fileURLToPath(new URL('./builtin-ruleset.json', import.meta.url));

/** What scripts/build-rules.mjs writes: validated specs, files relative to the built-in folder. */
export interface CompiledRulesetFile {
  format: 1;
  info: RulesetInfo;
  /** Every YAML file the set was read from, to tell when the JSON is older than one of them. */
  sources: string[];
  rules: { file: string; spec: RuleSpec }[];
}

/** Loads and validates a rule file (one rule, a `rules:` list or a `files:` index) and compiles it. */
export async function loadRuleset(path: string, readText: ReadText): Promise<Ruleset> {
  if (resolve(path) === BUILTIN_RULESET) {
    const compiled = await loadCompiledBuiltin(readText);
    if (compiled) return compiled;
  }
  return loadRulesetFromYaml(path, readText);
}

/** Loads a rule file from its YAML, always (the build uses this to write the precompiled set). */
export async function loadRulesetFromYaml(path: string, readText: ReadText, read: string[] = []): Promise<Ruleset> {
  const rules: Rule[] = [];
  const trackedRead: ReadText = (p) => (read.push(p), readText(p));
  // A local rule file may name the built-in set's word lists ($pupils) as well as its own.
  const inherited = isBuiltin(path) ? new Map() : await loadBuiltinWordLists(readText);
  const info = await loadInto(resolve(path), trackedRead, rules, new Set(), inherited);
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const first = seen.get(rule.spec.id);
    if (first) {
      throw new AuditError('rules', `${rule.file}: rule id "${rule.spec.id}" is used twice (first in ${first}). Give each rule its own id.`);
    }
    seen.set(rule.spec.id, rule.file);
  }
  return { info: info ?? { id: 'custom', version: '0' }, rules };
}

/**
 * The built-in set's named word lists (rules/builtin/ruleset.yaml `lists:`), for local rules to use
 * too: read once for each way of reading files, however many local files and rules ask.
 */
export function loadBuiltinWordLists(readText: ReadText): Promise<WordLists> {
  let lists = builtinWordLists.get(readText);
  if (!lists) builtinWordLists.set(readText, (lists = readBuiltinWordLists(readText)));
  return lists;
}
const builtinWordLists = new WeakMap<ReadText, Promise<WordLists>>();

async function readBuiltinWordLists(readText: ReadText): Promise<WordLists> {
  let text: string;
  try {
    text = await readText(BUILTIN_RULESET);
  } catch {
    return new Map(); // a file system without the package (a test's): a list named is then unknown, and said so
  }
  const [{ parse }, { wordListsSchema }] = await Promise.all([import('yaml'), import('./schema.js')]);
  const data = parse(text) as { lists?: unknown };
  return new Map(Object.entries(wordListsSchema.parse(data.lists ?? {})));
}

/** The JSON form of a Ruleset's specs, as scripts/build-rules.mjs writes it. */
export function toCompiledFile(set: Ruleset, sources: string[]): CompiledRulesetFile {
  const base = dirname(BUILTIN_RULESET);
  const rel = (f: string) => relative(base, f).split(sep).join('/');
  return { format: 1, info: set.info, sources: [...new Set(sources.map(rel))], rules: set.rules.map((r) => ({ file: rel(r.file), spec: r.spec })) };
}

/**
 * The precompiled built-in set, or null to read the YAML instead: when there is no JSON (running
 * from src/), it cannot be read, or a YAML file was edited after the build wrote it.
 */
async function loadCompiledBuiltin(readText: ReadText): Promise<Ruleset | null> {
  let file: CompiledRulesetFile;
  try {
    file = JSON.parse(await readText(BUILTIN_COMPILED)) as CompiledRulesetFile;
  } catch {
    return null;
  }
  if (file?.format !== 1 || !Array.isArray(file.rules) || !Array.isArray(file.sources)) return null;
  const base = dirname(BUILTIN_RULESET);
  try {
    const [json, ...yaml] = await Promise.all([BUILTIN_COMPILED, ...file.sources.map((f) => resolve(base, f))].map((p) => stat(p)));
    if (yaml.some((s) => s.mtimeMs > json!.mtimeMs)) return null;
  } catch {
    return null; // a source file gone: let the YAML loader say what is wrong
  }
  return compileRuleset(file.info, file.rules.map((r) => ({ spec: r.spec, file: resolve(base, r.file) })));
}

async function loadInto(path: string, readText: ReadText, into: Rule[], visiting: Set<string>, inherited: WordLists = new Map()): Promise<RulesetInfo | undefined> {
  // Loaded here, not at the top: the precompiled built-in set needs neither yaml nor zod.
  const [{ parseDocument }, { ruleIndexFileSchema, ruleListFileSchema, ruleSchema, withTrustedPatterns, wordListsSchema }, { describeIssue, LineCounter, yamlToJs }] =
    await Promise.all([import('yaml'), import('./schema.js'), import('./yaml-errors.js')]);
  if (visiting.has(path)) throw new AuditError('rules', `${path}: rule files include each other in a loop. Remove one of the "files:" entries.`);
  visiting.add(path);
  let text: string;
  try {
    text = await readText(path);
  } catch {
    throw new AuditError('rules', `Cannot read rule file ${path}. Check the path given to --rules.`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    // An unclosed bracket or quote is reported at the end of the file; point at the last line
    // with text instead, which is where the reader has to look.
    const line = lines.linePos(Math.min(err.pos[0], text.trimEnd().length)).line;
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new AuditError('rules', `${path} line ${line}: this is not valid YAML (${what}). Fix the syntax and run again.`);
  }
  const raw: unknown = yamlToJs(path, doc);
  const trusted = isBuiltin(path);
  const fail = (issue: z.core.$ZodIssue): never => {
    throw new AuditError('rules', describeIssue(path, doc, lines, issue));
  };
  const check = <T>(schema: z.ZodType<T>, value: unknown, at: (string | number)[] = []): T => {
    const result = trusted ? withTrustedPatterns(() => schema.safeParse(value)) : schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      return fail({ ...issue, path: [...at, ...issue.path] } as z.core.$ZodIssue);
    }
    return result.data;
  };
  // Named word lists: this file's own, added to those of the index that loads it, then every
  // `$name` among its words written out (src/rules/word-lists.ts).
  const own = isObject(raw) && raw.lists !== undefined ? check(wordListsSchema, raw.lists, ['lists']) : undefined;
  const added = addWordLists(inherited, own);
  if ('clash' in added) {
    const by = isBuiltin(path) ? 'the file that loads this one' : 'the built-in rule set or the file that loads this one';
    return fail({ code: 'custom', path: ['lists', added.clash], message: `the word list "${added.clash}" is already defined by ${by}; give this one another name`, input: undefined } as z.core.$ZodIssue);
  }
  const { lists } = added;
  // (The lists themselves are words, not references: only the rest of the file is expanded.)
  const { lists: _defined, ...rest } = isObject(raw) ? raw : {};
  const expanded = expandWordLists(isObject(raw) ? rest : raw, lists);
  if ('unknown' in expanded) {
    const known = [...lists.keys()].map((n) => `$${n}`).join(', ');
    const message = `"$${expanded.unknown.name}" names no word list (${known ? `the lists are ${known}` : 'no lists are defined'}; define it under "lists:" in this file or in the index that loads it)`;
    return fail({ code: 'custom', path: expanded.unknown.path, message, input: undefined } as z.core.$ZodIssue);
  }
  const data = isObject(expanded.data) && own ? { ...expanded.data, lists: own } : expanded.data;
  const validate = <T>(schema: z.ZodType<T>): T => check(schema, data);
  if (isObject(data) && 'files' in data) {
    const index = validate(ruleIndexFileSchema);
    for (const file of index.files) await loadInto(resolve(dirname(path), file), readText, into, visiting, lists);
    visiting.delete(path);
    return index.ruleset;
  }
  if (isObject(data) && 'rules' in data) {
    const list = validate(ruleListFileSchema);
    for (const spec of list.rules) into.push(compileRule(spec, path));
    visiting.delete(path);
    return list.ruleset;
  }
  if (!isObject(data)) {
    throw new AuditError('rules', `${path}: a rule file must be a YAML mapping with "id" (one rule), "rules" (a list) or "files" (an index).`);
  }
  into.push(compileRule(validate(ruleSchema), path));
  visiting.delete(path);
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A file of the built-in set (rules/builtin/), which ships with senaudit. */
function isBuiltin(path: string): boolean {
  return resolve(path).startsWith(dirname(BUILTIN_RULESET) + sep);
}

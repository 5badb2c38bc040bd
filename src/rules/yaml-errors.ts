import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { AuditError } from '../errors.js';

/** A YAML file parsed with line positions kept, for line-numbered errors. */
export interface ParsedYaml {
  path: string;
  doc: YamlDocument;
  lines: LineCounter;
  data: unknown;
}

/** Parses YAML text; a syntax error becomes one sentence naming the file and line. */
export function parseYamlFile(path: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const line = lines.linePos(Math.min(err.pos[0], text.trimEnd().length)).line;
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new AuditError('rules', `${path} line ${line}: this is not valid YAML (${what}). Fix the syntax and run again.`);
  }
  return { path, doc, lines, data: yamlToJs(path, doc) };
}

/**
 * The plain value of a parsed file. The yaml library refuses to expand aliases (`*name`) past a
 * limit, so a "billion laughs" file cannot exhaust memory; that refusal is the user's to fix.
 */
export function yamlToJs(path: string, doc: YamlDocument): unknown {
  try {
    return doc.toJS();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(why)) {
      throw new AuditError('rules', `${path}: it repeats YAML aliases (*name) so often that reading it could exhaust memory. Write the values out instead.`, { cause: e });
    }
    throw new AuditError('rules', `${path}: this YAML cannot be read (${why.replace(/[.\s]+$/, '')}). Fix it and run again.`, { cause: e });
  }
}

/** Validates parsed YAML with a zod schema; the first issue becomes a line-numbered AuditError. */
export function validateYaml<T>(parsed: ParsedYaml, schema: z.ZodType<T>, data: unknown = parsed.data, prefix: (string | number)[] = []): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = innermostIssue(result.error.issues[0]!);
    throw new AuditError('rules', describeIssue(parsed.path, parsed.doc, parsed.lines, { ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue));
  }
  return result.data;
}

/**
 * A union (e.g. "a file name or a rule") that fails reports every branch; the useful one is
 * the branch that got furthest, i.e. whose first issue is not "wrong type" at the top.
 */
function innermostIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return issue;
  const branches = (issue.errors as z.core.$ZodIssue[][]).filter((b) => b.length > 0);
  const best = branches.find((b) => !(b[0]!.code === 'invalid_type' && b[0]!.path.length === 0)) ?? branches[0];
  if (!best) return issue;
  const inner = innermostIssue(best[0]!);
  return { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue;
}

/**
 * Turns a zod issue on a parsed YAML file into one plain sentence that names the file,
 * the line and the key at fault, the way Spectral reports a ruleset error.
 */
export function describeIssue(file: string, yamlDoc: YamlDocument, lines: LineCounter, issue: z.core.$ZodIssue): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let keyPath = formatPath(path);
  let offset = nodeOffset(yamlDoc, path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const keyOffset = keyNodeOffset(yamlDoc, path, key);
    if (keyOffset !== null) offset = keyOffset;
    keyPath = formatPath([...path, key]);
    const known = knownKeysHint(key);
    message = `"${key}" is not a key this file understands${known}`;
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = 'this key is required but missing';
  }
  const line = offset === null ? null : lines.linePos(offset).line;
  const where = line === null ? file : `${file} line ${line}`;
  return `${where}: ${keyPath ? `${keyPath}: ` : ''}${message}.`;
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** The deepest node on the path that exists, so a missing key points at its parent. */
function nodeOffset(doc: YamlDocument, path: (string | number)[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node.range[0];
  }
  return doc.contents?.range?.[0] ?? null;
}

function keyNodeOffset(doc: YamlDocument, path: (string | number)[], key: string): number | null {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(parent)) return null;
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key && item.key.range) return item.key.range[0];
  }
  return null;
}

const KNOWN_KEYS = [
  'id', 'title', 'source', 'severity', 'appliesTo', 'why', 'advice', 'docs', 'check', 'met', 'partial', 'searched',
  'phrases', 'regex', 'near', 'entity', 'section', 'all', 'any', 'not', 'fact', 'within', 'in', 'voice', 'statement', 'heading', 'match',
  'a', 'b', 'words', 'reportDate', 'readingEase', 'textLayer', 'withinMonths', 'min', 'matchCase', 'ruleset', 'rules', 'files', 'version',
  'link', 'host', 'url', 'text', 'live', 'extends', 'disable', 'schoolType', 'asOf', 'failOn', 'checkLinks',
];

/** The known key closest to `key` (edit distance under 3), for "did you mean" hints. */
export function closestKey(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function knownKeysHint(key: string): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of KNOWN_KEYS) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export { LineCounter };

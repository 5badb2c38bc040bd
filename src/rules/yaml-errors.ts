import { isMap, isPair, isScalar, LineCounter, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';

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
  'phrases', 'regex', 'near', 'entity', 'section', 'all', 'any', 'not', 'fact', 'within', 'in', 'heading', 'match',
  'a', 'b', 'words', 'reportDate', 'readingEase', 'textLayer', 'withinMonths', 'min', 'matchCase', 'ruleset', 'rules', 'files', 'version',
];

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

import type { RuleSpec } from '../rules/schema.js';
import { appliesToText, checksText, describeSpec, type DescribedNode, type Piece } from './rule-describe.js';

/** `senaudit explain <rule-id>`: one rule in plain words, for a person deciding what to write. */
export function formatExplain(spec: RuleSpec, file?: string): string {
  const { applies, not } = appliesToText(spec);
  const out = [
    `${spec.id}: ${spec.title}`,
    '',
    `What it checks: ${checksText(spec)}`,
    `The law:        ${spec.source}`,
    `Severity:       ${spec.severity}${spec.severity === 'error' ? ' (the law says "must")' : spec.severity === 'warning' ? ' (the law or guidance says "should")' : ''}`,
    `Applies to:     ${applies}`,
  ];
  if (not) out.push(`Not to:         ${not} (reported as not applicable)`);
  out.push('', 'Why', `  ${spec.why}`, '', 'How it decides', '  Met when:', ...tree(describeSpec(spec.check.met), 4));
  if (spec.check.partial) out.push('  Partly there (when not met) when:', ...tree(describeSpec(spec.check.partial), 4));
  else out.push('  There is no "partly there" for this rule: it is met or missing.');
  out.push('  Otherwise missing. Only the first matching sentences (up to 3) are quoted as evidence.');
  out.push('', 'How to fix', `  ${spec.advice}`);
  if (spec.docs || file) out.push('');
  if (spec.docs) out.push(`Reference: ${spec.docs}`);
  if (file) out.push(`Rule file: ${file}`);
  return `${out.join('\n')}\n`;
}

function tree(n: DescribedNode, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return [`${pad}- ${pieces(n.text)}`, ...n.children.flatMap((c) => tree(c, indent + 2))];
}

function pieces(ps: Piece[]): string {
  return ps.map((p) => (typeof p === 'string' ? p : 'phrase' in p ? `"${p.phrase}"` : `/${p.code}/`)).join('');
}

/** Rule ids closest to `id` (edit distance), for "did you mean". */
export function closestIds(id: string, ids: readonly string[]): string[] {
  const q = id.toLowerCase().trim();
  const containing = ids.filter((c) => q.length >= 3 && (c.includes(q) || q.includes(c)));
  if (containing.length) return containing.slice(0, 3);
  const scored = ids.map((c) => ({ c, d: distance(q, c) }));
  const best = Math.min(...scored.map((s) => s.d));
  return best <= Math.max(2, Math.floor(q.length / 3)) ? scored.filter((s) => s.d === best).map((s) => s.c).slice(0, 3) : [];
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

import type { Ruleset } from '../rules/types.js';

/** `senaudit rules`: one line per active rule (id, severity, source), aligned for reading. */
export function formatRulesList(ruleset: Ruleset): string {
  const rows = ruleset.rules.map((r) => [r.spec.id, r.spec.severity, r.spec.source]);
  const w0 = Math.max(2, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(8, ...rows.map((r) => r[1]!.length));
  const lines = [`${'id'.padEnd(w0)}  ${'severity'.padEnd(w1)}  source`];
  for (const [id, sev, src] of rows) lines.push(`${id!.padEnd(w0)}  ${sev!.padEnd(w1)}  ${src}`);
  lines.push('', `${ruleset.rules.length} rules from ${ruleset.info.id} ${ruleset.info.version}.`);
  return `${lines.join('\n')}\n`;
}

import { relative } from 'node:path';
import { AuditError } from '../../errors.js';
import { closestIds, formatExplain } from '../../format/explain.js';
import type { Ruleset } from '../../rules/types.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** `senaudit explain <rule-id>`: one rule in plain words; an unknown id is one line with a suggestion (exit 2). */
export function explainCommand(id: string, ruleset: Ruleset, io: CliIO): number {
  const rule = ruleset.rules.find((r) => r.spec.id === id);
  if (!rule) {
    const close = closestIds(id, ruleset.rules.map((r) => r.spec.id));
    const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
    throw new AuditError('usage', `There is no rule "${id}".${hint} Run "senaudit rules" for the list.`);
  }
  const file = relative(process.cwd(), rule.file) || rule.file;
  io.stdout(formatExplain(rule.spec, file));
  return EXIT_OK;
}

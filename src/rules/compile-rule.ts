import { AuditError } from '../errors.js';
import { compileMatcher } from './compile.js';
import type { RuleSpec, RulesetInfo } from './schema.js';
import type { Rule, Ruleset } from './types.js';

/**
 * Compiles one validated rule (also used for rules written inline in a config file, in a batch's
 * document workers, and in the browser page): nothing here reads files, so the same engine runs
 * wherever the specs come from.
 */
export function compileRule(spec: RuleSpec, file: string): Rule {
  try {
    const options = { pointerOk: spec.pointerOk ?? false };
    return { spec, file, met: compileMatcher(spec.check.met, options), partial: spec.check.partial ? compileMatcher(spec.check.partial, options) : null };
  } catch (e) {
    // Only a regular expression can fail to compile once the schema has passed.
    throw new AuditError('rules', `${file}: rule "${spec.id}" has a regular expression that does not compile (${(e as Error).message}).`);
  }
}

/** A rule set from validated specs and the files they came from (the built-in set's JSON, a batch worker's copy). */
export function compileRuleset(info: RulesetInfo, rules: readonly { spec: RuleSpec; file: string }[]): Ruleset {
  return { info, rules: rules.map((r) => compileRule(r.spec, r.file)) };
}

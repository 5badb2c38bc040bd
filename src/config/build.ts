import { dirname, resolve } from 'node:path';
import { AuditError } from '../errors.js';
import { compileRule } from '../rules/compile-rule.js';
import { BUILTIN_RULESET, loadBuiltinWordLists, loadRuleset, type ReadText } from '../rules/loader.js';
import { expandWordLists } from '../rules/word-lists.js';
import type { RulesetInfo } from '../rules/schema.js';
import type { Rule } from '../rules/types.js';
import { closestKey, parseYamlFile } from '../rules/yaml-errors.js';
import { readIfExists } from './find.js';
import { configError, looksLikeConfig, parseConfig, type LoadedConfigFile } from './load.js';
import type { ConfigDefaults } from './resolve.js';
import { BUILTIN_NAME } from './schema.js';

// A config file -> the rules it builds and the defaults it sets: extends, extra rules,
// severity overrides and disabled rules, each mistake a sentence naming the file and line.

/** Parses, validates and builds a config file's rules and defaults. */
export function buildConfigFile(path: string, text: string, readText: ReadText): Promise<Built> {
  const file = parseConfig(path, text);
  // A config that only sets defaults (failOn, letters, ...) runs the built-in rules; one that
  // names rules or other files runs just those.
  if (file.config.extends === undefined && file.config.rules === undefined) file.config = { ...file.config, extends: BUILTIN_NAME };
  return buildConfig(file, readText, new Set());
}

export interface Built {
  rules: Rule[];
  info: RulesetInfo | undefined;
  defaults: ConfigDefaults;
}

async function buildConfig(file: LoadedConfigFile, readText: ReadText, visiting: Set<string>): Promise<Built> {
  if (visiting.has(file.path)) {
    throw new AuditError('rules', `${file.path}: config files extend each other in a loop. Remove one of the "extends" entries.`);
  }
  visiting.add(file.path);
  const { config } = file;
  const dir = dirname(file.path);
  const rules: Rule[] = [];
  let info = config.ruleset;
  const defaults: ConfigDefaults = {};

  const extendsList = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [i, entry] of extendsList.entries()) {
    const at = Array.isArray(config.extends) ? ['extends', i] : ['extends'];
    if (entry === BUILTIN_NAME) {
      const set = await loadRuleset(BUILTIN_RULESET, readText);
      rules.push(...set.rules);
      info ??= set.info;
      continue;
    }
    if (entry.startsWith('senaudit:')) {
      throw configError(file, at, `there is no built-in rule set called "${entry}"; use "${BUILTIN_NAME}" or a file path`);
    }
    const path = resolve(dir, entry);
    const text = await readIfExists(path, readText);
    if (text === null) throw configError(file, at, `cannot read ${path}: it does not exist. Paths are relative to this config file`);
    const data = parseYamlFile(path, text).data;
    if (looksLikeConfig(path, data)) {
      const sub = await buildConfig(parseConfig(path, text), readText, visiting);
      rules.push(...sub.rules);
      info ??= sub.info;
      Object.assign(defaults, sub.defaults);
    } else {
      const set = await loadRuleset(path, cached(path, text, readText));
      rules.push(...set.rules);
      if (set.info.id !== 'custom') info ??= set.info;
    }
  }

  for (const [i, item] of (config.rules ?? []).entries()) {
    if (typeof item !== 'string') {
      // A rule written here may name the built-in set's word lists ($pupils).
      const expanded = expandWordLists(item, await loadBuiltinWordLists(readText));
      if ('unknown' in expanded) {
        const { path, name } = expanded.unknown;
        throw configError(file, ['rules', i, ...path], `"$${name}" names no word list of the built-in rule set; write the words out, or put the rule in a rule file with its own "lists:"`);
      }
      rules.push(compileRule(expanded.data as typeof item, file.path));
      continue;
    }
    const path = resolve(dir, item);
    const text = await readIfExists(path, readText);
    if (text === null) throw configError(file, ['rules', i], `cannot read ${path}: it does not exist. Paths are relative to this config file`);
    rules.push(...(await loadRuleset(path, cached(path, text, readText))).rules);
  }

  const seen = new Map<string, string>();
  for (const rule of rules) {
    const first = seen.get(rule.spec.id);
    if (first) {
      throw new AuditError(
        'rules',
        `${file.path}: rule id "${rule.spec.id}" is used twice (in ${first} and ${rule.file}). To replace a rule, disable it and give the new one its own id.`,
      );
    }
    seen.set(rule.spec.id, rule.file);
  }

  const ids = rules.map((r) => r.spec.id);
  const unknown = (id: string) => {
    const near = closestId(id, ids);
    return `no rule has the id "${id}"${near ? ` (did you mean "${near}"?)` : ''}. Run "senaudit rules" to list the ids`;
  };
  let out = rules;
  for (const [id, severity] of Object.entries(config.severity ?? {})) {
    if (!ids.includes(id)) throw configError(file, ['severity', id], unknown(id));
    out = out.map((r) => (r.spec.id === id ? { ...r, spec: { ...r.spec, severity } } : r));
  }
  const disabled = new Set<string>();
  for (const [i, id] of (config.disable ?? []).entries()) {
    if (!ids.includes(id)) throw configError(file, ['disable', i], unknown(id));
    disabled.add(id);
  }
  out = out.filter((r) => !disabled.has(r.spec.id));

  for (const key of ['schoolType', 'asOf', 'failOn', 'checkLinks', 'letters'] as const) {
    if (config[key] !== undefined) (defaults as Record<string, unknown>)[key] = config[key];
  }
  visiting.delete(file.path);
  return { rules: out, info, defaults };
}

/** Serves text already read for one path, so the file is not read twice. */
function cached(path: string, text: string, readText: ReadText): ReadText {
  return (p) => (p === path ? Promise.resolve(text) : readText(p));
}

/** The rule id closest to a misspelt one: within a quarter of its length (at least 2 edits). */
function closestId(id: string, ids: string[]): string | null {
  const near = closestKey(id, ids);
  if (near) return near;
  // Longer ids tolerate more typos; also catch a missing or extra word part ("consulting-pupil").
  return ids.find((k) => k.startsWith(id) || id.startsWith(k)) ?? null;
}

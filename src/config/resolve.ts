import { resolve } from 'node:path';
import { AuditError } from '../errors.js';
import { BUILTIN_RULESET, loadRuleset, type ReadText } from '../rules/loader.js';
import type { SchoolType, Severity } from '../rules/schema.js';
import type { Ruleset } from '../rules/types.js';
import { findConfigFile, readIfExists } from './find.js';
import type { LettersConfig } from './schema.js';

/** What a config sets in place of the built-in defaults; a flag given on the command line beats each. */
export interface ConfigDefaults {
  schoolType?: SchoolType;
  asOf?: string;
  failOn?: Severity;
  checkLinks?: boolean;
  /** The `letters:` block, for batch --letters and merge --letters. */
  letters?: LettersConfig;
}

export interface ResolvedConfig {
  /** The rules to run: extended sets and extra rules, with overrides applied and disabled rules left out. */
  ruleset: Ruleset;
  defaults: ConfigDefaults;
  /** The config file used (absolute), or null when none was found or --no-config was given. */
  file: string | null;
}

export interface ResolveConfigOptions {
  /** --config <file>; false for --no-config; undefined to look for senaudit.config.yaml in `cwd`. */
  config?: string | false;
  /** --rules <file>: run this rule file instead of the rules the config builds (its defaults still apply). */
  rules?: string;
  /** Where to look for senaudit.config.yaml and resolve --config; default process.cwd(). */
  cwd?: string;
  readText: ReadText;
}

/**
 * Flags, then the config file, then the built-in defaults: this resolves the config part.
 * Used by `audit`, `rules` and `batch`.
 */
export async function resolveConfig(options: ResolveConfigOptions): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const { readText } = options;
  let found: { path: string; text: string } | null = null;
  if (typeof options.config === 'string') {
    const path = resolve(cwd, options.config);
    const text = await readIfExists(path, readText);
    if (text === null) throw new AuditError('rules', `Cannot read config file ${path}: it does not exist. Check the path given to --config.`);
    found = { path, text };
  } else if (options.config === undefined) {
    found = await findConfigFile(cwd, readText);
  }
  // Parsing and validating (yaml, zod) are loaded only when there is a config file to read.
  const built = found ? await (await import('./build.js')).buildConfigFile(found.path, found.text, readText) : null;
  let ruleset: Ruleset;
  if (options.rules) ruleset = await loadRuleset(resolve(cwd, options.rules), readText);
  else if (built) ruleset = { info: built.info ?? { id: 'custom', version: '0' }, rules: built.rules };
  else ruleset = await loadRuleset(BUILTIN_RULESET, readText);
  return { ruleset, defaults: built?.defaults ?? {}, file: found?.path ?? null };
}

/** A flag from the command line beats the config, which beats the built-in default. */
export function pickSetting<T>(fromCommandLine: boolean, flagValue: T, configValue: T | undefined): T {
  return fromCommandLine || configValue === undefined ? flagValue : configValue;
}

import { basename } from 'node:path';
import type { z } from 'zod';
import { AuditError } from '../errors.js';
import { describeIssue, parseYamlFile, validateYaml, type ParsedYaml } from '../rules/yaml-errors.js';
import { CONFIG_ONLY_KEYS, configFileSchema, type ConfigFile } from './schema.js';

/** A config file read, parsed and validated, with its YAML kept for line-numbered errors. */
export interface LoadedConfigFile {
  path: string;
  parsed: ParsedYaml;
  config: ConfigFile;
}

/** Parses and validates config text; every mistake is one sentence naming the file and line. */
export function parseConfig(path: string, text: string): LoadedConfigFile {
  const parsed = parseYamlFile(path, text);
  if (parsed.data === null || parsed.data === undefined) return { path, parsed, config: {} };
  if (!isObject(parsed.data)) {
    throw new AuditError('rules', `${path}: a config file must be a YAML mapping with keys such as "extends", "rules", "severity" and "disable".`);
  }
  return { path, parsed, config: validateYaml(parsed, configFileSchema) };
}

/** Whether parsed YAML is a config file (rather than a rule file), by its keys or its name. */
export function looksLikeConfig(path: string, data: unknown): boolean {
  if (/(^|[.\-_])config\.ya?ml$/i.test(basename(path))) return true;
  // One rule ("id", which has its own "severity") or an index of rule files ("files").
  if (!isObject(data) || 'id' in data || 'files' in data) return false;
  return CONFIG_ONLY_KEYS.some((k) => k in data);
}

/** An error about one place in a config file (a key or list entry), with its line. */
export function configError(file: LoadedConfigFile, path: (string | number)[], message: string): AuditError {
  const issue = { code: 'custom', path, message, input: undefined } as unknown as z.core.$ZodIssue;
  return new AuditError('rules', describeIssue(file.path, file.parsed.doc, file.parsed.lines, issue));
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

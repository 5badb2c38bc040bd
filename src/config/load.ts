import { basename, resolve } from 'node:path';
import type { z } from 'zod';
import { AuditError } from '../errors.js';
import type { ReadText } from '../rules/loader.js';
import { describeIssue, parseYamlFile, validateYaml, type ParsedYaml } from '../rules/yaml-errors.js';
import { CONFIG_FILE_NAME, CONFIG_ONLY_KEYS, configFileSchema, type ConfigFile } from './schema.js';

/** A config file read, parsed and validated, with its YAML kept for line-numbered errors. */
export interface LoadedConfigFile {
  path: string;
  parsed: ParsedYaml;
  config: ConfigFile;
}

/** Reads a file, or null when it does not exist (any other failure is an error). */
export async function readIfExists(path: string, readText: ReadText): Promise<string | null> {
  try {
    return await readText(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new AuditError('rules', `Cannot read config file ${path} (${(e as Error).message}).`, { cause: e });
  }
}

/** senaudit.config.yaml in `cwd`, or null when there is none. */
export async function findConfigFile(cwd: string, readText: ReadText): Promise<{ path: string; text: string } | null> {
  const path = resolve(cwd, CONFIG_FILE_NAME);
  try {
    return { path, text: await readText(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    // Not there (or an injected reader without file-system error codes): no config. A file that
    // is there but cannot be read (permissions, a folder of that name) is an error.
    if (code === undefined || code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new AuditError('rules', `Cannot read config file ${path} (${(e as Error).message}).`, { cause: e });
  }
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

import { resolve } from 'node:path';
import { AuditError } from '../errors.js';
import type { ReadText } from '../rules/loader.js';

// Finding and reading a config file, kept apart from parsing it: most runs have no config,
// and they should not load the YAML parser and zod to learn that.

/** The file looked for in the working directory when no --config is given. */
export const CONFIG_FILE_NAME = 'senaudit.config.yaml';

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


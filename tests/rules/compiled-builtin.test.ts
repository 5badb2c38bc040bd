// The precompiled built-in rule set (dist/rules/builtin-ruleset.json, written by
// scripts/build-rules.mjs on `npm run build`) must say exactly what the YAML says: the YAML is
// the source of truth, the JSON only saves the CLI parsing it with yaml and zod on every run.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BUILTIN_RULESET, loadRuleset, loadRulesetFromYaml, toCompiledFile } from '../../src/rules/loader.js';

const readText = (p: string) => readFile(p, 'utf8');
const DIST = resolve(import.meta.dirname, '../../dist/rules');
const JSON_FILE = resolve(DIST, 'builtin-ruleset.json');

describe.runIf(existsSync(JSON_FILE))('the precompiled built-in rule set in dist/', () => {
  test('equals what loading the YAML gives', async () => {
    const sources: string[] = [];
    const fromYaml = toCompiledFile(await loadRulesetFromYaml(BUILTIN_RULESET, readText, sources), sources);
    expect(JSON.parse(readFileSync(JSON_FILE, 'utf8'))).toEqual(fromYaml);
    expect(fromYaml.sources).toContain('ruleset.yaml');
  });

  test('is what the compiled loader returns for the built-in set: same specs, files and compiled matchers', async () => {
    const dist = (await import(pathToFileURL(resolve(DIST, 'loader.js')).href)) as typeof import('../../src/rules/loader.js');
    const read: string[] = [];
    const fromJson = await dist.loadRuleset(dist.BUILTIN_RULESET, (p) => (read.push(p), readText(p)));
    expect(read).toEqual([JSON_FILE]); // no YAML read
    const fromYaml = await loadRuleset(BUILTIN_RULESET, readText);
    expect(fromJson.info).toEqual(fromYaml.info);
    expect(fromJson.rules.map((r) => r.file)).toEqual(fromYaml.rules.map((r) => r.file));
    expect(fromJson.rules.map((r) => r.spec)).toEqual(fromYaml.rules.map((r) => r.spec));
    expect(fromJson.rules.map((r) => [r.met, r.partial])).toEqual(fromYaml.rules.map((r) => [r.met, r.partial]));
  });
});

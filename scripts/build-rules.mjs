#!/usr/bin/env node
// Part of `npm run build` (after tsc): validates the built-in rule set from its YAML (the source
// of truth) and writes it as one JSON file next to the compiled loader, dist/rules/. The CLI
// then loads that file instead of parsing 27 YAML files with yaml and zod on every run.
// tests/rules/compiled-builtin.test.ts checks the JSON equals what loading the YAML gives.
import { readFile, writeFile } from 'node:fs/promises';

const loader = await import(new URL('../dist/rules/loader.js', import.meta.url).href);
const sources = [];
const set = await loader.loadRulesetFromYaml(loader.BUILTIN_RULESET, (p) => readFile(p, 'utf8'), sources);
await writeFile(loader.BUILTIN_COMPILED, `${JSON.stringify(loader.toCompiledFile(set, sources))}\n`);
console.log(`build-rules: ${set.rules.length} built-in rules -> dist/rules/builtin-ruleset.json`);

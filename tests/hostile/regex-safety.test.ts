// Catastrophic backtracking (issue #6): a rule file's pattern with nested repetition would hang
// the process on a long line, so it is refused when the file is loaded, naming file, line, key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'senaudit-regex-'));
const rule = (check: string) =>
  ['id: local-rule', 'title: Local', 'source: test', 'severity: error', 'appliesTo: [maintained_mainstream]', 'why: test', 'advice: test', 'check:', check].join('\n') + '\n';
const read = (p: string) => readFile(p, 'utf8');

test.each([
  ['(a+)+$', 'check.met.regex'],
  ['(?<![a-z])(x+y?)*z', 'check.met.regex'],
])('%s is refused at load time', async (pattern, key) => {
  const file = join(dir, 'evil.yaml');
  writeFileSync(file, rule(`  met:\n    regex: ${JSON.stringify(pattern)}`));
  await expect(loadRuleset(file, read)).rejects.toThrow(new RegExp(`evil\\.yaml line 10: ${key.replace(/\./g, '\\.')}: this regular expression can take exponential time`));
});

test('a link url pattern is held to the same test', async () => {
  const file = join(dir, 'evil-link.yaml');
  writeFileSync(file, rule('  met:\n    link: {url: "(x+x+)+y"}'));
  await expect(loadRuleset(file, read)).rejects.toThrow(/line 10: check\.met\.link\.url: .*exponential time/);
});

test('ordinary patterns, with lookbehind and unicode classes, load; so does the built-in set', async () => {
  const file = join(dir, 'fine.yaml');
  writeFileSync(file, rule('  met:\n    regex: "(?<![\\\\d:/-])1 ?(:|-|to) ?1(?![\\\\d:/-])|\\\\p{Lu}\\\\p{Ll}+ local offer"'));
  expect((await loadRuleset(file, read)).rules).toHaveLength(1);
  expect((await loadRuleset(BUILTIN_RULESET, read)).rules).toHaveLength(26);
});

test('the CLI refuses it in one line, exit 2, and never starts the audit', async () => {
  const file = join(dir, 'evil-cli.yaml');
  writeFileSync(file, rule('  met:\n    regex: "(a+)+$"'));
  const r = await runCli(['audit', 'fixtures/examples/oakfield-primary.html', '--rules', file]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/evil-cli\.yaml line 9: check\.met\.regex|evil-cli\.yaml line 10: check\.met\.regex/);
});

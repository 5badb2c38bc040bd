// Catastrophic backtracking (issue #6): a rule or config file's pattern in which a repeat can
// match the same text in more than one way would hang the process on a long line, and one with
// two repeats that can share text before something that can fail would take minutes on it, so
// each is refused when the file is loaded, naming file, line and key (src/rules/regex-ambiguity.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import { findRegexRisk } from '../../src/rules/regex-ambiguity.js';
import type { MatcherSpec } from '../../src/rules/schema.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { expectRefused } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'senaudit-regex-'));
const rule = (check: string) =>
  ['id: local-rule', 'title: Local', 'source: test', 'severity: error', 'appliesTo: [maintained_mainstream]', 'why: test', 'advice: test', 'check:', check].join('\n') + '\n';
const regexRule = (pattern: string, extra = '') => rule(`  met:\n    regex: ${JSON.stringify(pattern)}${extra}`);
const read = (p: string) => readFile(p, 'utf8');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let files = 0;
const write = (text: string) => {
  const file = join(dir, `rule-${++files}.yaml`);
  writeFileSync(file, text);
  return file;
};

// Each takes over a second on 25 characters in V8, doubling with each one more.
const OVERLAPPING = [
  ['(\\w|\\w)*$', '(\\w|\\w)*'],
  ['(a|a)*b', '(a|a)*'],
  ['(\\d+|\\d+\\.)*x', '(\\d+|\\d+\\.)*'],
  ['([a-z]|[a-z0-9])+!', '([a-z]|[a-z0-9])+'],
] as const;
const NESTED = [
  ['(a+)+$', '(a+)+'],
  ['(?<![a-z])(x+y?)*z', '(x+y?)*'],
] as const;

// Two repeats that can share text, then something that can fail: \w*\w*! takes about 2 s on the
// 2,000 characters a rule sees at once, a*a*a*b 137 s on 800.
const SHARING = [
  ['\\w*\\w*!', '\\w*', '\\w*'],
  ['a*a*a*b', 'a*', 'a*'],
  ['\\d+\\d+x', '\\d+', '\\d+'],
  ['(?:\\s|\\w)*\\s*:', '(?:\\s|\\w)*', '\\s*'],
  ['[a-z]+[a-z0-9]+@', '[a-z]+', '[a-z0-9]+'],
] as const;
const sharingMessage = (first: string, second: string) =>
  `this regular expression can take a very long time on a long line, because its repeats "${escape(first)}" and "${escape(second)}" can match the same text one after the other, so the time grows with a power of the line's length`;

test.each(SHARING)('%s is refused at load time, naming both repeats', async (pattern, first, second) => {
  await expect(loadRuleset(write(regexRule(pattern)), read)).rejects.toThrow(new RegExp(`rule-\\d+\\.yaml line 10: check\\.met\\.regex: ${sharingMessage(first, second)}`));
});

test.each([...OVERLAPPING, ...NESTED])('%s is refused at load time, naming the repeat', async (pattern, repeat) => {
  const file = write(regexRule(pattern));
  await expect(loadRuleset(file, read)).rejects.toThrow(
    new RegExp(`rule-\\d+\\.yaml line 10: check\\.met\\.regex: this regular expression can take exponential time on some text, because its repeated part "${escape(repeat)}" can match the same text in more than one way`),
  );
});

test('a link url pattern is held to the same check', async () => {
  await expect(loadRuleset(write(rule('  met:\n    link: {url: "(x+x+)+y"}')), read)).rejects.toThrow(/line 10: check\.met\.link\.url: .*exponential time/);
  await expect(loadRuleset(write(rule('  met:\n    link: {url: "https://(\\\\w|\\\\w)*\\\\.gov\\\\.uk"}')), read)).rejects.toThrow(/line 10: check\.met\.link\.url: .*"\(\\w\|\\w\)\*"/);
  await expect(loadRuleset(write(rule('  met:\n    link: {url: "https://[a-z]+[a-z.]+\\\\.gov\\\\.uk"}')), read)).rejects.toThrow(
    new RegExp(`line 10: check\\.met\\.link\\.url: ${sharingMessage('[a-z]+', '[a-z.]+')}`),
  );
});

test('case is read as the rule will match it: with matchCase, [A-Z][a-z]+ and "and" cannot overlap', async () => {
  const names = '[A-Z][a-z]+(?: (?:[A-Z][a-z]+|and))*';
  // Case-insensitive, "and" is also a capitalised word, and " and and and ..." splits two ways each time.
  await expect(loadRuleset(write(regexRule(names)), read)).rejects.toThrow(/check\.met\.regex: .*exponential time/);
  expect((await loadRuleset(write(regexRule(names, '\n    matchCase: true')), read)).rules).toHaveLength(1);
});

test.each([
  '\\b(SENCO|SENDCo)\\b',
  '0\\d{3,4}\\s?\\d{3}\\s?\\d{3,4}',
  '[\\w.+-]+@[\\w-]+\\.[\\w.]+',
  // A repeat inside a repeat that is still matched one way only (a star-height test refuses it).
  '[A-Z][a-z]+(?: [A-Z][a-z]+)*',
  // "a" and "ab" start alike but a "b" can only be read one way: quadratic at worst, which the
  // 2,000-character window bounds (a few milliseconds), not exponential.
  '(a|ab)*c',
  '(?<![\\d:/-])1 ?(:|-|to) ?1(?![\\d:/-])|\\p{Lu}\\p{Ll}+ local offer',
  // One repeat before something that can fail: the square of the window, a few milliseconds.
  '\\s*,\\s*',
  // Two repeats that can share text, but the first way tried reaches the end of the pattern.
  '\\w+\\s*\\w+',
])('an ordinary pattern loads: %s', async (pattern) => {
  expect((await loadRuleset(write(regexRule(pattern)), read)).rules).toHaveLength(1);
});

test('a looping pattern too large to check in reasonable time is refused with what to do', async () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const huge = `(?:${Array.from({ length: 300 }, (_, i) => `.${letters[i % 26]}${letters[Math.floor(i / 26)]}`).join('|')})*$`;
  await expect(loadRuleset(write(regexRule(huge)), read)).rejects.toThrow(
    /line 10: check\.met\.regex: this regular expression is too large to check for patterns that match slowly; split it into smaller patterns/,
  );
});

/** Every regular expression a matcher holds, with the flags the rule compiler gives it. */
function patterns(m: MatcherSpec | undefined): { pattern: string; flags: string }[] {
  if (!m) return [];
  return [
    ...(m.regex !== undefined ? [{ pattern: m.regex, flags: m.matchCase ? 'u' : 'iu' }] : []),
    ...(m.link?.url !== undefined ? [{ pattern: m.link.url, flags: 'iu' }] : []),
    ...[m.section?.match, m.not, ...(m.all ?? []), ...(m.any ?? [])].flatMap(patterns),
  ];
}

test('every pattern of the built-in rules passes the check they are exempt from at load time', async () => {
  const set = await loadRuleset(BUILTIN_RULESET, read);
  const all = set.rules.flatMap((r) => [...patterns(r.spec.check.met), ...patterns(r.spec.check.partial)]);
  expect(all.length).toBeGreaterThanOrEqual(10);
  expect(all.filter(({ pattern, flags }) => findRegexRisk(pattern, flags) !== null)).toEqual([]);
});

test('the CLI refuses each in one line, exit 2, and never starts the audit', async () => {
  for (const [pattern] of OVERLAPPING) {
    const file = write(regexRule(pattern));
    const name = escape(file.slice(dir.length + 1));
    await expectRefused(['audit', 'fixtures/examples/oakfield-primary.html', '--rules', file], new RegExp(`${name} line 10: check\\.met\\.regex: this regular expression can take exponential time`));
  }
});

test('the CLI refuses two repeats that can share text in one line, exit 2, naming file, line and key', async () => {
  for (const [pattern, first, second] of SHARING.slice(0, 2)) {
    const file = write(regexRule(pattern));
    const name = escape(file.slice(dir.length + 1));
    await expectRefused(['audit', 'fixtures/examples/oakfield-primary.html', '--rules', file], new RegExp(`${name} line 10: check\\.met\\.regex: ${sharingMessage(first, second)}`));
  }
});

test('the checker is loaded only to check a user pattern, not for the built-in rules', () => {
  const user = write(regexRule('\\bSENCO\\b'));
  const loader = pathToFileURL(join(REPO_ROOT, 'dist/rules/loader.js')).href;
  const script = `
    import { createRequire } from 'node:module';
    import { readFile } from 'node:fs/promises';
    const { BUILTIN_RULESET, loadRuleset, loadRulesetFromYaml } = await import(${JSON.stringify(loader)});
    const read = (p) => readFile(p, 'utf8');
    const loaded = () => Object.keys(createRequire(${JSON.stringify(loader)}).cache).filter((k) => /node_modules[\\\\/](refa|@eslint-community)[\\\\/]/.test(k)).length > 0;
    await loadRuleset(BUILTIN_RULESET, read);
    await loadRulesetFromYaml(BUILTIN_RULESET, read);
    const before = loaded();
    await loadRuleset(${JSON.stringify(user)}, read);
    console.log(JSON.stringify([before, loaded()]));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual([false, true]);
});

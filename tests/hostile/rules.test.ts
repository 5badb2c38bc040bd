// Hostile and broken rule and config files (issue #6), through the real CLI: one line naming the
// file (and the line where there is one), exit 2, no stack trace, never a hung process.
// tests/rules/loader.test.ts and tests/config/resolve.test.ts check the messages in detail;
// tests/hostile/regex-safety.test.ts the load-time regex check.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractText } from '../../src/extract/text.js';
import { REGEX_WINDOW, testBounded } from '../../src/rules/evaluate.js';
import { runCli } from '../helpers/cli.js';
import { expectRefused } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'senaudit-hostile-rules-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const REPORT = 'fixtures/examples/oakfield-primary.html';
const rule = (id: string, check: string) =>
  [`id: ${id}`, 'title: Local', 'source: test', 'severity: error', 'appliesTo: [maintained_mainstream]', 'why: test', 'advice: test', 'check:', check].join('\n') + '\n';

// "Billion laughs": nine aliases of nine aliases ... would expand to 9^9 strings.
const aliasBomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n') + '\n';

describe.concurrent('config files', () => {
  test('not valid YAML', () => expectRefused(['audit', REPORT, '--config', write('c-syntax.yaml', 'failOn: error\nseverity: {a: [\n')], /c-syntax\.yaml line \d+: this is not valid YAML/));
  test('an unknown key', () => expectRefused(['audit', REPORT, '--config', write('c-key.yaml', 'failOn: error\nschooltype: special\n')], /c-key\.yaml line 2: .*schooltype/));
  test('a wrong type', () => expectRefused(['audit', REPORT, '--config', write('c-type.yaml', 'checkLinks: [yes]\n')], /c-type\.yaml line 1: checkLinks/));
  test('an alias bomb is refused, not expanded', () =>
    expectRefused(['audit', REPORT, '--config', write('c-bomb.yaml', aliasBomb)], /c-bomb\.yaml: it repeats YAML aliases .* could exhaust memory/));
  test('nesting 20,000 deep', () => expectRefused(['audit', REPORT, '--config', write('c-deep.yaml', `schoolType: ${'['.repeat(20_000)}\n`)], /c-deep\.yaml line 1: this is not valid YAML/));
  test('an inline rule with a catastrophic pattern', () =>
    expectRefused(
      ['audit', REPORT, '--config', write('c-regex.yaml', `extends: senaudit:builtin\nrules:\n  - ${rule('local-x', '  met:\n    regex: "(\\\\w+\\\\s?)+$"').trimEnd().split('\n').join('\n    ')}\n`)],
      /c-regex\.yaml line \d+: rules\[0\]\.check\.met\.regex: this regular expression can take exponential time/,
    ));
});

describe.concurrent('rule files', () => {
  test('a wrong type', () => expectRefused(['audit', REPORT, '--rules', write('r-type.yaml', rule('r-type', '  met:\n    phrases: 42'))], /r-type\.yaml line 10: check\.met\.phrases/));
  test('a rule id used twice', () =>
    expectRefused(['audit', REPORT, '--rules', write('r-dup.yaml', `rules:\n  - ${rule('twice', '  met:\n    phrases: [senco]').trimEnd().split('\n').join('\n    ')}\n  - ${rule('twice', '  met:\n    phrases: [local offer]').trimEnd().split('\n').join('\n    ')}\n`)], /r-dup\.yaml: rule id "twice" is used twice/));
  test('an alias bomb', () => expectRefused(['audit', REPORT, '--rules', write('r-bomb.yaml', aliasBomb)], /r-bomb\.yaml: it repeats YAML aliases/));
});

describe('patterns that pass the load-time check but backtrack polynomially are bounded at run time', () => {
  // `[a-z ]*!` on a long run with no "!": quadratic, 19 s on 100,000 characters unbounded.
  const slow = /[a-z ]*!/i;
  const sentence = 'we support every child and family '.repeat(3000); // ~100,000 characters, no full stop

  test('a long sentence is tested in windows: bounded time, and matches anywhere are still found', () => {
    const started = Date.now();
    expect(testBounded(slow, sentence)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(testBounded(/child and family!/, `${sentence}child and family!`)).toBe(true);
    expect(testBounded(/^we support/, sentence)).toBe(true);
    // A match across a window boundary (shorter than the overlap) is found too.
    const across = `${'x'.repeat(REGEX_WINDOW - 10)}the Local Offer${'x'.repeat(REGEX_WINDOW)}`;
    expect(testBounded(/the Local Offer/, across)).toBe(true);
  });

  test('through the CLI, a local rule with such a pattern on a 100,000-character sentence finishes', { timeout: 60_000 }, async () => {
    const report = write('long.txt', `SEN Information Report\n\nOur SENCO is Mrs Jo Bell (senco@example.sch.uk). ${sentence}\n`);
    expect(extractText(`${sentence}`, false).blocks).toHaveLength(1);
    const rules = write('r-slow.yaml', rule('r-slow', '  met:\n    regex: "[a-z ]*!"'));
    const started = Date.now();
    const r = await runCli(['audit', report, '--rules', rules, '--format', 'json', '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results).toMatchObject([{ id: 'r-slow', status: 'missing' }]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

// The exponential-backtracking check on its own (issue #6); tests/hostile/regex-safety.test.ts
// checks it through rule files and the CLI. During development its verdicts were compared with
// recheck's automaton checker on 17,000 random patterns: every pattern recheck called
// exponential was refused here, and with unbounded repeats only the two agreed exactly.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findRegexRisk } from '../../src/rules/regex-ambiguity.js';

/** The repeat named as the cause, null when the pattern passes, or 'unchecked'. */
const verdict = (pattern: string, flags = 'iu') => {
  const risk = findRegexRisk(pattern, flags);
  return risk === null ? null : risk.kind === 'exponential' ? risk.repeat : risk.kind;
};

describe('refused: a repeat whose body can read the same text in two ways', () => {
  test.each([
    ['(a?a?)*$', '(a?a?)*'], // "aa" is one pass or two
    ['(a*)*b', '(a*)*'], // inner or outer loop for each "a"
    ['(a|b|ab)*c', '(a|b|ab)*'], // "ab" as one alternative or two
    ['(?:\\p{L}|\\w)+$', '(?:\\p{L}|\\w)+'], // a letter is in both
    ['(?:é|É)*x', '(?:é|É)*'], // the same letter, case-insensitively
    // A bounded repeat is read as unbounded: 30 passes with two ways each is 2^30 steps.
    ['(a|a){0,30}b', '(a|a){0,30}'],
    ['(?:\\w+\\s?){0,3}x', '(?:\\w+\\s?){0,3}'],
    // A lookaround runs its body as a pattern of its own.
    ['(?=(a|a)*$)b', '(a|a)*'],
    ['(?<=(\\w+\\s?)+)x', '(\\w+\\s?)+'],
  ])('%s', (pattern, repeat) => {
    expect(verdict(pattern)).toBe(repeat);
  });
});

describe('accepted: every part of the text is read one way, or only a power of the length is at stake', () => {
  test.each([
    '(?:on|of)*x', // start alike, end apart
    '(ab|ac)*x',
    '(a|ab)*c',
    '(?:a?)+b', // V8 ends the loop on a pass that reads nothing
    '(?:\\s*,\\s*\\w+)+y',
    '(?:\\w+\\s){0,3}x',
    '\\s*,\\s*', // quadratic: bounded by the 2,000-character window
    'a.*b.*c',
    '[^\\s\\S](a|a)*', // the repeat can never be reached
  ])('%s', (pattern) => {
    expect(verdict(pattern)).toBeNull();
  });
});

test('case matters: with the flags of a matchCase rule, [A-Z] and "a" cannot overlap', () => {
  expect(verdict('([A-Z]|a)*!', 'iu')).toBe('([A-Z]|a)*');
  expect(verdict('([A-Z]|a)*!', 'u')).toBeNull();
  expect(verdict('(?:é|É)*x', 'u')).toBeNull();
});

test('a looping pattern too large to check within the work allowed is reported as unchecked', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  // Unambiguous (the last two letters tell the alternatives apart), but 300 of them start alike.
  const huge = `(?:${Array.from({ length: 300 }, (_, i) => `.${letters[i % 26]}${letters[Math.floor(i / 26)]}`).join('|')})*$`;
  expect(verdict(huge)).toBe('unchecked');
  // The same alternatives without the loop need no such work.
  expect(verdict(huge.replace(/\)\*\$$/, ')$'))).toBeNull();
});

/** Small patterns that always read at least one character, with no repeat of their own. */
const piece: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'A', '\\w', '\\d', '\\s', '.', '[ab]', '[^a]', '\\p{L}', ','),
    fc.tuple(tie('p'), tie('p')).map(([x, y]) => `${x}${y}`),
    fc.tuple(tie('p'), tie('p')).map(([x, y]) => `(?:${x}|${y})`),
    tie('p').map((x) => `(?:${x})?a`),
    tie('p').map((x) => `(?<!x)${x}\\b`),
  ),
})).p;

test('a pattern without any repeat is never refused', () => {
  fc.assert(fc.property(piece, (p) => verdict(`${p}$`) === null));
});

test('a repeat of two alternatives that can read the same text, or of a repeat, is always refused, and named', () => {
  fc.assert(
    fc.property(piece, fc.constantFrom('*', '+', '{2,}', '{0,9}'), (p, q) => {
      expect(verdict(`x(?:${p}|${p})${q}$`)).toBe(`(?:${p}|${p})${q}`);
      expect(verdict(`x(?:(?:${p})+)${q}$`)).toBe(`(?:(?:${p})+)${q}`);
    }),
  );
});

// The exponential- and polynomial-backtracking check on its own (issue #6);
// tests/hostile/regex-safety.test.ts checks it through rule files and the CLI. During development its verdicts were compared with
// recheck's automaton checker on 17,000 random patterns: every pattern recheck called
// exponential was refused here, and with unbounded repeats only the two agreed exactly.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findRegexRisk } from '../../src/rules/regex-ambiguity.js';

/** The repeat (or two) named as the cause, null when the pattern passes, or 'unchecked'. */
const verdict = (pattern: string, flags = 'iu') => {
  const risk = findRegexRisk(pattern, flags);
  if (risk === null || risk.kind === 'unchecked') return risk && risk.kind;
  return risk.kind === 'exponential' ? risk.repeat : risk.repeats;
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
    'a[^b]*b[^c]*c', // the two repeats cannot read the same text
    '[^\\s\\S](a|a)*', // the repeat can never be reached
  ])('%s', (pattern) => {
    expect(verdict(pattern)).toBeNull();
  });
});

describe('refused: two repeats that can read the same text one after the other, then something that can fail', () => {
  test.each([
    ['\\w*\\w*!', '\\w*', '\\w*'], // about 2 s on a 2,000-character window
    ['a*a*a*b', 'a*', 'a*'],
    ['\\d+\\d+x', '\\d+', '\\d+'],
    ['(?:\\s|\\w)*\\s*:', '(?:\\s|\\w)*', '\\s*'],
    ['[a-z]+[a-z0-9]+@', '[a-z]+', '[a-z0-9]+'],
    ['a.*b.*c', '.*', '.*'], // "abab...": each b can end the first; 0.6 s per window
    ['\\w*\\w*$', '\\w*', '\\w*'], // an anchor at the end can fail
    ['\\w*\\w*(?!x)', '\\w*', '\\w*'], // so can a lookaround
    ['\\w*\\w{2,}', '\\w*', '\\w{2,}'], // after one pass {2,} needs another
    ['\\w{0,1000}\\w{0,1000}!', '\\w{0,1000}', '\\w{0,1000}'], // a million ways at each start
    ['\\w*\\w{0,9}\\w{0,9}!', '\\w*', '\\w{0,9}'], // each {0,9} ten ways: 0.8 s per window, 6.7 s with three
    ['(?=\\w*\\w*!)x', '\\w*', '\\w*'], // a lookahead runs its body as a pattern of its own
  ])('%s', (pattern, first, second) => {
    expect(verdict(pattern)).toEqual([first, second]);
  });
});

describe('accepted: repeats that cannot share text, or after which nothing can fail', () => {
  test.each([
    '\\w+\\s*\\w+', // the first way tried reaches the end of the pattern, and succeeds
    '\\w*\\w*(?:!x)?', // what may follow is optional
    '(?=\\w*\\w*)x', // a lookahead's body succeeds on its first way too
    '\\bSENCO\\b',
    '0\\d{3,4}\\s?\\d{3}\\s?\\d{3,4}', // bounded: a handful of ways at each start
    // [\w-]+ cannot read the "." that must come before [\w.]+, nor [\w.+-]+ the "@": each run of
    // text splits one way only, so this passes even with something after it that can fail.
    '[\\w.+-]+@[\\w-]+\\.[\\w.]+',
    '[\\w.+-]+@[\\w-]+\\.[\\w.]+!',
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

test('two repeats of the same piece in a row, before a character that can fail, are always refused', () => {
  fc.assert(
    fc.property(piece, fc.constantFrom('*', '+', '{2,}', '{0,99}'), (p, q) => {
      const twice = `(?:${p})${q}`;
      const v = verdict(`x${twice}${twice}!`);
      // A piece that is itself ambiguous makes its repeat exponential, which is named instead.
      expect(v).not.toBeNull();
      if (Array.isArray(v)) expect(v).toEqual([twice, twice]);
    }),
  );
});

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

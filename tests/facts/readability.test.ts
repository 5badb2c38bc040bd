import { describe, expect, it } from 'vitest';
import { readingEase, wordCount } from '../../src/facts/readability.js';
import { syllables } from '../../src/facts/syllables.js';
import { makeDoc } from './make-doc.js';

const repeat = (lines: string[], times: number) => Array.from({ length: times }, () => lines).flat();

const EASY = [
  'We help each child to learn.',
  'If you are worried, talk to us.',
  'Your child will have a plan.',
  'We meet you to check how it is going.',
  'The SENCO is Miss Reed. You can call her at school.',
];
const HARD = [
  'Identification of additional educational requirements necessitates comprehensive multidisciplinary evaluation, incorporating standardised psychometric assessment alongside systematic observational methodologies undertaken collaboratively by appropriately qualified professionals.',
  'Consequently, differentiated pedagogical interventions, individually calibrated to accommodate heterogeneous developmental trajectories, are implemented continuously and evaluated periodically against predetermined quantitative and qualitative indicators.',
];

describe('syllables', () => {
  it('estimates common words', () => {
    const cases: [string, number][] = [
      ['child', 1], ['make', 1], ['helped', 1], ['needed', 2], ['little', 2], ['provides', 2], ['classes', 2],
      ['teacher', 2], ['support', 2], ['education', 4], ['individual', 5], ['social', 2], ['a', 1], ['SENCO', 2],
    ];
    for (const [word, n] of cases) expect(syllables(word), word).toBe(n);
  });

  it('gives 0 for a token with no letters', () => {
    expect(syllables('2025')).toBe(0);
  });
});

describe('readingEase', () => {
  it('scores short plain sentences high and long Latinate ones low', () => {
    const easy = readingEase(makeDoc(repeat(EASY, 5)));
    const hard = readingEase(makeDoc(repeat(HARD, 5)));
    expect(easy).not.toBeNull();
    expect(hard).not.toBeNull();
    expect(easy!).toBeGreaterThan(80);
    expect(hard!).toBeLessThan(10);
  });

  it('matches the Flesch formula on a counted sample', () => {
    // 10 identical sentences of 10 one-syllable words: 206.835 - 1.015*10 - 84.6*1
    const sentence = 'The cat sat on the mat and ate the fish.';
    expect(readingEase(makeDoc(repeat([sentence], 10)))).toBeCloseTo(206.835 - 10.15 - 84.6, 5);
  });

  it('counts a list item without a full stop as one sentence and ignores headings', () => {
    const items = repeat(['- the cat sat on the mat and ate the fish'], 10);
    const withHeading = ['# Identification of additional educational requirements necessitates evaluation', ...items];
    expect(readingEase(makeDoc(withHeading))).toBeCloseTo(206.835 - 10.15 - 84.6, 5);
  });

  it('does not split sentences at "e.g." or "Mrs."', () => {
    const a = readingEase(makeDoc(repeat(['Ask Mrs. Patel for help, e.g. with reading and the times tables at home.'], 12)));
    const b = readingEase(makeDoc(repeat(['Ask Mrs Patel for help, eg with reading and the times tables at home.'], 12)));
    expect(a).toBeCloseTo(b!, 0);
  });

  it('is null for fewer than 100 words', () => {
    expect(readingEase(makeDoc(EASY))).toBeNull();
  });
});

describe('wordCount', () => {
  it('counts words and numbers in every block, headings included, but not bare symbols', () => {
    expect(wordCount(makeDoc(['# Our offer', 'We help – every child.', '- 1:1 reading']))).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/facts/date-mentions.js';

const values = (text: string) => findDateMentions(text).map((m) => m.value);

describe('findDateMentions', () => {
  it('reads day-month-year dates in words', () => {
    expect(values('Signed on 3 February 2025.')).toEqual(['2025-02-03']);
    expect(values('Approved 21st of Sept. 2024')).toEqual(['2024-09-21']);
    expect(values('On October 7, 2025 we met.')).toEqual(['2025-10-07']);
  });

  it('reads numeric dates day first, as written in the UK', () => {
    expect(values('Reviewed 12/09/2025')).toEqual(['2025-09-12']);
    expect(values('Reviewed 03.11.2024')).toEqual(['2024-11-03']);
    expect(values('Reviewed 5/1/25')).toEqual(['2025-01-05']);
    expect(values('ISO 2025-06-30')).toEqual(['2025-06-30']);
  });

  it('rejects impossible numeric dates and section numbers', () => {
    expect(values('on 31/02/2025')).toEqual([]); // no 31 February, and the year is part of it
    expect(values('see paragraph 6.79 and 3.2.1')).toEqual([]);
    // "3.2.12" could be 3 February 2012: found, but only as a weak date that needs a cue.
    expect(findDateMentions('see paragraph 3.2.12').every((m) => m.weak)).toBe(true);
  });

  it('reads a month and year', () => {
    const [m] = findDateMentions('Updated: Jan 2026');
    expect(m).toMatchObject({ value: '2026-01', precision: 'month', academic: false, weak: false });
  });

  it('does not read a month with a two-digit year, which is as often a day', () => {
    expect(values('the register in June 23 showed')).toEqual([]);
  });

  it('reads academic years in their common spellings as the start year', () => {
    for (const text of ['2024-2025', '2024-25', '2024/25', '2024 – 2025', '2024 to 2025', '2024/2025']) {
      const [m] = findDateMentions(`Report ${text}`);
      expect(m, text).toMatchObject({ value: '2024', academic: true, weak: false });
    }
  });

  it('does not take a span of several years as an academic year', () => {
    const ms = findDateMentions('Plan 2022-2025');
    expect(ms.every((m) => !m.academic)).toBe(true);
  });

  it('marks two-digit academic years and bare years as weak', () => {
    expect(findDateMentions('Report 25-26')[0]).toMatchObject({ value: '2025', academic: true, weak: true });
    expect(findDateMentions('in 2019 we')[0]).toMatchObject({ value: '2019', weak: true });
    expect(values('pupils aged 16-19 and 0-25')).toEqual([]);
  });

  it('reads school terms as their year', () => {
    expect(findDateMentions('Written Spring term 2025')[0]).toMatchObject({ value: '2025', sortMonth: 1 });
  });

  it('skips dates inside web addresses and email addresses', () => {
    expect(values('see https://example.org/2014/1530/file and a.b2020@school.org')).toEqual([]);
  });

  it('gives positions in the text', () => {
    const text = 'Date: March 2025';
    const [m] = findDateMentions(text);
    expect(text.slice(m!.start, m!.end)).toBe('March 2025');
  });
});

describe('findDateMentions: dotted dates with two-digit years', () => {
  it('reads them as weak, since section numbers look the same', () => {
    expect(findDateMentions('Date: 01.09.25')[0]).toMatchObject({ value: '2025-09-01', weak: true });
  });
});

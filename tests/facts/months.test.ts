import { describe, expect, it } from 'vitest';
import { isWithinMonths, monthsBetween } from '../../src/facts/report-date.js';

describe('monthsBetween', () => {
  it('counts whole months, rounding down by the day', () => {
    expect(monthsBetween('2025-09-12', '2026-09-11')).toBe(11);
    expect(monthsBetween('2025-09-12', '2026-09-12')).toBe(12);
    expect(monthsBetween('2025-09', '2026-11-01')).toBe(14);
  });

  it('places a year alone at September, the start of the school year it names', () => {
    expect(monthsBetween('2025', '2026-08-31')).toBe(11);
    expect(monthsBetween('2025', '2026-09-01')).toBe(12);
  });

  it('is negative for a date after the as-of date', () => {
    expect(monthsBetween('2026-12', '2026-11-01')).toBe(-1);
  });
});

describe('isWithinMonths', () => {
  it('keeps a 2025-26 report current through the school year and a month beyond', () => {
    expect(isWithinMonths('2025', '2026-07-15', 12)).toBe(true);
    expect(isWithinMonths('2025', '2026-09-30', 12)).toBe(true);
    expect(isWithinMonths('2025', '2026-10-01', 12)).toBe(false);
  });

  it('treats a future date as within', () => {
    expect(isWithinMonths('2027-01-01', '2026-11-01', 12)).toBe(true);
  });
});

// How old a report date is, for the annual-update requirement ("updated annually").

/**
 * Where a date of month or year precision is placed in time.
 *
 * A year alone ('2025') is placed at September of that year, the start of the school year it
 * names. The report date finder gives a year alone almost only for an academic year ("SEN
 * Information Report 2025-26" -> '2025'), which is current from September 2025 to August 2026,
 * and when it gives a calendar year ("Report – 2025"), September is also the month schools
 * usually republish: reading it as January would call a report stale up to eight months early.
 * A month alone ('2025-09') is placed on its first day.
 */
function parts(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) throw new Error(`Not a date: ${date}`);
  const y = Number(match[1]);
  if (match[2] === undefined) return { y, m: 9, d: 1 };
  return { y, m: Number(match[2]), d: match[3] === undefined ? 1 : Number(match[3]) };
}

/**
 * Whole months from `date` to `asOf` ('YYYY-MM-DD'), rounded down: 2025-09-12 to 2026-09-11 is
 * 11, to 2026-09-12 is 12. Negative when `date` is after `asOf`.
 */
export function monthsBetween(date: string, asOf: string): number {
  const a = parts(date);
  const b = parts(asOf);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (months > 0 && b.d < a.d) months -= 1;
  if (months < 0 && b.d > a.d) months += 1;
  return months;
}

/** The report date is no more than `months` whole months before `asOf` (a date after `asOf` is within). */
export function isWithinMonths(date: string, asOf: string, months: number): boolean {
  return monthsBetween(date, asOf) <= months;
}

// Finds every date written in a piece of text, whatever it is the date of.
// Deciding which of them is the report's own date is report-date.ts's job.
import { EMAIL } from '../rules/entities.js';

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. An academic year ("2024-25") is its start year. */
  value: string;
  precision: DatePrecision;
  /** An academic or school year ("2024-25", "2024 to 2025", "23-24"). */
  academic: boolean;
  /**
   * A bare year ("2024") or a two-digit academic year ("23-24"): numbers like these are often
   * something else (a law's year, an age range), so they count only right next to a report name.
   */
  weak: boolean;
  /** Month used to order a year-only date against others (academic year: 9, a term: its start). */
  sortMonth: number;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const TERM_MONTH: Record<string, number> = { autumn: 9, spring: 1, summer: 4 };

const MIN_YEAR = 1990;
const MAX_YEAR = 2099;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;
}

function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Is `b` the year after `a`, where `b` may be written with two digits ("2024-25")? */
function nextYear(a: number, bText: string): boolean {
  const b = Number(bText);
  return bText.length === 2 ? b === (a + 1) % 100 : b === a + 1;
}

type Build = (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end'> | null;

function day(y: number, mo: number, d: number): Omit<DateMention, 'start' | 'end'> | null {
  if (!validYear(y) || !validDay(y, mo, d)) return null;
  return { value: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day', academic: false, weak: false, sortMonth: mo };
}

function month(y: number, mo: number): Omit<DateMention, 'start' | 'end'> | null {
  if (!validYear(y) || mo < 1 || mo > 12) return null;
  return { value: `${y}-${pad(mo)}`, precision: 'month', academic: false, weak: false, sortMonth: mo };
}

// Most specific first: a span taken by one pattern is not matched again by a later one
// ("12 March 2025" is a day, not also a month and a bare year).
const PATTERNS: { re: RegExp; build: Build }[] = [
  // ISO 2025-09-12
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, build: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])) },
  // UK numeric dates are day first: 12/09/2025, 12.09.2025, 12-09-2025, 12/09/25.
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g, build: (m) => day(fullYear(m[3]!), Number(m[2]), Number(m[1])) },
  { re: /\b(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b/g, build: (m) => day(Number(m[3]), Number(m[2]), Number(m[1])) },
  // 01.09.25 is a date, but "3.2.12" is a section number: weak, so it needs a cue right before it.
  {
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/g,
    build: (m) => {
      const d = day(fullYear(m[3]!), Number(m[2]), Number(m[1]));
      return d && { ...d, weak: true };
    },
  },
  // 12 September 2025, 12th of Sept. 2025
  {
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})\b`, 'gi'),
    build: (m) => day(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  // September 12, 2025
  {
    re: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gi'),
    build: (m) => day(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
  // September 2025 (a two-digit year after a month, "July 22", is as often a day: not taken)
  { re: new RegExp(String.raw`\b${MONTH}\.?,?\s+(\d{4})\b`, 'gi'), build: (m) => month(Number(m[2]), monthNumber(m[1]!)) },
  // A month and year in figures: 09/2026, 9/2026.
  { re: /(?<![\d/.])(\d{1,2})\/((?:19|20)\d\d)(?![\d/])/g, build: (m) => month(Number(m[2]), Number(m[1])) },
  // Academic years: 2024-2025, 2024-25, 2024/25, 2024 – 2025, 2024 to 2025. Only consecutive years:
  // "2022-2025" is a span (an accessibility plan's three years), not a school year.
  {
    re: /\b((?:19|20)\d\d)\s*(?:[-–—/]|to)\s*((?:19|20)?\d\d)(?![\d/])/gi,
    build: (m) => {
      const y = Number(m[1]);
      if (!validYear(y) || !nextYear(y, m[2]!)) return null;
      return { value: String(y), precision: 'year', academic: true, weak: false, sortMonth: 9 };
    },
  },
  // Autumn term 2024, Summer 2025
  {
    re: /\b(autumn|spring|summer)(?:\s+term)?\s+(\d{4})\b/gi,
    build: (m) => {
      const y = Number(m[2]);
      if (!validYear(y)) return null;
      return { value: String(y), precision: 'year', academic: false, weak: false, sortMonth: TERM_MONTH[m[1]!.toLowerCase()] ?? 1 };
    },
  },
  // Two-digit academic year "23-24": weak (ages 16-17 look the same).
  {
    re: /(?<![\d/.:-])(\d\d)\s*[-–/]\s*(\d\d)(?![\d/.:-])/g,
    build: (m) => {
      const a = Number(m[1]);
      if (a < 10 || a > 60 || !nextYear(a, m[2]!)) return null;
      return { value: String(2000 + a), precision: 'year', academic: true, weak: true, sortMonth: 9 };
    },
  },
  // A bare year: weak.
  {
    re: /(?<![\d/.£$-])((?:19|20)\d\d)(?![\d/%-])/g,
    build: (m) => {
      const y = Number(m[1]);
      if (!validYear(y)) return null;
      return { value: String(y), precision: 'year', academic: false, weak: true, sortMonth: 1 };
    },
  },
];

// An address, or an email address as the entity matcher reads one (src/rules/entities.ts): each
// alternative can start only where its run starts, so the scan is linear on any line.
const URL_RE = new RegExp(String.raw`(?<![\w.-])(?:https?:\/\/|www\.)\S+|${EMAIL.source}`, 'gi');

/** All dates in `text`, in the order they appear. Dates inside URLs and email addresses are skipped. */
export function findDateMentions(text: string): DateMention[] {
  const taken: [number, number][] = [];
  for (const m of text.matchAll(URL_RE)) taken.push([m.index, m.index + m[0].length]);
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const found: DateMention[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const date = build(m);
      if (!date) continue;
      found.push({ ...date, start, end });
      taken.push([start, end]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

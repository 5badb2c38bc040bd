import { InvalidArgumentError } from 'commander';
import { SCHOOL_TYPES, SEVERITIES, type SchoolType, type Severity } from '../rules/vocabulary.js';

/** Option parsers: each rejects bad input with a sentence that says what is accepted. */

export function parseAsOf(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('give a date as YYYY-MM-DD, e.g. 2026-09-01.');
  }
  return value;
}

export function parseSchoolType(value: string): SchoolType {
  if ((SCHOOL_TYPES as readonly string[]).includes(value)) return value as SchoolType;
  throw new InvalidArgumentError(`use one of: ${SCHOOL_TYPES.join(', ')}.`);
}

export function parseSeverity(value: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new InvalidArgumentError(`use one of: ${SEVERITIES.join(', ')}.`);
}

/** The longest --timeout: an hour is far past any real server, and well inside what a timer can hold (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_SECONDS = 3600;

export function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('give a number of seconds greater than 0, e.g. 30.');
  if (n > MAX_TIMEOUT_SECONDS) throw new InvalidArgumentError(`give at most ${MAX_TIMEOUT_SECONDS} seconds (an hour), e.g. 120.`);
  return n;
}

export function parseBytes(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('give a size in bytes, or with KB/MB/GB, e.g. 20MB.');
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  const n = Math.floor(Number(m[1]) * unit);
  if (n <= 0) throw new InvalidArgumentError('give a size greater than 0.');
  return n;
}

export const FORMATS = ['text', 'json', 'markdown', 'html', 'junit', 'github', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new InvalidArgumentError(`use one of: ${FORMATS.join(', ')}.`);
}

/** A whole number from `min` to `max` (e.g. --concurrency, --max-pages). */
export function parseIntInRange(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`give a whole number from ${min} to ${max}.`);
    return n;
  };
}

/** --shard k/n: this job's share of the input, 1 <= k <= n. */
export function parseShard(value: string): { k: number; n: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const k = m ? Number(m[1]) : 0;
  const n = m ? Number(m[2]) : 0;
  if (!m || n < 1 || k < 1 || k > n || n > 10_000) throw new InvalidArgumentError('give k/n with 1 <= k <= n, e.g. 2/4 for the second of four shares.');
  return { k, n };
}

const BATCH_REPORT_NAMES = ['html', 'markdown', 'junit', 'github'] as const;
export type BatchFormat = (typeof BATCH_REPORT_NAMES)[number];

/** batch --format html,markdown,junit,github: the reports to write beside summary.csv (github: annotations on stdout). */
export function parseBatchReports(value: string): (typeof BATCH_REPORT_NAMES)[number][] {
  const names = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !(BATCH_REPORT_NAMES as readonly string[]).includes(n));
  if (names.length === 0 || bad.length) throw new InvalidArgumentError(`use one or more of: ${BATCH_REPORT_NAMES.join(', ')} (comma-separated).`);
  return [...new Set(names)] as (typeof BATCH_REPORT_NAMES)[number][];
}

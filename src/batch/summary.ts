import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { countGapsAtOrAbove } from '../cli/gaps.js';
import type { Severity } from '../rules/vocabulary.js';
import { neutraliseCell } from './csv-safe.js';
import { LatestLines } from './latest-lines.js';
import type { ResultLine, SchoolOutcome } from './types.js';

export const SUMMARY_FILE = 'summary.csv';

/** The fixed columns of summary.csv; one column per requirement id follows them. */
export const SUMMARY_COLUMNS = [
  'urn',
  'name',
  'la',
  'school_type',
  'url',
  'report_url',
  'report_date',
  'report_date_source',
  'kind',
  'status',
  'met',
  'partial',
  'missing',
  'not_applicable',
  'reason',
] as const;

export interface SummaryOptions {
  /** results.ndjson files; for a school in several lines, the last line read wins (files in order). */
  files: string[];
  /** Where summary.csv goes; written to a temp file beside it, then renamed. */
  outPath: string;
  failOn: Severity;
  /** A batch run: only these keys, in this order. Absent (merge): every key, by input row then key. */
  order?: readonly string[];
  /** Requirement ids known up front (the ruleset's), in column order; others are added as seen. */
  requirementIds?: readonly string[];
}

export interface RequirementShare {
  id: string;
  title: string;
  met: number;
  /** Audited schools the requirement applies to (not not_applicable). */
  applicable: number;
}

export interface SummaryResult {
  schools: number;
  counts: Record<SchoolOutcome['status'], number>;
  requirements: RequirementShare[];
  /** Requirement ids in column order. */
  requirementIds: string[];
  /** The results read, for the other outputs written from the same lines (summary.xlsx, letters). */
  latest: LatestLines;
  /** An audited school with gaps at or above --fail-on, or a school whose report was not found. */
  anyGaps: boolean;
  /** A school that could not be audited. */
  anyErrors: boolean;
}

/**
 * results.ndjson -> summary.csv, one row per school in input order, streamed (LatestLines), and
 * the counts the end summary needs.
 */
export async function writeSummary(o: SummaryOptions): Promise<SummaryResult> {
  const titles = new Map<string, string>((o.requirementIds ?? []).map((id) => [id, id]));
  const latest = await LatestLines.index(o.files, o.order, (line) => {
    if (line.status === 'audited') for (const f of line.report.results) if (!titles.has(f.id) || titles.get(f.id) === f.id) titles.set(f.id, f.title);
  });
  const ids = [...titles.keys()];
  const shares = new Map(ids.map((id) => [id, { id, title: titles.get(id)!, met: 0, applicable: 0 }]));
  const result: SummaryResult = {
    schools: 0,
    counts: { audited: 0, not_found: 0, error: 0, skipped: 0 },
    requirements: [...shares.values()],
    requirementIds: ids,
    latest,
    anyGaps: false,
    anyErrors: false,
  };

  const tmp = `${o.outPath}.${randomBytes(6).toString('hex')}.tmp`;
  const out = await open(tmp, 'w');
  try {
    await out.write(`\ufeff${stringify([[...SUMMARY_COLUMNS, ...ids]])}`);
    let batch = '';
    for await (const line of latest.lines()) {
      tally(line, o.failOn, result, shares);
      batch += stringify([summaryRow(line, ids).map(neutraliseCell)]);
      if (batch.length > 64 * 1024) {
        await out.write(batch);
        batch = '';
      }
    }
    await out.write(batch);
    await out.sync();
    await out.close();
    await rename(tmp, o.outPath);
  } catch (e) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  return result;
}

function tally(line: ResultLine, failOn: Severity, r: SummaryResult, shares: Map<string, RequirementShare>): void {
  r.schools++;
  r.counts[line.status]++;
  if (line.status === 'error') r.anyErrors = true;
  if (line.status === 'not_found') r.anyGaps = true;
  if (line.status !== 'audited') return;
  if (countGapsAtOrAbove(line.report.results, failOn) > 0) r.anyGaps = true;
  for (const f of line.report.results) {
    const s = shares.get(f.id);
    if (!s || f.status === 'not_applicable') continue;
    s.applicable++;
    if (f.status === 'met') s.met++;
  }
}

/** One summary.csv row (before neutralising): the fixed columns, then each requirement's status. */
export function summaryRow(line: ResultLine, ids: readonly string[]): (string | number | null)[] {
  const s = line.school;
  const common = [s.urn, s.name, s.la];
  if (line.status === 'audited') {
    const rep = line.report;
    const byId = new Map(rep.results.map((f) => [f.id, f.status]));
    return [
      ...common,
      rep.schoolType,
      s.url,
      line.reportUrl,
      rep.document.date,
      rep.document.dateSource,
      rep.document.kind,
      'audited',
      rep.summary.met,
      rep.summary.partial,
      rep.summary.missing,
      rep.summary.notApplicable,
      null,
      ...ids.map((id) => byId.get(id) ?? null),
    ];
  }
  const reason = line.status === 'error' ? line.error.message : line.status === 'skipped' ? line.reason : line.message;
  return [...common, s.schoolType, s.url, null, null, null, null, line.status, null, null, null, null, reason, ...ids.map(() => null)];
}

import type { ResultLine, SchoolOutcome } from '../batch/types.js';
import type { Finding, Status } from '../rules/types.js';

export type SchoolStatus = SchoolOutcome['status'];

/** One requirement whose status moved between the runs. */
export interface RuleChange {
  id: string;
  title: string;
  severity: Finding['severity'] | null;
  /** null: the rule was not in that run's rule set. */
  from: Status | null;
  to: Status | null;
}

export interface SchoolDiff {
  key: string;
  name: string | null;
  /** added: only in the new run; gone: only in the old; changed: status or any requirement moved. */
  change: 'added' | 'gone' | 'changed' | 'unchanged';
  from: SchoolStatus | null;
  to: SchoolStatus | null;
  /** For a school that is no longer audited (or was not before): the message or reason. */
  detail: string | null;
  /** Were partial or missing, now met. */
  nowMet: RuleChange[];
  /** Were met, now partial or missing. */
  newGaps: RuleChange[];
  /** Every other move: partial <-> missing, (not) applicable, rules added to or dropped from the set. */
  other: RuleChange[];
}

export interface DiffSide {
  file: string;
  schools: number;
  /** The as-of dates of the run (usually one). */
  asOf: string[];
}

export interface ResultsDiff {
  schemaVersion: 1;
  old: DiffSide;
  new: DiffSide;
  summary: { changed: number; unchanged: number; added: number; gone: number; nowMet: number; newGaps: number };
  /** Schools in the new run's order, then the schools gone from it in the old run's order. */
  schools: SchoolDiff[];
}

const GAP = new Set<Status>(['partial', 'missing']);

/** Compares two runs school by school (by school.key) and requirement by requirement (by rule id). */
export function diffResults(
  oldRun: { file: string; schools: Map<string, ResultLine> },
  newRun: { file: string; schools: Map<string, ResultLine> },
): ResultsDiff {
  const schools: SchoolDiff[] = [];
  for (const [key, now] of newRun.schools) schools.push(diffSchool(key, oldRun.schools.get(key) ?? null, now));
  for (const [key, was] of oldRun.schools) if (!newRun.schools.has(key)) schools.push(diffSchool(key, was, null));
  const count = (c: SchoolDiff['change']) => schools.filter((s) => s.change === c).length;
  return {
    schemaVersion: 1,
    old: side(oldRun),
    new: side(newRun),
    summary: {
      changed: count('changed'),
      unchanged: count('unchanged'),
      added: count('added'),
      gone: count('gone'),
      nowMet: schools.reduce((n, s) => n + s.nowMet.length, 0),
      newGaps: schools.reduce((n, s) => n + s.newGaps.length, 0),
    },
    schools,
  };
}

function side(run: { file: string; schools: Map<string, ResultLine> }): DiffSide {
  const asOf = [...new Set([...run.schools.values()].map((l) => l.asOf))].sort();
  return { file: run.file, schools: run.schools.size, asOf };
}

function diffSchool(key: string, was: ResultLine | null, now: ResultLine | null): SchoolDiff {
  const name = now?.school.name ?? was?.school.name ?? null;
  const base = { key, name, from: was?.status ?? null, to: now?.status ?? null, nowMet: [], newGaps: [], other: [] };
  if (!was) return { ...base, change: 'added', detail: now ? detailOf(now) : null };
  if (!now) return { ...base, change: 'gone', detail: null };
  if (was.status !== 'audited' || now.status !== 'audited') {
    const same = was.status === now.status;
    return { ...base, change: same ? 'unchanged' : 'changed', detail: same ? null : detailOf(now) ?? detailOf(was) };
  }
  const before = new Map(was.report.results.map((f) => [f.id, f]));
  const after = new Map(now.report.results.map((f) => [f.id, f]));
  const nowMet: RuleChange[] = [];
  const newGaps: RuleChange[] = [];
  const other: RuleChange[] = [];
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  for (const id of ids) {
    const a = before.get(id) ?? null;
    const b = after.get(id) ?? null;
    if (a?.status === b?.status) continue;
    const change: RuleChange = { id, title: (b ?? a)!.title, severity: (b ?? a)!.severity, from: a?.status ?? null, to: b?.status ?? null };
    if (a && b && GAP.has(a.status) && b.status === 'met') nowMet.push(change);
    else if (a && b && a.status === 'met' && GAP.has(b.status)) newGaps.push(change);
    else other.push(change);
  }
  const moved = nowMet.length + newGaps.length + other.length > 0;
  return { ...base, change: moved ? 'changed' : 'unchanged', detail: null, nowMet, newGaps, other };
}

/** The one sentence a non-audited line carries. */
function detailOf(line: ResultLine): string | null {
  switch (line.status) {
    case 'audited':
      return null;
    case 'not_found':
      return line.message;
    case 'error':
      return line.error.message;
    case 'skipped':
      return line.reason;
  }
}

import { redactUrl } from '../fetch/redact.js';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditError } from '../errors.js';
import type { Severity } from '../rules/vocabulary.js';
import type { InputRow } from './input/types.js';
import { parseResultLine, RESULTS_FILE, repairTail, ResultsWriter, scanLines } from './ndjson.js';
import { type Progress, quietProgress } from './progress.js';
import { auditSchool, type SchoolAuditDeps, type SchoolAuditSettings } from './school.js';
import { inShard, type Shard } from './shard.js';
import { SUMMARY_FILE, type SummaryResult, writeSummary } from './summary.js';
import { FIRST_SCHOOLS, sameSettingFailure } from './same-cause.js';
import type { ResultLine, SchoolOutcome } from './types.js';

export interface BatchOptions extends SchoolAuditSettings {
  outDir: string;
  /**
   * Schools in progress at once. The polite fetcher caps requests on its own (--concurrency in
   * all, 2 per host); the CLI runs twice as many schools as requests so that the connections
   * stay busy while documents are read and audited.
   */
  schoolsAtOnce: number;
  resume: boolean;
  shard: Shard | null;
  failOn: Severity;
  /** Asked to stop (Ctrl-C): no more schools are started; those in progress finish and are written. */
  stopRequested?: () => boolean;
}

export interface BatchDeps extends SchoolAuditDeps {
  progress?: Progress;
}

export interface BatchResult extends SummaryResult {
  resultsPath: string;
  summaryPath: string;
  /** Schools in this run (after --shard). */
  selected: number;
  /** Of those, complete from an earlier run and skipped (--resume). */
  resumed: number;
  /** Bytes of a partial last line cut from results.ndjson on --resume (a killed run). */
  repairedBytes: number;
  /** Line numbers in results.ndjson that were not result lines on --resume (skipped; their schools are audited again). */
  unreadableLines: number[];
  /** Stopped on request before every school was started; the summary holds the schools done. */
  interrupted: boolean;
}

/**
 * The batch: each selected school is audited (at most `schoolsAtOnce` at once) and its result line
 * appended to results.ndjson as soon as it finishes; nothing per school is kept in memory. At the
 * end summary.csv is written from results.ndjson.
 */
export async function runBatch(rows: readonly InputRow[], o: BatchOptions, deps: BatchDeps): Promise<BatchResult> {
  const progress = deps.progress ?? quietProgress;
  await mkdir(o.outDir, { recursive: true });
  const resultsPath = join(o.outDir, RESULTS_FILE);
  const summaryPath = join(o.outDir, SUMMARY_FILE);

  const exists = await stat(resultsPath).then((s) => s.size > 0, () => false);
  if (exists && !o.resume) {
    throw new AuditError('usage', `${resultsPath} already exists: add --resume to carry on with it, or give another --out folder (or delete it).`);
  }
  const repairedBytes = o.resume ? await repairTail(resultsPath) : 0;
  const { done: complete, unreadable: unreadableLines } = o.resume && exists ? await completeKeys(resultsPath) : { done: new Set<string>(), unreadable: [] };

  const selected = rows.filter((r) => inShard(r.school.key, o.shard));
  const todo = selected.filter((r) => !complete.has(r.school.key));
  const writer = await ResultsWriter.open(resultsPath);
  // Pages fetched, for the progress shown while slow sites keep every school in progress.
  const counted = { ...deps, fetcher: (async (url, options) => {
    const res = await deps.fetcher(url, options);
    progress.page();
    return res;
  }) as typeof deps.fetcher };
  progress.start(selected.length, selected.length - todo.length);
  // The first outcomes of this run, to stop early when they all fail on one setting (same-cause.ts).
  const first: SchoolOutcome[] = [];
  const firstWanted = Math.min(FIRST_SCHOOLS, todo.length);
  let stop: string | null = null;
  try {
    let next = 0;
    const worker = async () => {
      while (next < todo.length && stop === null && !o.stopRequested?.()) {
        const { school, preset } = todo[next++]!;
        progress.begin();
        const outcome = preset ?? (await auditSchool(school, o, counted));
        // The address is used with its user:password to fetch, but written without it.
        const shown = school.url ? { ...school, url: redactUrl(school.url) } : school;
        await writer.append({ schemaVersion: 1, school: shown, asOf: o.asOf, ...outcome } as ResultLine);
        progress.done(outcome.status);
        if (first.length < firstWanted && (first.push(outcome), first.length === firstWanted)) stop = sameSettingFailure(first);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.schoolsAtOnce, todo.length)) }, worker));
  } finally {
    progress.stop();
    await writer.close();
  }
  if (stop !== null) throw new AuditError('usage', stop);

  const summary = await writeSummary({
    files: [resultsPath],
    outPath: summaryPath,
    failOn: o.failOn,
    order: selected.map((r) => r.school.key),
    requirementIds: o.ruleset.rules.map((r) => r.spec.id),
  });
  // Interrupted only with schools left unstarted: a Ctrl-C after the last school had started loses nothing.
  const interrupted = o.stopRequested?.() === true && summary.schools < selected.length;
  return { ...summary, resultsPath, summaryPath, selected: selected.length, resumed: selected.length - todo.length, repairedBytes, unreadableLines, interrupted };
}

/**
 * Keys whose latest line is final: audited, not found or skipped. Errors are tried again. A line
 * that is not a result (a disk error, a hand edit) is counted by its number so the run can say
 * so: the school it was for has no final line and is audited again.
 */
async function completeKeys(path: string): Promise<{ done: Set<string>; unreadable: number[] }> {
  const done = new Set<string>();
  const unreadable: number[] = [];
  let n = 0;
  await scanLines(path, (text) => {
    n++;
    const line = parseResultLine(text);
    if (!line) {
      unreadable.push(n);
      return;
    }
    if (line.status === 'error') done.delete(line.school.key);
    else done.add(line.school.key);
  });
  return { done, unreadable };
}

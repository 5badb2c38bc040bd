import { findReport } from '../../discover/index.js';
import { politeFetcher } from '../../fetch/polite.js';
import { userAgent } from '../../fetch/user-agent.js';
import { formatEndSummary } from '../../batch/end-summary.js';
import { loadSchools } from '../../batch/input/index.js';
import { barProgress, plainProgress, type Progress, quietProgress } from '../../batch/progress.js';
import { runBatch } from '../../batch/run.js';
import type { Shard } from '../../batch/shard.js';
import type { SchoolType, Severity } from '../../rules/vocabulary.js';
import type { Ruleset } from '../../rules/types.js';
import { VERSION } from '../../version.js';
import { batchExitCode } from '../../batch/exit-code.js';
import { EXIT_INTERRUPTED } from '../exit-codes.js';
import type { BatchFormat } from '../options.js';
import { writeOutputs } from '../../batch/outputs.js';
import type { LetterSettings } from '../../format/letter/settings.js';
import { shown } from '../../format/common.js';
import type { CliIO } from '../io.js';
import { whileLocked } from '../../batch/out-lock.js';
import { DEFAULT_LIMITS, isolatedWork } from '../../audit/isolated.js';

export interface BatchCommandOptions {
  out: string;
  schoolType: SchoolType;
  asOf: string;
  failOn: Severity;
  timeout: number; // seconds, per fetch
  maxBytes: number;
  concurrency: number;
  maxPages: number;
  maxDepth: number;
  resume: boolean;
  shard: Shard | null;
  quiet: boolean;
  /** Fetch loopback and private-network addresses too (--allow-private); link-local never. */
  allowPrivate?: boolean;
  /** Reports written beside summary.csv (report.html, report.md, junit.xml), and github: annotations on stdout. */
  reports?: BatchFormat[];
  /** --letters: a letter to each school, with these settings (the config's `letters:` block). */
  letters?: LetterSettings | null;
  /** --doc-timeout (seconds) and --doc-memory (MB): the limits one document is read and judged under. */
  docTimeout?: number;
  docMemory?: number;
}

/** `senaudit batch <input>`: every school in a list -> results.ndjson + summary.csv in --out. */
export async function batchCommand(input: string, ruleset: Ruleset, opts: BatchCommandOptions, io: CliIO): Promise<number> {
  const file = await io.readFile(input);
  const loaded = loadSchools(file.bytes, input);
  for (const d of loaded.duplicates) io.stderr(`senaudit: warning: ${shown(d)}.\n`);
  return whileLocked(opts.out, 'batch', io.stderr, () => runAndWrite(loaded.rows, ruleset, opts, io));
}

async function runAndWrite(rows: Parameters<typeof runBatch>[0], ruleset: Ruleset, opts: BatchCommandOptions, io: CliIO): Promise<number> {
  const ua = userAgent(VERSION);
  const fetcher = politeFetcher(io.fetcher, { concurrency: opts.concurrency, perHost: 2, maxRetries: 3, robots: true });
  const progress: Progress = opts.quiet
    ? quietProgress
    : io.stderrIsTTY
      ? await barProgress(process.stderr)
      : plainProgress(io.stderr, () => Date.now());
  // Each document is read and judged in a worker under a deadline and a memory ceiling.
  const work = isolatedWork(ruleset, {
    ...DEFAULT_LIMITS,
    ...(opts.docTimeout ? { timeoutMs: opts.docTimeout * 1000 } : {}),
    ...(opts.docMemory ? { maxMemoryMb: opts.docMemory } : {}),
  });
  let result: Awaited<ReturnType<typeof runBatch>>;
  // Ctrl-C: start no more schools, finish those in progress, and write the outputs for the schools
  // done, so an interrupted run still leaves a usable summary; a second Ctrl-C stops at once.
  let stopping = false;
  const onInterrupt = () => {
    if (stopping) process.exit(EXIT_INTERRUPTED);
    stopping = true;
    io.stderr('\nsenaudit: stopping: no more schools will be started; those in progress finish, then summary.csv is written for the schools done (Ctrl-C again to stop at once).\n');
  };
  process.on('SIGINT', onInterrupt);
  try {
    result = await runBatch(
      rows,
      {
        outDir: opts.out,
        // Requests are capped at --concurrency by the fetcher; more schools than that keep every
        // connection busy while others are being read and audited (npm run bench:batch).
        schoolsAtOnce: opts.concurrency * 2,
        resume: opts.resume,
        shard: opts.shard,
        failOn: opts.failOn,
        ruleset,
        defaultSchoolType: opts.schoolType,
        asOf: opts.asOf,
        toolVersion: VERSION,
        fetchOptions: { timeoutMs: opts.timeout * 1000, maxBytes: opts.maxBytes, userAgent: ua, allowPrivate: opts.allowPrivate === true },
        maxPages: opts.maxPages,
        maxDepth: opts.maxDepth,
        stopRequested: () => stopping,
      },
      { fetcher, findReport, progress, work },
    );
  } finally {
    await work.close();
    process.off('SIGINT', onInterrupt);
  }
  if (result.unreadableLines.length > 0) {
    const lines = result.unreadableLines;
    const which = lines.length === 1 ? `line ${lines[0]} is not a result line and was` : `lines ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ` and ${lines.length - 5} more` : ''} are not result lines and were`;
    io.stderr(`senaudit: warning: ${result.resultsPath} ${which} skipped; a school with no other complete line there was audited again.\n`);
  }
  if (result.repairedBytes > 0) {
    io.stderr(`senaudit: removed a partial last line (${result.repairedBytes} bytes) that an interrupted run left in ${result.resultsPath}.\n`);
  }
  const written = await writeOutputs(result, {
    outDir: opts.out,
    files: [result.resultsPath],
    failOn: opts.failOn,
    reports: (opts.reports ?? []).filter((r) => r !== 'github'),
    letters: opts.letters ?? null,
    writeFileAtomic: io.writeFileAtomic,
    annotations: opts.reports?.includes('github') ? io.stdout : null,
  });
  io.stdout(formatEndSummary(result, { results: [result.resultsPath], summary: result.summaryPath }));
  for (const said of written) io.stdout(`${said}\n`);
  if (result.interrupted) {
    const left = result.selected - result.schools;
    io.stderr(`senaudit: interrupted: ${result.schools} of ${result.selected} schools done, ${left} not started. To carry on, run the same command with --resume.\n`);
    return EXIT_INTERRUPTED;
  }
  return batchExitCode(result);
}

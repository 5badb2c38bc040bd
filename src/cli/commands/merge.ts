import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { formatEndSummary } from '../../batch/end-summary.js';
import { batchExitCode } from '../../batch/exit-code.js';
import { SUMMARY_FILE, writeSummary } from '../../batch/summary.js';
import { AuditError } from '../../errors.js';
import type { Severity } from '../../rules/vocabulary.js';
import type { CliIO } from '../io.js';
import { writeOutputs } from '../../batch/outputs.js';
import { whileLocked } from '../../batch/out-lock.js';
import type { BatchFormat } from '../options.js';
import type { LetterSettings } from '../../format/letter/settings.js';

export interface MergeCommandOptions {
  out: string;
  failOn: Severity;
  /** --format: report.html, report.md, junit.xml beside summary.csv; github: annotations on stdout. */
  reports?: BatchFormat[];
  /** --letters: a letter to each school, with these settings. */
  letters?: LetterSettings | null;
}

/**
 * `senaudit merge <ndjson...> --out <dir>`: shard results -> one summary.csv and summary.xlsx (and the
 * reports and letters asked for). A school found in
 * several lines counts once: the last line read wins (files in the order given).
 */
export async function mergeCommand(files: string[], opts: MergeCommandOptions, io: CliIO): Promise<number> {
  for (const f of files) {
    const ok = await stat(f).then((s) => s.isFile(), () => false);
    if (!ok) throw new AuditError('not-found', `${f} is not a results file: give the results.ndjson of each shard.`);
  }
  return whileLocked(opts.out, 'merge', io.stderr, () => mergeInto(files, opts, io));
}

async function mergeInto(files: string[], opts: MergeCommandOptions, io: CliIO): Promise<number> {
  const summaryPath = join(opts.out, SUMMARY_FILE);
  const result = await writeSummary({ files, outPath: summaryPath, failOn: opts.failOn });
  if (result.schools === 0) throw new AuditError('usage', `${files.join(', ')} hold no school results.`);
  const written = await writeOutputs(result, {
    outDir: opts.out,
    files,
    failOn: opts.failOn,
    reports: (opts.reports ?? []).filter((r) => r !== 'github'),
    letters: opts.letters ?? null,
    writeFileAtomic: io.writeFileAtomic,
    annotations: opts.reports?.includes('github') ? io.stdout : null,
  });
  io.stdout(formatEndSummary(result, { results: files, summary: summaryPath }));
  for (const said of written) io.stdout(`${said}\n`);
  return batchExitCode(result);
}

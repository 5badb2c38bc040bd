import { join } from 'node:path';
import { mkdir, stat } from 'node:fs/promises';
import { formatEndSummary } from '../../batch/end-summary.js';
import { batchExitCode } from '../../batch/exit-code.js';
import { SUMMARY_FILE, writeSummary } from '../../batch/summary.js';
import { AuditError } from '../../errors.js';
import type { Severity } from '../../rules/vocabulary.js';
import type { CliIO } from '../io.js';

export interface MergeCommandOptions {
  out: string;
  failOn: Severity;
}

/**
 * `senaudit merge <ndjson...> --out <dir>`: shard results -> one summary.csv. A school found in
 * several lines counts once: the last line read wins (files in the order given).
 */
export async function mergeCommand(files: string[], opts: MergeCommandOptions, io: CliIO): Promise<number> {
  for (const f of files) {
    const ok = await stat(f).then((s) => s.isFile(), () => false);
    if (!ok) throw new AuditError('not-found', `${f} is not a results file: give the results.ndjson of each shard.`);
  }
  await mkdir(opts.out, { recursive: true });
  const summaryPath = join(opts.out, SUMMARY_FILE);
  const result = await writeSummary({ files, outPath: summaryPath, failOn: opts.failOn });
  if (result.schools === 0) throw new AuditError('usage', `${files.join(', ')} hold no school results.`);
  io.stdout(formatEndSummary(result, { results: files, summary: summaryPath }));
  return batchExitCode(result);
}

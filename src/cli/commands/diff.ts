import { diffResults } from '../../diff/compare.js';
import { formatDiffJson, formatDiffText } from '../../diff/format.js';
import { readResults } from '../../diff/read.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';

export type DiffFormat = 'text' | 'json';

/** `senaudit diff <old> <new>`: what changed per school between two batch runs. Always exit 0 once both files are read. */
export async function diffCommand(oldFile: string, newFile: string, opts: { format: DiffFormat }, io: CliIO): Promise<number> {
  const [was, now] = await Promise.all([readResults(oldFile), readResults(newFile)]);
  for (const w of [...was.warnings, ...now.warnings]) io.stderr(`senaudit: ${w}\n`);
  const diff = diffResults({ file: oldFile, schools: was.schools }, { file: newFile, schools: now.schools });
  io.stdout(opts.format === 'json' ? formatDiffJson(diff) : formatDiffText(diff));
  return EXIT_OK;
}

import { formatEvalJson, formatEvalText, missedTargets, runEval, type CorpusEntry } from '../../eval/index.js';
import { extractDocument } from '../../extract/index.js';
import { extractText } from '../../extract/text.js';
import type { Ruleset } from '../../rules/types.js';
import { VERSION } from '../../version.js';
import { EXIT_GAPS, EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';

export interface EvalCommandOptions {
  /** Also write the figures as JSON to this file. */
  json: string | null;
  asOf: string;
  /** Exit 1 when a target of issue #3 is missed (CI uses this). */
  check: boolean;
}

/** `senaudit eval <corpus-dir>`: audits every labelled document and compares with its labels. */
export async function evalCommand(dir: string, ruleset: Ruleset, opts: EvalCommandOptions, io: CliIO): Promise<number> {
  const result = await runEval({
    corpusDir: dir,
    ruleset,
    asOf: opts.asOf,
    toolVersion: VERSION,
    readText: io.readText,
    // The published original where there is one, as a user would audit it; else the text.
    loadDocument: async (entry: CorpusEntry) =>
      entry.isOriginal ? extractFile(entry.path, io) : extractText(await io.readText(entry.textPath), false),
  });
  io.stdout(formatEvalText(result));
  if (opts.json !== null) await io.writeFileAtomic(opts.json, formatEvalJson(result));
  if (!opts.check) return EXIT_OK;
  const missed = missedTargets(result);
  if (missed.length === 0) {
    io.stdout('\nAll accuracy targets hold.\n');
    return EXIT_OK;
  }
  io.stderr(`senaudit: accuracy below target: ${missed.join('; ')}.\n`);
  return EXIT_GAPS;
}

// The file's own bytes only: its modification date is not the report's, so it is not added.
async function extractFile(path: string, io: CliIO) {
  const file = await io.readFile(path);
  return extractDocument({ bytes: file.bytes, contentType: null, name: file.name, baseUrl: null });
}

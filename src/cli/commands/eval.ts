import { auditDocument } from '../../audit/audit-document.js';
import { formatEvalJson, formatEvalText, loadCorpus, missedTargets, runEval, type CorpusEntry } from '../../eval/index.js';
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
  /** Exit 1 when an accuracy target is missed (CI uses this). */
  check: boolean;
  /** Also score the corpus in this many folds. */
  folds?: number;
  /** List the held-out part's disagreements too. */
  showHeldOut?: boolean;
  /** Write the figures table into this Markdown file, between the eval markers. */
  readme?: string | null;
  /** Also audit the text version of each document published as a PDF or DOCX, and list where they differ. */
  parity?: boolean;
}

/** `senaudit eval <corpus-dir>`: audits every labelled document and compares with its labels. */
export async function evalCommand(dir: string, ruleset: Ruleset, opts: EvalCommandOptions, io: CliIO): Promise<number> {
  const result = await runEval({
    corpusDir: dir,
    ruleset,
    asOf: opts.asOf,
    toolVersion: VERSION,
    readText: io.readText,
    ...(opts.folds ? { folds: opts.folds } : {}),
    // The published original where there is one, as a user would audit it; else the text.
    loadDocument: async (entry: CorpusEntry) =>
      entry.isOriginal ? extractFile(entry.path, io) : extractText(await io.readText(entry.textPath), false),
  });
  io.stdout(formatEvalText(result, { slices: result.slices, showHeldOut: opts.showHeldOut === true }));
  if (opts.parity) {
    const { parityRow, formatParity } = await import('../../eval/parity.js');
    const entries = await loadCorpus(dir, io.readText);
    const rows = [];
    for (const entry of entries.filter((e) => e.isOriginal)) {
      const original = result.reports.find((r) => r.id === entry.id)!.report;
      const text = auditDocument(extractText(await io.readText(entry.textPath), false), ruleset, { target: entry.textPath, finalUrl: null, asOf: opts.asOf, schoolType: original.schoolType, toolVersion: VERSION });
      rows.push(parityRow(entry.id, original, text));
    }
    io.stdout(formatParity(rows));
  }
  if (opts.json !== null) await io.writeFileAtomic(opts.json, formatEvalJson(result));
  if (opts.readme) {
    const { withEvalFigures } = await import('../../eval/readme.js');
    await io.writeFileAtomic(opts.readme, withEvalFigures(await io.readText(opts.readme), result, result.slices, opts.readme));
    io.stdout(`\nWrote the figures into ${opts.readme}.\n`);
  }
  if (!opts.check) return EXIT_OK;
  const missed = missedTargets(result, undefined, result.slices);
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

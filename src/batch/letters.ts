import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { letterDocx } from '../format/letter/docx.js';
import { letterMarkdown } from '../format/letter/markdown.js';
import { buildLetter, wantsLetter } from '../format/letter/model.js';
import type { LetterSettings } from '../format/letter/settings.js';
import { neutraliseCell } from './csv-safe.js';
import { safeFileName } from './file-name.js';
import type { LatestLines } from './latest-lines.js';

export const LETTERS_DIR = 'letters';
export const LETTERS_INDEX = 'index.csv';
const INDEX_COLUMNS = ['urn', 'school', 'email', 'file', 'markdown', 'status', 'gaps', 'partial', 'report_url'];

export interface LettersResult {
  dir: string;
  letters: number;
  /** Schools with no letter: not audited (an error or skipped). */
  without: number;
}

/**
 * letters/: a Word letter and the same letter in Markdown for each school audited or whose report
 * was not found, and index.csv (one row per letter) for a mail merge. Each file is written whole
 * (temp file, then rename); one school's letter at a time, so memory stays flat.
 */
export async function writeLetters(latest: LatestLines, outDir: string, settings: LetterSettings): Promise<LettersResult> {
  const dir = join(outDir, LETTERS_DIR);
  await mkdir(dir, { recursive: true });
  const taken = new Set<string>([LETTERS_INDEX.replace(/\.csv$/, '')]);
  let index = `\ufeff${stringify([INDEX_COLUMNS])}`;
  let letters = 0;
  let without = 0;
  for await (const line of latest.lines()) {
    if (!wantsLetter(line)) {
      without++;
      continue;
    }
    const letter = buildLetter(line, settings);
    const base = safeFileName(line.school.urn, line.school.name, line.school.key, taken);
    await writeWhole(join(dir, `${base}.docx`), await letterDocx(letter));
    await writeWhole(join(dir, `${base}.md`), letterMarkdown(letter));
    const gaps = letter.gaps.filter((g) => g.status === 'missing').length;
    const row = [line.school.urn, letter.school, line.school.email ?? null, `${base}.docx`, `${base}.md`, line.status, gaps, letter.gaps.length - gaps, letter.report?.url ?? null];
    index += stringify([row.map(neutraliseCell)]);
    letters++;
  }
  await writeWhole(join(dir, LETTERS_INDEX), index);
  return { dir, letters, without };
}

async function writeWhole(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

import { open } from 'node:fs/promises';
import { type LineRef, parseResultLine, scanLines } from './ndjson.js';
import type { ResultLine } from './types.js';

interface Located {
  file: number;
  ref: LineRef;
  row: number;
}

/**
 * Each school's latest result line, one at a time, without holding the reports: pass 1 streams
 * every file and keeps only where each school's latest line is (the last line read wins, files
 * in order); pass 2 reads those lines back one by one. summary.csv, summary.xlsx and the letters
 * all read the results this way, so memory stays flat in the length of the list.
 */
export class LatestLines {
  private constructor(
    private readonly files: readonly string[],
    private readonly keys: readonly string[],
    private readonly latest: ReadonlyMap<string, Located>,
  ) {}

  /**
   * `order`: a batch run's keys, in input order (only these are read); absent (merge): every
   * key, by input row then key. `onFirstPass` sees every parsed line of pass 1.
   */
  static async index(files: readonly string[], order?: readonly string[], onFirstPass?: (line: ResultLine) => void): Promise<LatestLines> {
    const latest = new Map<string, Located>();
    for (const [file, path] of files.entries()) {
      await scanLines(path, (text, ref) => {
        const line = parseResultLine(text);
        if (!line) return;
        latest.set(line.school.key, { file, ref, row: line.school.row });
        onFirstPass?.(line);
      });
    }
    const keys = order
      ? order.filter((k) => latest.has(k))
      : [...latest.keys()].sort((a, b) => latest.get(a)!.row - latest.get(b)!.row || (a < b ? -1 : a > b ? 1 : 0));
    return new LatestLines(files, keys, latest);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The latest line of each school in order; may be walked more than once. */
  async *lines(): AsyncGenerator<ResultLine> {
    const handles = await Promise.all(this.files.map((f) => open(f, 'r')));
    try {
      for (const key of this.keys) {
        const at = this.latest.get(key)!;
        const buf = Buffer.alloc(at.ref.length);
        await handles[at.file]!.read(buf, 0, at.ref.length, at.ref.offset);
        const line = parseResultLine(buf.toString('utf8'));
        if (line) yield line;
      }
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  }
}

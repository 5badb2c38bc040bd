import { createReadStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import type { ResultLine } from './types.js';

export const RESULTS_FILE = 'results.ndjson';

/**
 * Appends result lines. Each line goes out in one append of the complete text ending in "\n",
 * one at a time, so lines never interleave and a kill can leave at most one partial last line
 * (which `repairTail` removes and readers ignore).
 */
export class ResultsWriter {
  private chain: Promise<void> = Promise.resolve();
  private constructor(private readonly handle: import('node:fs/promises').FileHandle) {}

  static async open(path: string): Promise<ResultsWriter> {
    return new ResultsWriter(await open(path, 'a'));
  }

  append(line: ResultLine): Promise<void> {
    const text = `${JSON.stringify(line)}\n`;
    const next = this.chain.then(() => this.handle.appendFile(text, 'utf8'));
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}

/**
 * Cuts a partial last line (a run killed mid-write) off the end of the file, so appended lines
 * start on a line of their own. Returns how many bytes were cut (0 when the file is whole or absent).
 */
export async function repairTail(path: string): Promise<number> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return 0;
  }
  if (size === 0) return 0;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const nl = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl >= 0) {
        const keep = start + nl + 1;
        if (keep === size) return 0;
        await handle.close();
        await truncate(path, keep);
        return size - keep;
      }
      end = start;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  await truncate(path, 0);
  return size;
}

export interface LineRef {
  offset: number;
  length: number;
}

/**
 * Streams a file's complete lines (a trailing line with no "\n" is ignored), giving each with
 * its byte offset and length so it can be read again later without holding it.
 */
export async function scanLines(path: string, onLine: (line: string, ref: LineRef) => void): Promise<void> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let offset = 0; // byte offset of the start of the pending line
  for await (const data of createReadStream(path)) {
    const chunk = data as Buffer;
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      const bytes = pendingLength === 0 ? piece : Buffer.concat([...pending, piece]);
      const length = bytes.length;
      if (length > 0) onLine(bytes.toString('utf8'), { offset, length });
      offset += length + 1;
      pending = [];
      pendingLength = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      pendingLength += chunk.length - from;
    }
  }
}

/** Parses one results line; null for a line that is not a result (hand-edited, foreign). */
export function parseResultLine(line: string): ResultLine | null {
  try {
    const v = JSON.parse(line) as Partial<ResultLine> | null;
    if (!v || typeof v !== 'object' || typeof v.school?.key !== 'string' || typeof v.status !== 'string') return null;
    return v as ResultLine;
  } catch {
    return null;
  }
}

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ResultLine } from '../batch/types.js';
import { AuditError } from '../errors.js';

export interface ReadResults {
  /** The last line for each school key, in the order schools first appear. */
  schools: Map<string, ResultLine>;
  /** Plain sentences about lines that were skipped (a truncated last line). */
  warnings: string[];
}

/**
 * Reads a results.ndjson line by line (never the whole file at once). A run that was cut off
 * leaves a half-written last line: it is skipped with a warning. Any other bad line is an error.
 * A school that appears twice (a resumed run) counts by its last line.
 */
export async function readResults(path: string): Promise<ReadResults> {
  const schools = new Map<string, ResultLine>();
  const warnings: string[] = [];
  let pending: { line: number; error: string } | null = null;
  let lineNo = 0;
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AuditError(code === 'ENOENT' ? 'not-found' : 'unreadable', `Cannot read ${path}${code === 'ENOENT' ? ': no such file' : ` (${(e as Error).message})`}. Give the results.ndjson of a batch run.`);
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNo++;
    const text = raw.trim();
    if (!text) continue;
    // A bad line followed by more lines is not a truncated end: the file is damaged.
    if (pending) throw damaged(path, pending.line, pending.error);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      pending = { line: lineNo, error: (e as Error).message };
      continue;
    }
    const line = asResultLine(value);
    if (typeof line === 'string') throw damaged(path, lineNo, line);
    schools.delete(line.school.key);
    schools.set(line.school.key, line);
  }
  if (pending) warnings.push(`${path} line ${pending.line} is cut off (the run was probably interrupted); it was skipped.`);
  return { schools, warnings };
}

function damaged(path: string, line: number, why: string): AuditError {
  return new AuditError('unreadable', `${path} line ${line} is not a senaudit result line (${why}). Give the results.ndjson of a batch run.`);
}

/** The line as a ResultLine, or a short reason why it is not one. */
function asResultLine(v: unknown): ResultLine | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  if (o['schemaVersion'] !== 1) return `schemaVersion is ${JSON.stringify(o['schemaVersion'])}, not 1`;
  const school = o['school'] as Record<string, unknown> | undefined;
  if (typeof school !== 'object' || school === null || typeof school['key'] !== 'string') return 'no school.key';
  if (!['audited', 'not_found', 'error', 'skipped'].includes(o['status'] as string)) return `unknown status ${JSON.stringify(o['status'])}`;
  if (o['status'] === 'audited') {
    const report = o['report'] as { results?: unknown } | undefined;
    if (typeof report !== 'object' || report === null || !Array.isArray(report.results)) return 'an audited line without report.results';
  }
  return v as ResultLine;
}

import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AuditError } from '../errors.js';

export const LOCK_FILE = '.senaudit.lock';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export interface OutLock {
  /** Said when the lock of a run that no longer exists was taken over, else null. */
  recovered: string | null;
  release: () => Promise<void>;
}

/**
 * One run at a time in an --out folder (issue #19, item 10): two batches on one folder both ran,
 * wrote 800 lines for 400 schools and put double load on every site. The lock file is created
 * exclusively (O_EXCL), holds the process id, host and start time, and is removed when the run
 * ends. A lock left by a run that was killed (its process is gone from this host) is taken over
 * and said so; one from another host is left alone, with what to do (README "Resume, shards and
 * merge").
 */
export async function lockOut(outDir: string, command: string, now: () => Date = () => new Date()): Promise<OutLock> {
  const path = join(outDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: now().toISOString(), command };
  let recovered: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${JSON.stringify(info)}\n`);
      await handle.close();
      let released = false;
      return {
        recovered,
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = await readLock(path);
      if (held && !isStale(held)) {
        throw new AuditError(
          'usage',
          `another senaudit ${held.command} (process ${held.pid} on ${held.host}, started ${held.started}) is using ${outDir}: wait for it to finish, or give another --out. If no run is using it, delete ${path}.`,
        );
      }
      recovered = held
        ? `took over ${path}, left by ${held.command} process ${held.pid} (started ${held.started}), which is no longer running`
        : `took over ${path}, which could not be read`;
      await rm(path, { force: true });
    }
  }
  throw new AuditError('usage', `could not lock ${outDir}: another run keeps taking ${path}. Give another --out.`);
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host, started: String(v.started ?? '?'), command: String(v.command ?? 'run') } : null;
  } catch {
    return null;
  }
}

/** A lock of this host whose process is gone. Another host's lock is never taken: its process cannot be seen from here. */
function isStale(lock: LockInfo): boolean {
  if (lock.host !== hostname()) return false;
  if (lock.pid === process.pid) return false;
  try {
    process.kill(lock.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `work` holding the lock of `outDir` (created if needed), saying on `note` when a stale lock
 * was taken over, and releasing the lock however `work` ends: what `batch` and `merge` both do.
 */
export async function whileLocked<T>(outDir: string, command: string, note: (text: string) => void, work: () => Promise<T>): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const lock = await lockOut(outDir, command);
  if (lock.recovered) note(`senaudit: note: ${lock.recovered}.\n`);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isPdfjsNoise } from '../pdfjs-noise.js';
import type { CliIO } from './io.js';
import { main } from './main.js';

/** The real outside world for main(): process streams, the network and the file system. */
export async function run(argv: string[]): Promise<number> {
  guardProcess();
  // The reader went away (`senaudit eval | head`): stop quietly, as other command-line tools do,
  // rather than crash on the next write.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const code = await main({ ...(await realIO()), argv });
  await drain();
  return code;
}

/**
 * pdfjs fires stray rejections after a corrupt PDF has already failed the call we awaited
 * (stack-notes.md); anything else unhandled is a bug and ends the run with exit 2.
 */
export function guardProcess(): void {
  process.on('unhandledRejection', (reason) => {
    if (isPdfjsNoise(reason)) return;
    process.stderr.write(`senaudit: unexpected error: ${reason instanceof Error ? reason.message : String(reason)}\n`);
    process.exit(2);
  });
}

/** The process's streams, the network and the file system, as main() takes them (a bench may swap the fetcher). */
export async function realIO(): Promise<CliIO> {
  // undici is loaded on the first fetch, not at start-up (local files and --help never need it).
  const { readLocalFile } = await import('../fetch/local.js');
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    fetcher: async (url, o) => (await import('../fetch/http.js')).httpFetch(url, o),
    readFile: readLocalFile,
    readText: (p) => readFile(p, 'utf8'),
    writeFileAtomic: async (path, data) => {
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, data);
        await rename(tmp, path);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
    today: () => new Date().toISOString().slice(0, 10),
    probeLink: async (url, o) => (await import('../fetch/probe.js')).httpProbe(url, o),
  };
}

/** Waits for stdout to flush so piped output is never cut short. */
export function drain(): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.writableNeedDrain) process.stdout.once('drain', () => resolve());
    else resolve();
  });
}

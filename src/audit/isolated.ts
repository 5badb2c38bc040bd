import { Worker } from 'node:worker_threads';
import type { SenDocument } from '../document/types.js';
import { AuditError } from '../errors.js';
import type { ExtractInput } from '../extract/index.js';
import type { AuditReport } from './report.js';
import type { AuditContext } from './audit-document.js';
import type { Ruleset } from '../rules/types.js';
import type { WorkerJob, WorkerReply, WorkerSetup } from './document-worker.js';

// Each document a batch reads and judges is read and judged in a worker thread under a deadline
// and a memory ceiling (issue #19): one that runs past either is stopped, its school gets an error
// row naming the cause, and the worker is replaced, so the batch goes on and the other schools'
// fetches are never held up by a blocked event loop (which once made two innocent schools time out).

export interface IsolationLimits {
  /** How long one document may take to read, or to judge. */
  timeoutMs: number;
  /** The heap one worker may use (V8's old generation), in MB. */
  maxMemoryMb: number;
  /** Workers at once (the machine's cores are the useful bound). */
  workers: number;
}

export const DEFAULT_LIMITS: IsolationLimits = { timeoutMs: 60_000, maxMemoryMb: 768, workers: 2 };

export interface DocumentWork {
  extract: (input: ExtractInput) => Promise<SenDocument>;
  audit: (doc: SenDocument, ctx: AuditContext) => Promise<AuditReport>;
  close: () => Promise<void>;
}

interface Pending {
  job: WorkerJob;
  name: string;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
}

/** Reading and judging in worker threads, `limits.workers` at once, with the rules compiled once in each. */
export function isolatedWork(ruleset: Ruleset, limits: IsolationLimits = DEFAULT_LIMITS): DocumentWork {
  const setup: WorkerSetup = { info: ruleset.info, rules: ruleset.rules.map((r) => ({ spec: r.spec, file: r.file })) };
  // Under the test runner this module is its TypeScript source; a worker runs the built JavaScript.
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/audit/document-worker.js', here) : new URL('./document-worker.js', here);
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
    worker.unref();
    const slot: Slot = { worker, busy: null, timer: null };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.busy;
      if (!job || job.job.id !== reply.id) return;
      finish(slot);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.code ? new AuditError(reply.code as AuditError['code'], reply.message) : new Error(reply.message));
      next();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const job = slot.busy;
      replace(slot);
      if (job) {
        const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `needed more than ${limits.maxMemoryMb} MB of memory (--doc-memory)` : `stopped with an error (${e.message})`;
        job.reject(new AuditError('unreadable', `reading ${job.name} ${why}, so it was stopped; the rest of the run went on. Ask the school for the report as a PDF or a web page.`));
      }
      next();
    });
    worker.on('exit', () => {
      if (slots.includes(slot) && !closed) {
        const job = slot.busy;
        replace(slot);
        job?.reject(new AuditError('unreadable', `reading ${job.name} ended the worker reading it; the rest of the run went on.`));
        next();
      }
    });
    return slot;
  };

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
  };

  /** Takes a worker out of the pool for good (it is terminated; a new one is made when needed). */
  const replace = (slot: Slot) => {
    finish(slot);
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
  };

  const next = () => {
    while (queue.length && !closed) {
      let slot = slots.find((s) => s.busy === null);
      if (!slot) {
        if (slots.length >= limits.workers) return;
        slot = spawn();
        slots.push(slot);
      }
      const job = queue.shift()!;
      slot.busy = job;
      const running = slot;
      running.timer = setTimeout(() => {
        replace(running);
        job.reject(new AuditError('unreadable', `reading ${job.name} took longer than ${limits.timeoutMs / 1000} s (--doc-timeout), so it was stopped; the rest of the run went on. Ask the school for the report as a PDF or a web page.`));
        next();
      }, limits.timeoutMs);
      running.worker.postMessage(job.job, job.transfer);
    }
  };

  type Job = { op: 'extract'; input: ExtractInput } | { op: 'audit'; doc: SenDocument; ctx: AuditContext };
  const run = <T>(job: Job, name: string, transfer: ArrayBuffer[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error('the document workers are closed'));
      queue.push({ job: { ...job, id: nextId++ } as WorkerJob, name, transfer, resolve: resolve as (v: unknown) => void, reject });
      next();
    });

  return {
    extract: (input) => {
      // A copy for the worker, handed over rather than copied again; the caller keeps its bytes.
      const bytes = input.bytes.slice();
      return run<SenDocument>({ op: 'extract', input: { ...input, bytes } }, input.name, [bytes.buffer as ArrayBuffer]);
    },
    audit: (doc, ctx) => run<AuditReport>({ op: 'audit', doc, ctx }, ctx.finalUrl ?? ctx.target),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the document workers are closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

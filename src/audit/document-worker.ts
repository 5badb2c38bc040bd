// A worker thread that reads and judges documents for a batch (src/audit/isolated.ts): whatever
// one document does to this thread (runs long, takes memory), the batch's own thread goes on, and
// the worker is stopped and replaced. It compiles the batch's rules once, from their specs.
import { parentPort, workerData } from 'node:worker_threads';
import { isAuditError } from '../errors.js';
import { extractDocument, type ExtractInput } from '../extract/index.js';
import { isPdfjsNoise } from '../pdfjs-noise.js';
import { compileRuleset } from '../rules/compile-rule.js';
import type { RuleSpec, RulesetInfo } from '../rules/schema.js';
import type { Ruleset } from '../rules/types.js';
import { type AuditContext, auditDocument } from './audit-document.js';
import type { SenDocument } from '../document/types.js';

export interface WorkerSetup {
  info: RulesetInfo;
  rules: { spec: RuleSpec; file: string }[];
}

export type WorkerJob = { id: number; op: 'extract'; input: ExtractInput } | { id: number; op: 'audit'; doc: SenDocument; ctx: AuditContext };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: string | null; message: string };

// pdfjs fires stray rejections after a corrupt PDF has failed the call awaited (stack-notes.md).
process.on('unhandledRejection', (reason) => {
  if (!isPdfjsNoise(reason)) throw reason;
});

const setup = workerData as WorkerSetup;
const ruleset: Ruleset = compileRuleset(setup.info, setup.rules);

parentPort!.on('message', async (job: WorkerJob) => {
  try {
    const value = job.op === 'extract' ? await extractDocument(job.input) : auditDocument(job.doc, ruleset, job.ctx);
    parentPort!.postMessage({ id: job.id, ok: true, value } satisfies WorkerReply);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    parentPort!.postMessage({ id: job.id, ok: false, code: isAuditError(e) ? e.code : null, message } satisfies WorkerReply);
  }
});

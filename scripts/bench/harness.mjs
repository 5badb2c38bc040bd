// Timing helpers for the bench: warm-up, several runs, medians; spawned-process wall time;
// event-loop stall while something runs.
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const gc = () => globalThis.gc?.();

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed, in ms: the steady state of a
 * process that audits one document after another (a batch), each run paying for the garbage
 * it makes as collection falls. With `forceGc`, a full collection runs before each timed run:
 * that leaves V8's heap limits at their smallest, so the run also pays for growing the heap
 * again (the 300 KB page took 72 ms instead of 43 ms to extract here), as a fresh process does.
 */
export async function measure(fn, { warmup = 2, runs = 7, forceGc = false } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (forceGc) gc();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summary(times);
}

export function summary(times) {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs: times.length, times };
}

/** Wall time of a whole process, from spawn to exit, as a user runs it. */
export function measureProcess(args, { cwd, warmup = 1, runs = 7, okCodes = [0] } = {}) {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (r.error) throw r.error;
    if (!okCodes.includes(r.status)) {
      throw new Error(`node ${args.join(' ')} exited with ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr || '').trim().slice(0, 400)}`);
    }
    return ms;
  };
  for (let i = 0; i < warmup; i++) once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once());
  return summary(times);
}

/**
 * Longest the event loop was held while `fn` ran: the largest gap between ticks of a
 * `tick`-ms interval, less the interval itself, cross-checked with monitorEventLoopDelay.
 */
export async function eventLoopStall(fn, tick = 10) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - tick);
    last = now;
  }, tick);
  h.enable();
  // Let both monitors take a few samples first, so the first stall inside `fn` is measured
  // against a running timer (a timer armed just before a synchronous block misses it).
  await new Promise((r) => setTimeout(r, tick * 3));
  worst = 0; // (no h.reset(): it drops the histogram's previous sample, so the next stall is lost)
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    // One more tick after the work, so a stall at the very end is seen too.
    await new Promise((r) => setTimeout(r, tick * 2));
    clearInterval(timer);
    h.disable();
  }
  return { stall: Math.max(0, worst), histogramMax: h.max / 1e6, elapsed: performance.now() - t0 };
}

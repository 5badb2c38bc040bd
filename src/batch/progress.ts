import type { SchoolOutcome } from './types.js';

type Status = SchoolOutcome['status'];

/** What the runner tells about its progress. */
export interface Progress {
  /** `total` schools in this run, `already` of them complete from an earlier run (--resume). */
  start(total: number, already: number): void;
  /** A school is now in progress. */
  begin(): void;
  /** A page or document was fetched (for any school). */
  page(): void;
  done(status: Status): void;
  stop(): void;
}

export const quietProgress: Progress = { start: () => undefined, begin: () => undefined, page: () => undefined, done: () => undefined, stop: () => undefined };

interface Counts {
  total: number;
  /** Complete from an earlier run (--resume): in `finished`, not in the status counts. */
  already: number;
  finished: number;
  inProgress: number;
  pages: number;
  audited: number;
  not_found: number;
  error: number;
  skipped: number;
}

function newCounts(): Counts {
  return { total: 0, already: 0, finished: 0, inProgress: 0, pages: 0, audited: 0, not_found: 0, error: 0, skipped: 0 };
}

/**
 * What happened so far, adding up to the finished count: this run's outcomes, then the schools an
 * earlier run did (--resume); then what is under way, so a slow site shows movement before any
 * school finishes.
 */
function countsText(c: Counts): string {
  const earlier = c.already > 0 ? `, ${c.already} done before (--resume)` : '';
  const busy = c.inProgress > 0 || c.pages > 0 ? `; ${c.inProgress} in progress, ${c.pages} page${c.pages === 1 ? '' : 's'} fetched` : '';
  return `${c.audited} audited, ${c.not_found} not found, ${c.error} errors, ${c.skipped} skipped${earlier}${busy}`;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/**
 * Not a terminal (CI logs, pipes): one plain line every `everyMs` (and at the end), e.g.
 * "senaudit: 120/500 schools (24%): 100 audited, 10 not found, 8 errors, 2 skipped; about 3m 10s left".
 */
export function plainProgress(write: (s: string) => void, now: () => number, everyMs = 10_000): Progress {
  const c = newCounts();
  let started = 0;
  let last = 0;
  const line = () => {
    // No estimate until a school of this run has finished: before that there is nothing to base it on.
    const doneHere = c.finished - c.already;
    const left = c.total - c.finished;
    const elapsed = now() - started;
    const eta = doneHere > 0 && left > 0 ? `; about ${formatDuration((elapsed / doneHere) * left)} left` : '';
    const pct = c.total === 0 ? 100 : Math.floor((c.finished / c.total) * 100);
    write(`senaudit: ${c.finished}/${c.total} schools (${pct}%): ${countsText(c)}${eta}\n`);
  };
  return {
    start(total, done) {
      c.total = total;
      c.finished = done;
      c.already = done;
      started = last = now();
      if (done > 0) write(`senaudit: resuming: ${done} of ${total} schools already done\n`);
    },
    begin() {
      c.inProgress++;
      tick();
    },
    page() {
      c.pages++;
      tick();
    },
    done(status) {
      c.inProgress = Math.max(0, c.inProgress - 1);
      c.finished++;
      c[status]++;
      tick();
    },
    stop: line,
  };
  function tick(): void {
    if (now() - last >= everyMs) {
      last = now();
      line();
    }
  }
}

/** A terminal: a cli-progress bar with counts and ETA on stderr. */
export async function barProgress(stream: NodeJS.WritableStream): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const c = newCounts();
  let started = 0;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'senaudit [{bar}] {value}/{total} schools | {counts}{eta}',
      hideCursor: false, // a Ctrl-C must not leave the terminal without a cursor
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start(total, done) {
      c.total = total;
      c.finished = done;
      c.already = done;
      started = Date.now();
      bar.start(total, done, { counts: countsText(c), eta: '' });
    },
    begin() {
      c.inProgress++;
      bar.update(c.finished, { counts: countsText(c) });
    },
    page() {
      c.pages++;
      bar.update(c.finished, { counts: countsText(c) });
    },
    done(status) {
      c.inProgress = Math.max(0, c.inProgress - 1);
      c.finished++;
      c[status]++;
      // An estimate only once a school of this run is done, from this run's own pace.
      const doneHere = c.finished - c.already;
      const left = c.total - c.finished;
      const eta = left > 0 ? ` | about ${formatDuration(((Date.now() - started) / doneHere) * left)} left` : '';
      bar.update(c.finished, { counts: countsText(c), eta });
    },
    stop: () => bar.stop(),
  };
}

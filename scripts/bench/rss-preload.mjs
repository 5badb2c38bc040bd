// Preloaded into the CLI by bench-batch.mjs (node --import): on exit, writes the process's peak
// resident set size (bytes) and the CPU time it used (user + system, ms) to
// $SENAUDIT_BENCH_RSS_FILE, as JSON.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.SENAUDIT_BENCH_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});

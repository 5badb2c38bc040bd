// Preloaded into the CLI by bench-batch.mjs (node --import): on exit, writes the process's peak
// resident set size (bytes) to $SENAUDIT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.SENAUDIT_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});

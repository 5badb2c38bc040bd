// Runs the vitest suite and ends with one plain `N passed, N failed` line that CI reads.
// The exit code is vitest's own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'senaudit-tests-'));
const report = join(dir, 'vitest.json');
// Every temporary folder the tests make (their own, spawned CLIs', Chromium's profiles) goes under
// this run's folder, removed at the end, so runs do not pile folders up in the system's.
const tmp = join(dir, 'tmp');
mkdirSync(tmp);
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp } },
);
let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed = Math.max(failed, 1); // no report at all: vitest itself failed
}
rmSync(dir, { recursive: true, force: true });
const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);

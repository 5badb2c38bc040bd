// npm run bench:discover: `senaudit batch` over a GIAS-style extract of the fictional schools
// in fixtures/fake-web/ (13 site styles built the ways school website systems build them, plus
// sites that cannot be read), websites written without a scheme, served by one loopback server
// standing in for many hosts. Prints the share of reports found (the right document), pages
// fetched per school, requests robots.txt disallowed that reached a server, and wall time.
// Target (issue #14): found >= 95%, disallowed requests 0.
// The CLI runs in-process (main() with the real I/O and fetcher, sent through the fake web).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../dist/cli/main.js';
import { realIO } from '../dist/cli/run.js';
import { httpFetch } from '../dist/fetch/http.js';
import { buildFakeSchools, giasCsv } from '../fixtures/fake-web/schools.mjs';
import { startFakeWeb, throughFakeWeb } from '../fixtures/fake-web/server.mjs';

const { hosts, schools } = await buildFakeSchools();
const web = await startFakeWeb(hosts);
const dir = mkdtempSync(join(tmpdir(), 'senaudit-bench-discover-'));
const input = join(dir, 'gias.csv');
writeFileSync(input, giasCsv(schools));
let stderr = '';
const io = { ...(await realIO()), stderr: (t) => void (stderr += t), stdout: () => {}, fetcher: throughFakeWeb(web, httpFetch), today: () => '2026-11-01' };

const t0 = performance.now();
const code = await main({ ...io, argv: ['batch', input, '--out', join(dir, 'out'), '--allow-private', '--as-of', '2026-11-01', '--quiet', '--timeout', '10'] });
const wall = performance.now() - t0;
await web.close();

const lines = readFileSync(join(dir, 'out', 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const byUrn = new Map(lines.map((l) => [l.school.urn, l]));
const withReport = schools.filter((s) => s.report);
const misses = [];
let found = 0;
for (const s of withReport) {
  const l = byUrn.get(s.urn);
  if (l?.status === 'audited' && l.reportUrl === s.report) found++;
  else misses.push(`${s.style} ${s.name}: ${l?.status} ${l?.reportUrl ?? l?.message ?? l?.error?.message ?? ''}`);
}
const reasons = schools.filter((s) => !s.report).map((s) => {
  const l = byUrn.get(s.urn);
  const text = l?.message ?? l?.error?.message ?? '';
  return { style: s.style, ok: l?.status !== 'audited' && s.reason.test(text), text };
});
const pages = lines.map((l) => l.pagesFetched ?? 0).sort((a, b) => a - b);
const median = pages[Math.floor(pages.length / 2)];
const share = found / withReport.length;
const disallowed = web.disallowedRequests();
const styles = new Set(schools.map((s) => s.style)).size;

console.log(`bench:discover: ${schools.length} fictional schools in ${styles} site styles (${withReport.length} with a report), websites without a scheme; exit ${code}`);
console.log(`  reports found (the right document): ${found}/${withReport.length} = ${(share * 100).toFixed(1)}%  (target >= 95%)`);
console.log(`  sites that cannot be read, with the reason said: ${reasons.filter((r) => r.ok).length}/${reasons.length}`);
console.log(`  pages fetched per school: median ${median}, max ${pages.at(-1)}`);
console.log(`  requests robots.txt disallows that reached a server: ${disallowed}  (target 0)`);
console.log(`  requests in all: ${web.log.length}; wall time ${(wall / 1000).toFixed(2)} s on ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
for (const m of misses) console.log(`  missed: ${m}`);
for (const r of reasons.filter((x) => !x.ok)) console.log(`  reason not said (${r.style}): ${r.text}`);
if (stderr.trim()) console.log(`  stderr: ${stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
rmSync(dir, { recursive: true, force: true });
const ok = share >= 0.95 && disallowed === 0 && reasons.every((r) => r.ok);
if (process.argv.includes('--check') && !ok) process.exit(1);

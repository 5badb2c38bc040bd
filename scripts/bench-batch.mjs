// npm run bench:batch: the batch against simulated schools on 127.0.0.1, every response delayed
// by 100 ms. Prints wall time against the latency-bound ideal for the same --concurrency, and the
// peak RSS of the real CLI (a child process each run, so the figure is clean) at 500 and 2,000
// schools. Targets (issue #4): wall <= 1.3x ideal at 500; RSS(2000) <= 1.25x RSS(500).
// Then, from each run's results, `merge` writes summary.xlsx alone (its peak RSS, issue #15:
// RSS(2000) <= 1.25x RSS(500)) and again with --letters (its CPU time, issue #15: letters for
// 2,000 schools in under a minute of CPU).
//
// Each school is home page -> SEND page -> HTML report (found by discovery). Schools are spread
// over many ports (one "site" each port) so the 2-per-host limit is not what is measured.
// The ideal is (requests the server answered) x latency / concurrency: with at most
// `concurrency` requests in flight, no schedule can do better.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LATENCY_MS = 100;
const CONCURRENCY = 8;
const PORTS = 64;
const SIZES = process.argv.includes('--quick') ? [100, 400] : [500, 2000];

const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };

function report(n) {
  const p = (t) => `<p>${t}</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>SEN Information Report | Bench School ${n}</title></head><body><main>
<h1>Bench School ${n}: SEN Information Report</h1>
${p(`This SEN information report explains how Bench School ${n} supports pupils with special educational needs and disabilities. It was updated in September 2026.`)}
<h2>The kinds of special educational needs we provide for</h2>
${p('We welcome pupils with needs in communication and interaction, cognition and learning, social, emotional and mental health, and sensory and/or physical needs.')}
<h2>Our SENCO</h2>
${p(`Our SENCO is Mr Sam Okafor. Contact him on 01632 960${String(n % 1000).padStart(3, '0')} or senco@bench${n}.example.sch.uk.`)}
<h2>Complaints</h2>
${p('Please talk to the class teacher or the SENCO first; our complaints procedure is on the website.')}
<h2>The local offer</h2>
${p("The local authority's local offer sets out the services available to families.")}
</main></body></html>`;
}

const page = (title, href, text) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="${href}">${text}</a></nav><main><h1>${title}</h1><p>News and events.</p></main></body></html>`;

function handle(req, res) {
  stats.requests++;
  stats.inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  setTimeout(() => {
    stats.inFlight--;
    const path = (req.url ?? '/').split('?')[0];
    const m = /^\/s(\d+)\/(send\/|sen-information-report\.html)?$/.exec(path);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    if (!m) return send(404, 'text/plain', 'not found');
    const n = Number(m[1]);
    if (!m[2]) return send(200, 'text/html; charset=utf-8', page(`Bench School ${n}`, `/s${n}/send/`, 'Special educational needs (SEND)'));
    if (m[2] === 'send/') return send(200, 'text/html; charset=utf-8', page('SEND', `/s${n}/sen-information-report.html`, 'SEN Information Report 2026'));
    return send(200, 'text/html; charset=utf-8', report(n));
  }, LATENCY_MS);
}

async function startServers() {
  const servers = [];
  for (let i = 0; i < PORTS; i++) {
    const server = createServer(handle);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  return servers;
}

function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', join(ROOT, 'scripts/bench/rss-preload.mjs'), join(ROOT, 'bin/senaudit.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function runOnce(servers, n) {
  const dir = mkdtempSync(join(tmpdir(), 'senaudit-bench-batch-'));
  const lines = Array.from({ length: n }, (_, i) => `http://127.0.0.1:${servers[i % PORTS].address().port}/s${i}/`);
  writeFileSync(join(dir, 'list.txt'), `${lines.join('\n')}\n`);
  const rssFile = join(dir, 'rss');
  stats.requests = 0;
  stats.maxInFlight = 0;
  const t0 = performance.now();
  const r = await runCli(['batch', join(dir, 'list.txt'), '--out', join(dir, 'out'), '--quiet', '--as-of', '2026-11-01', '--concurrency', String(CONCURRENCY), '--allow-private'], {
    SENAUDIT_BENCH_RSS_FILE: rssFile,
  });
  const wallMs = performance.now() - t0;
  const audited = /(\d+) audited/.exec(r.stdout)?.[1];
  if (r.code === 2 || Number(audited) !== n) {
    console.error(r.stdout.slice(0, 2000), r.stderr.slice(0, 2000));
    throw new Error(`bench run of ${n} schools did not audit them all (exit ${r.code}, ${audited} audited)`);
  }
  const { rss } = JSON.parse(readFileSync(rssFile, 'utf8'));
  const results = join(dir, 'out', 'results.ndjson');
  const merge = async (name, extra) => {
    const m = await runCli(['merge', results, '--out', join(dir, name), ...extra], { SENAUDIT_BENCH_RSS_FILE: rssFile });
    if (m.code === 2) throw new Error(`merge ${extra.join(' ')} failed: ${m.stderr.slice(0, 500)}`);
    return JSON.parse(readFileSync(rssFile, 'utf8'));
  };
  const workbook = await merge('workbook', []);
  const letters = await merge('letters', ['--letters']);
  rmSync(dir, { recursive: true, force: true });
  return {
    n,
    wallMs,
    idealMs: (stats.requests * LATENCY_MS) / CONCURRENCY,
    requests: stats.requests,
    maxInFlight: stats.maxInFlight,
    rss,
    workbookRss: workbook.rss,
    lettersCpuMs: letters.cpuMs,
  };
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

const servers = await startServers();
try {
  const results = [];
  for (const n of SIZES) {
    const r = await runOnce(servers, n);
    results.push(r);
    console.log(
      `${String(n).padStart(5)} schools: wall ${s(r.wallMs)}, ideal ${s(r.idealMs)} (${r.requests} requests x ${LATENCY_MS} ms / ${CONCURRENCY}) = ${(r.wallMs / r.idealMs).toFixed(2)}x; ` +
        `peak RSS ${mb(r.rss)}; at most ${r.maxInFlight} requests in flight`,
    );
    console.log(`${' '.repeat(13)} merge to summary.xlsx: peak RSS ${mb(r.workbookRss)}; merge --letters: ${s(r.lettersCpuMs)} CPU`);
  }
  const [small, large] = results;
  const wallRatio = small.wallMs / small.idealMs;
  const rssRatio = large.rss / small.rss;
  console.log(`wall/ideal at ${small.n}: ${wallRatio.toFixed(2)}x (target <= 1.3x) ${wallRatio <= 1.3 ? 'OK' : 'MISSED'}`);
  console.log(`RSS ${large.n}/${small.n}: ${rssRatio.toFixed(2)}x (target <= 1.25x) ${rssRatio <= 1.25 ? 'OK' : 'MISSED'}`);
  const workbookRatio = large.workbookRss / small.workbookRss;
  console.log(`summary.xlsx RSS ${large.n}/${small.n}: ${workbookRatio.toFixed(2)}x (target <= 1.25x) ${workbookRatio <= 1.25 ? 'OK' : 'MISSED'}`);
  // The one-minute target is for 2,000 letters; a --quick run is held to the same rate.
  const lettersBudgetMs = (60_000 * large.n) / 2000;
  const lettersOk = large.lettersCpuMs <= lettersBudgetMs;
  console.log(`letters for ${large.n} schools: ${s(large.lettersCpuMs)} CPU (target <= ${s(lettersBudgetMs)}) ${lettersOk ? 'OK' : 'MISSED'}`);
  process.exitCode = wallRatio <= 1.3 && rssRatio <= 1.25 && workbookRatio <= 1.25 && lettersOk ? 0 : 1;
} finally {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
}

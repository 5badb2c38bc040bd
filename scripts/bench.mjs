#!/usr/bin/env node
// senaudit benchmarks (issue 7): `npm run bench` (build first: `npm run build`).
//
// In-process figures run the compiled pipeline in dist/ with warm-up and several runs and print
// medians; the CLI figures spawn `node bin/senaudit.js` as a user runs it. Every input is made
// here (generated SEN-report prose; PDFs by pdfkit; a DOCX zipped with node:zlib), so nothing
// is read from the corpus or the network. Timing is not part of `npm test` or CI's pass/fail:
// the exit code is 0 unless the bench itself could not run (`--strict` makes a missed target
// exit 1, for someone who wants that locally).
//
// Options: --quick (fewer runs), --only <list> (extract,rules,pipeline,cli,stall,regex),
//          --stages (time prepare / facts / rules separately), --json <file>, --strict.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { eventLoopStall, measure, measureProcess, median } from './bench/harness.mjs';
import { makeDocx } from './bench/make-docx.mjs';
import { makeHtml } from './bench/make-html.mjs';
import { makePdf } from './bench/make-pdf.mjs';
import { generateReport, toSenDocument } from './bench/prose.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    stages: { type: 'boolean', default: false },
    json: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const only = opts.only ? new Set(opts.only.split(',').map((s) => s.trim())) : null;
const want = (group) => !only || only.has(group);
const R = opts.quick ? { warmup: 1, runs: 3 } : { warmup: 3, runs: 7 };
const R_SLOW = opts.quick ? { warmup: 1, runs: 3 } : { warmup: 1, runs: 5 };

// ---- dist must be there (and should be current) ------------------------------------------------
const needed = ['dist/extract/index.js', 'dist/rules/loader.js', 'dist/audit/audit-document.js', 'dist/cli/run.js'];
const absent = needed.filter((f) => !existsSync(join(root, f)));
if (absent.length) {
  console.error(`bench: ${absent.join(', ')} not found. The bench runs the compiled code: run "npm run build" first.`);
  process.exit(2);
}
const newest = (dir, ext) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(ext)) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
};
const stale = newest(join(root, 'src'), '.ts') > newest(join(root, 'dist'), '.js');
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { extractDocument } = await dist('extract/index.js');
const { BUILTIN_RULESET, loadRuleset } = await dist('rules/loader.js');
const { auditDocument } = await dist('audit/audit-document.js');

// ---- machine ------------------------------------------------------------------------------------
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
  cores: cpus.length,
  node: process.version,
  os: `${os.platform()} ${os.arch()}`,
  memGB: Math.round(os.totalmem() / 2 ** 30),
};
const loadStart = os.loadavg();
const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log('senaudit bench');
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB, Node ${machine.node}, ${machine.os}`);
console.log(`load average at start: ${fmtLoad(loadStart)}${loadStart[0] > machine.cores / 2 ? '  (busy machine: timings may be inflated)' : ''}`);
console.log(`runs: ${R.warmup} warm-up + ${R.runs} timed (slow cases ${R_SLOW.warmup} + ${R_SLOW.runs}); medians shown${globalThis.gc ? '' : '; no --expose-gc, so no GC between runs'}`);
if (stale) console.log('warning: src/ has changes newer than dist/: run "npm run build" to bench the current code');
console.log('');

const rows = [];
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
function report(figure, s, target = null, note = '') {
  const value = typeof s === 'number' ? s : s.median;
  const unit = figure.includes('ratio') || figure.includes('RegExp') ? '' : ' ms';
  const pass = target === null ? null : target.strict ? value < target.value : value <= target.value;
  const row = {
    figure,
    median: value,
    unit: unit.trim(),
    target: target ? `${target.strict ? '<' : '<='} ${target.value}${unit}` : null,
    pass,
    min: typeof s === 'number' ? null : s.min,
    max: typeof s === 'number' ? null : s.max,
    runs: typeof s === 'number' ? null : s.runs,
    note,
  };
  rows.push(row);
  const shown = unit ? `${ms(value)}${unit}` : value.toFixed(2).replace(/\.00$/, '');
  const spread = row.runs ? `  [${ms(row.min)}-${ms(row.max)}, n=${row.runs}]` : '';
  const verdict = pass === null ? '' : pass ? 'ok  ' : 'MISS';
  console.log(`${figure.padEnd(52)} ${shown.padStart(10)}  ${(row.target ?? '(no target)').padEnd(13)} ${verdict.padEnd(4)}${spread}${note ? `  ${note}` : ''}`);
  return row;
}
const section = (title) => console.log(`\n${title}`);

// ---- inputs -------------------------------------------------------------------------------------
const tmp = mkdtempSync(join(os.tmpdir(), 'senaudit-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const readText = (p) => readFile(p, 'utf8');
const ruleset = await loadRuleset(BUILTIN_RULESET, readText);
const ctx = (target) => ({ target, finalUrl: null, asOf: '2026-11-01', schoolType: 'maintained_mainstream', toolVersion: 'bench' });
const audit = (doc) => auditDocument(doc, ruleset, ctx('bench'));

// A 300 KB school page is mostly markup: a long report (8,000 words) plus menus, icons and CMS
// configuration. The text-dense variant (the same size, all report) shows how the time grows with words.
const html = makeHtml({ bytes: 300 * 1024, words: 8_000 });
const htmlDense = makeHtml({ bytes: 300 * 1024, words: 14_000 });
const pdf40 = await makePdf({ pages: 40 });
const docx30 = makeDocx({ pages: 30 });
const extract = (bytes, name) => extractDocument({ bytes, contentType: null, name, baseUrl: name.startsWith('http') ? name : null });
const htmlUrl = 'https://www.example-school.sch.uk/send/sen-information-report';
console.log(
  `inputs: HTML ${(html.bytes.length / 1024).toFixed(0)} KB (${html.words} words; dense variant ${(htmlDense.bytes.length / 1024).toFixed(0)} KB, ${htmlDense.words} words); PDF 40 pages (${(pdf40.bytes.length / 1024).toFixed(0)} KB, ${pdf40.words} words); ` +
    `DOCX ~30 pages (${(docx30.bytes.length / 1024).toFixed(0)} KB, ${docx30.words} words); rule set ${ruleset.info.id} ${ruleset.info.version}, ${ruleset.rules.length} rules`,
);
console.log(`\n${'figure'.padEnd(52)} ${'median'.padStart(10)}  ${'target'.padEnd(13)}`);

// ---- extraction ---------------------------------------------------------------------------------
if (want('extract')) {
  section('Extraction (bytes -> Document)');
  report(`extract 300 KB HTML`, await measure(() => extract(html.bytes, htmlUrl), R));
  report(`extract 40-page PDF`, await measure(() => extract(pdf40.bytes, 'report.pdf'), R_SLOW));
  report(`extract 30-page DOCX`, await measure(() => extract(docx30.bytes, 'report.docx'), R));
  report('load + compile built-in rule set', await measure(() => loadRuleset(BUILTIN_RULESET, readText), R));
}

// ---- rules on growing documents -----------------------------------------------------------------
if (want('rules')) {
  section('All built-in rules on generated documents (auditDocument: facts + sentences + rules)');
  const sizes = [5_000, 20_000, 80_000, 320_000];
  const medians = {};
  let stages = null;
  if (opts.stages) {
    const { prepareDocument } = await dist('rules/prepare.js');
    const { computeFacts } = await dist('facts/index.js');
    stages = { prepareDocument, computeFacts };
  }
  for (const words of sizes) {
    const doc = toSenDocument(generateReport({ words, seed: 3 }));
    const runs = words >= 80_000 ? R_SLOW : R;
    const s = await measure(() => audit(doc), runs);
    medians[words] = s.median;
    report(`all rules, ${words / 1000}k words (${doc.blocks.length} blocks, ${doc.links.length} links)`, s);
    if (stages) {
      const p = await measure(() => stages.prepareDocument(doc), runs);
      const f = await measure(() => stages.computeFacts(doc), runs);
      console.log(`    stages: prepareDocument ${ms(p.median)} ms, computeFacts ${ms(f.median)} ms, the rest (rules, report) ~${ms(Math.max(0, s.median - p.median - f.median))} ms`);
    }
  }
  report('ratio 320k / 80k words (4 = linear)', medians[320_000] / medians[80_000], { value: 4.5 });
  console.log(`    (20k/5k ${(medians[20_000] / medians[5_000]).toFixed(2)}, 80k/20k ${(medians[80_000] / medians[20_000]).toFixed(2)})`);
}

// ---- patterns compiled at load, not per document ------------------------------------------------
if (want('regex')) {
  section('Patterns compiled once per run (RegExp constructor calls; regex literals excluded)');
  const { runRules } = await dist('rules/engine.js');
  const doc = toSenDocument(generateReport({ words: 20_000, seed: 5 }));
  const facts = { reportDate: '2025-09-15', reportDateQuote: null, monthsSinceReportDate: 13, readingEase: 60, textLayer: true };
  const countRegExps = (fn) => {
    const Original = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Original, {
      construct: (t, a) => (built++, Reflect.construct(t, a)),
      apply: (t, self, a) => (built++, Reflect.apply(t, self, a)),
    });
    try {
      fn();
    } finally {
      globalThis.RegExp = Original;
    }
    return built;
  };
  report('RegExps built while all rules run on 20k words', countRegExps(() => runRules(ruleset, doc, facts, 'maintained_mainstream')), { value: 0 });
  const small = toSenDocument(generateReport({ words: 5_000, seed: 5 }));
  const inSmall = countRegExps(() => audit(small));
  const inLarge = countRegExps(() => audit(doc));
  report('RegExps built in one whole audit of 20k words', inLarge, null, `(5k words: ${inSmall}${inSmall === inLarge ? ': a fixed number per document, not per block' : ': grows with the document'})`);
}

// ---- hostile lines: linear, not a power of the length (issue #19) -------------------------------
if (want('adversarial')) {
  section('Adversarial text (extract + all rules): time grows with the length, not a power of it');
  const { extractText } = await dist('extract/text.js');
  const run = (text) => audit(extractText(text, false));
  const at = {};
  for (const [label, text] of [
    ["'a@' x 5k (10 KB)", 'a@'.repeat(5_000)],
    ["'a@' x 50k (100 KB)", 'a@'.repeat(50_000)],
    ["'a@' x 500k (1 MB)", 'a@'.repeat(500_000)],
    ['200k letters, one word', 'a'.repeat(200_000)],
    ['1 MB line of words, no full stop', 'support pupils with '.repeat(50_000)],
  ]) {
    const s = await measure(() => run(text), R_SLOW);
    at[label] = s.median;
    report(label, s, label.includes('1 MB)') ? { value: 2000 } : null);
  }
  report("ratio 'a@' 1 MB / 100 KB (10 = linear)", at["'a@' x 500k (1 MB)"] / at["'a@' x 50k (100 KB)"], { value: 15 });
}

// ---- whole in-process pipelines with targets ----------------------------------------------------
if (want('pipeline')) {
  section('Extraction + all rules (in-process, rule set loaded once)');
  report(`300 KB HTML: extract + all rules`, await measure(async () => audit(await extract(html.bytes, htmlUrl)), R), { value: 150 });
  report('300 KB HTML, full GC before each run', await measure(async () => audit(await extract(html.bytes, htmlUrl)), { ...R, forceGc: true }), null, '(heap limits reset: as in a fresh process)');
  report('300 KB HTML, text-dense: extract + all rules', await measure(async () => audit(await extract(htmlDense.bytes, htmlUrl)), R), null, `(${htmlDense.words} words)`);
  report('40-page PDF: extract + all rules', await measure(async () => audit(await extract(pdf40.bytes, 'report.pdf')), R_SLOW), { value: 800 });
  report('30-page DOCX: extract + all rules', await measure(async () => audit(await extract(docx30.bytes, 'report.docx')), R));
}

// ---- the CLI as a user runs it ------------------------------------------------------------------
if (want('cli')) {
  section('CLI, spawned (process start to exit, wall time)');
  const pdf10 = await makePdf({ pages: 10, seed: 31 });
  const pdfPath = join(tmp, 'sen-information-report.pdf');
  writeFileSync(pdfPath, pdf10.bytes);
  const bin = join(root, 'bin', 'senaudit.js');
  const cliRuns = opts.quick ? { warmup: 1, runs: 3 } : { warmup: 1, runs: 9 };
  report('node -e 0 (start-up floor, for reference)', measureProcess(['-e', '0'], { cwd: root, ...cliRuns }));
  report('senaudit --help', measureProcess([bin, '--help'], { cwd: root, ...cliRuns }), { value: 250 });
  report(
    `senaudit audit <10-page PDF>`,
    measureProcess([bin, 'audit', pdfPath, '--as-of', '2026-11-01', '--format', 'json'], { cwd: root, okCodes: [0, 1], ...cliRuns }),
    { value: 1200 },
  );
}

// ---- event loop while a long PDF is extracted ---------------------------------------------------
if (want('stall')) {
  section('Event loop while a long PDF is extracted');
  const pages = 200;
  const long = await makePdf({ pages, seed: 41 });
  await extract(long.bytes, 'long.pdf'); // warm-up: pdfjs loaded, JIT warm
  const results = [];
  for (let i = 0; i < (opts.quick ? 3 : 5); i++) {
    globalThis.gc?.();
    results.push(await eventLoopStall(() => extract(long.bytes, 'long.pdf')));
  }
  const stall = results.map((r) => r.stall);
  report(`max event-loop stall, ${pages}-page PDF`, { median: median(stall), min: Math.min(...stall), max: Math.max(...stall), runs: stall.length }, { value: 100, strict: true });
  console.log(
    `    (10 ms timer drift; monitorEventLoopDelay max ${ms(median(results.map((r) => r.histogramMax)))} ms; extraction took ${ms(median(results.map((r) => r.elapsed)))} ms)`,
  );
}

// ---- summary ------------------------------------------------------------------------------------
const loadEnd = os.loadavg();
const judged = rows.filter((r) => r.pass !== null);
const missed = judged.filter((r) => !r.pass);
console.log(`\nload average at end: ${fmtLoad(loadEnd)}`);
console.log(`${judged.length - missed.length} of ${judged.length} targets met${missed.length ? `; missed: ${missed.map((r) => r.figure).join('; ')}` : ''}`);
if (opts.json) {
  writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), machine, load: { start: loadStart, end: loadEnd }, runs: { ...R, slow: R_SLOW }, rows }, null, 2)}\n`);
  console.log(`figures written to ${opts.json}`);
}
process.exitCode = opts.strict && missed.length ? 1 : 0;

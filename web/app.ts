// The page for governors and SENCOs (issue #17): drop a draft, read the gaps. The same engine as
// the CLI runs here (extract -> facts -> rules -> findings), through two small adapters (the
// browser's Buffer and zlib, web/shims/) and the rule set the build validated
// (dist/rules/builtin-ruleset.json). The draft never leaves the machine: after the page has
// loaded (the PDF reader's worker is fetched while it loads), nothing is requested.
import { PDFParse } from 'pdf-parse';
import compiled from '../dist/rules/builtin-ruleset.json' with { type: 'json' };
import { auditDocument } from '../src/audit/audit-document.js';
import { noTextMessage } from '../src/audit/no-text.js';
import type { AuditReport } from '../src/audit/report.js';
import { extractDocument } from '../src/extract/index.js';
import { STATUS_LABEL, schoolTypeName, summaryLine } from '../src/format/common.js';
import { formatDocx } from '../src/format/docx.js';
import { formatHtml } from '../src/format/html.js';
import { kindNotice } from '../src/format/kind-notice.js';
import { formatMarkdown } from '../src/format/markdown.js';
import { compileRuleset } from '../src/rules/compile-rule.js';
import type { Finding, Ruleset } from '../src/rules/types.js';
import { SCHOOL_TYPES, type SchoolType } from '../src/rules/vocabulary.js';
import type { RuleSpec, RulesetInfo } from '../src/rules/schema.js';
import pkg from '../package.json' with { type: 'json' };

const set = compiled as unknown as { info: RulesetInfo; rules: { file: string; spec: RuleSpec }[] };
const ruleset: Ruleset = compileRuleset(set.info, set.rules);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('check');
const fileInput = $<HTMLInputElement>('file');
const typeSelect = $<HTMLSelectElement>('school-type');
const asOfInput = $<HTMLInputElement>('as-of');
const status = $<HTMLParagraphElement>('status');
const results = $<HTMLElement>('results');
const urlForm = $<HTMLFormElement>('by-url');
const urlInput = $<HTMLInputElement>('url');
const urlNote = $<HTMLParagraphElement>('url-note');

for (const t of SCHOOL_TYPES) typeSelect.add(new Option(schoolTypeName(t), t, t === 'maintained_mainstream', t === 'maintained_mainstream'));
asOfInput.value = new Date().toISOString().slice(0, 10);

/** `senaudit serve` answers /api/ping: then a web address can be audited by the CLI's own fetcher. */
let served = false;

async function ready(): Promise<void> {
  // The PDF reader's worker, fetched now and kept as a blob, so reading a PDF later requests nothing.
  const worker = await fetch(new URL('./pdf.worker.mjs', import.meta.url));
  PDFParse.setWorker(URL.createObjectURL(new Blob([await worker.text()], { type: 'text/javascript' })));
  served = await fetch('./api/ping').then((r) => r.ok, () => false);
  document.body.dataset['ready'] = 'true';
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void checkFile();
});
fileInput.addEventListener('change', () => void checkFile());

async function checkFile(): Promise<void> {
  const file = fileInput.files?.[0];
  if (!file) {
    say('Choose the report first: a PDF, Word (.docx), web page or text file.');
    return;
  }
  say(`Reading ${file.name}...`);
  const started = performance.now();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const doc = await extractDocument({ bytes, contentType: null, name: file.name, baseUrl: null });
    if (!doc.textLayer) throw new Error(noTextMessage(file.name, doc));
    const report = auditDocument(doc, ruleset, { target: file.name, finalUrl: null, asOf: asOfInput.value, schoolType: typeSelect.value as SchoolType, toolVersion: pkg.version });
    show(report);
    document.body.dataset['ms'] = String(Math.round(performance.now() - started));
    say(`Checked ${file.name}: ${summaryLine(report.summary)}.`);
  } catch (e) {
    results.replaceChildren();
    say((e as Error).message, true);
  }
}

urlForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void checkUrl();
});

async function checkUrl(): Promise<void> {
  const url = urlInput.value.trim();
  if (!served) {
    urlNote.textContent = `A web page cannot fetch another site's pages (browsers forbid it, and this page sends nothing anywhere). To check ${url || 'an address'}, run: npx senaudit audit --discover ${url || '<address>'} (or "npx senaudit serve" and open the page it gives).`;
    return;
  }
  say(`Fetching ${url}...`);
  const answer = await fetch('./api/audit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url, schoolType: typeSelect.value, asOf: asOfInput.value }) });
  const body = (await answer.json()) as { report?: AuditReport; error?: string };
  if (body.report) {
    show(body.report);
    say(`Checked ${url}: ${summaryLine(body.report.summary)}.`);
  } else say(body.error ?? 'The address could not be checked.', true);
}

function say(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

/** The gap report: what is missing first (with why and what to add), then partly there, met, not applicable. */
function show(report: AuditReport): void {
  const parts: HTMLElement[] = [];
  const notice = kindNotice(report.document.kind, report.document.kindReason);
  if (notice) parts.push(el('p', { class: 'notice', role: 'note' }, notice));
  parts.push(el('h2', {}, `${summaryLine(report.summary)}`));
  for (const st of ['missing', 'partial', 'met', 'not_applicable'] as const) {
    const found = report.results.filter((f) => f.status === st);
    if (!found.length) continue;
    parts.push(el('h3', {}, `${STATUS_LABEL[st]} (${found.length})`), el('ul', { class: `findings ${st}` }, ...found.map(finding)));
  }
  parts.push(downloads(report));
  results.replaceChildren(...parts);
  results.focus();
}

function finding(f: Finding): HTMLElement {
  const li = el('li', { 'data-id': f.id, 'data-status': f.status }, el('strong', {}, f.title), ` (${f.severity}, ${f.source})`);
  for (const e of f.evidence) li.append(el('blockquote', {}, e.quote));
  if (f.status === 'missing' || f.status === 'partial') {
    li.append(el('p', {}, el('b', {}, 'Why the law asks for it: '), f.why), el('p', {}, el('b', {}, 'What to add: '), f.advice));
  }
  if (f.reason) li.append(el('p', {}, f.reason));
  return li;
}

function downloads(report: AuditReport): HTMLElement {
  const link = (text: string, name: string, type: string, body: BlobPart) =>
    el('a', { href: URL.createObjectURL(new Blob([body], { type })), download: name, class: 'download' }, text);
  const base = report.target.replace(/\.[^.]+$/, '') || 'report';
  const p = el('p', { class: 'downloads' }, 'Download the gap report: ', link('Markdown', `${base}-gaps.md`, 'text/markdown', formatMarkdown(report)), ', ', link('web page (HTML)', `${base}-gaps.html`, 'text/html', formatHtml(report)));
  // The Word version (for board papers) is made as the CLI's --format docx makes it, a moment later.
  void formatDocx(report).then((bytes) => p.append(', ', link('Word (.docx)', `${base}-gaps.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', new Uint8Array(bytes))));
  return p;
}

function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

void ready();

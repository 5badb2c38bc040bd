// `audit --format docx --output <file>`: the gap report as a Word document, read back with mammoth
// and checked against the same audit as JSON.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import mammoth from 'mammoth';
import { expect, test } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = 'fixtures/examples/oakfield-primary.html';
// Three years on, the example's annual update is overdue, so the report has a gap to show.
const AS_OF = '2029-11-01';

test('the Word report has every gap with its law, reason and fix, and what is met', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'senaudit-docx-'));
  const file = join(dir, 'gaps.docx');
  const r = await runCli(['audit', EXAMPLE, '--format', 'docx', '--output', file, '--as-of', AS_OF]);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`senaudit: wrote ${file}\n`);
  const asJson = await runCli(['audit', EXAMPLE, '--format', 'json', '--as-of', AS_OF]);
  const json = JSON.parse(asJson.stdout) as AuditReport;
  expect(r.code).toBe(asJson.code);

  const { value: html } = await mammoth.convertToHtml({ path: file });
  const $ = load(html);
  expect($('h1').text()).toBe(`SEN information report audit: ${json.document.title}`);
  const gaps = json.results.filter((f) => f.status === 'missing' || f.status === 'partial');
  expect($('h3').map((_, h) => $(h).text()).get()).toEqual(expect.arrayContaining(gaps.map((g) => `${g.title} (${g.severity})`)));
  const text = $.root().text();
  for (const g of gaps) for (const s of [g.source, g.why, g.advice]) expect(text).toContain(s);
  const met = json.results.filter((f) => f.status === 'met');
  expect($('h2').first().text()).toMatch(/^(Missing|Partly there) \(\d+\)$/);
  expect($('li').length).toBe(met.length + json.summary.notApplicable);
  expect(readdirSync(dir)).toEqual(['gaps.docx']); // no temp file left beside it
});

test('--format docx without --output says what to add, exit 2', async () => {
  const r = await runCli(['audit', EXAMPLE, '--format', 'docx']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('senaudit: --format docx writes a Word document: add --output <file>, e.g. --output gap-report.docx.\n');
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import type { ResultLine } from '../../src/batch/types.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { formatBatchHtml, formatHtml } from '../../src/format/html.js';
import { formatBatchJunit, formatJunit } from '../../src/format/junit.js';
import { formatBatchMarkdown, formatMarkdown, md } from '../../src/format/markdown.js';
import type { Finding } from '../../src/rules/types.js';
import { REPO_ROOT } from '../helpers/cli.js';

const DIR = join(REPO_ROOT, 'fixtures/format');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(DIR, name, 'input.json'), 'utf8')) as T;
const report = read<AuditReport>('audit-report');
const policy = read<AuditReport>('audit-policy');
const lines = read<ResultLine[]>('batch');

/** A hostile report: markup, control characters and workflow-command text in every field that is printed. */
function hostile(): AuditReport {
  const r = structuredClone(report);
  r.target = 'javascript:alert(1)';
  r.finalUrl = null;
  r.document.title = null; // so the heading shows the target
  const f = r.results.find((x) => x.status === 'met')!;
  f.evidence = [{ quote: '<script>alert("x")</script> & *bold* `code` | ]]> \u0000\u001b[31m\r\n::error::injected', page: 1, heading: '<img src=x onerror=alert(1)>' }];
  return r;
}

// --- JUnit: parse it and check the usual JUnit XML shape (testsuites > testsuite > testcase). ---

const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function checkJunit(xml: string): { tests: number; failures: number; errors: number; skipped: number; suites: number } {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(XML_FORBIDDEN.test(xml)).toBe(false);
  // Every & starts one of the five XML entities; no raw < inside attribute values.
  expect(xml.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
  for (const m of xml.matchAll(/="([^"]*)"/g)) expect(m[1]).not.toMatch(/[<>]/);
  // Tags balance.
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-z-]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);

  const $ = load(xml, { xmlMode: true });
  const root = $.root().children();
  expect(root.length).toBe(1);
  expect(root.get(0)!.tagName).toBe('testsuites');
  const num = (el: Parameters<typeof $>[0], a: string) => {
    const v = $(el).attr(a);
    expect(v, `attribute ${a}`).toMatch(/^\d+$/);
    return Number(v);
  };
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, suites: 0 };
  root.children().each((_, suite) => {
    expect(suite.tagName).toBe('testsuite');
    expect($(suite).attr('name')).toBeTruthy();
    const cases = $(suite).children('testcase');
    for (const child of $(suite).children().toArray()) expect(['properties', 'testcase', 'system-out', 'system-err']).toContain(child.tagName);
    $(suite).find('properties > property').each((_, p) => {
      expect($(p).attr('name')).toBeTruthy();
      expect($(p).attr('value')).toBeDefined();
    });
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    cases.each((_, tc) => {
      expect($(tc).attr('name')).toBeTruthy();
      expect($(tc).attr('classname')).toBeTruthy();
      const kids = $(tc).children().toArray().map((k) => k.tagName);
      for (const k of kids) expect(['failure', 'error', 'skipped', 'system-out', 'system-err']).toContain(k);
      expect(kids.filter((k) => k === 'failure' || k === 'error' || k === 'skipped').length).toBeLessThanOrEqual(1);
      if (kids.includes('failure')) {
        failures++;
        expect($(tc).children('failure').attr('message')).toBeTruthy();
      }
      if (kids.includes('error')) errors++;
      if (kids.includes('skipped')) skipped++;
    });
    expect(num(suite, 'tests')).toBe(cases.length);
    expect(num(suite, 'failures')).toBe(failures);
    expect(num(suite, 'errors')).toBe(errors);
    expect(num(suite, 'skipped')).toBe(skipped);
    totals.tests += cases.length;
    totals.failures += failures;
    totals.errors += errors;
    totals.skipped += skipped;
    totals.suites++;
  });
  for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) expect(num(root.get(0)!, k)).toBe(totals[k]);
  return totals;
}

describe('junit', () => {
  it('is one testsuite with one testcase per rule: gaps at or above --fail-on fail, not applicable is skipped', () => {
    const t = checkJunit(formatJunit(report, { failOn: 'error' }));
    expect(t).toEqual({ suites: 1, tests: 10, failures: 3, errors: 0, skipped: 2 }); // 1 missing + 2 partial at error
    const w = checkJunit(formatJunit(report, { failOn: 'warning' }));
    expect(w.failures).toBe(5); // plus the two warning-severity gaps
    expect(checkJunit(formatJunit(report, { failOn: 'info' })).failures).toBe(5);
  });

  it('notes a gap below --fail-on in system-out instead of failing it', () => {
    const $ = load(formatJunit(report, { failOn: 'error' }), { xmlMode: true });
    const tc = $('testcase').filter((_, e) => $(e).attr('name')!.startsWith('plain-language:'));
    expect(tc.children('failure').length).toBe(0);
    expect(tc.children('system-out').text()).toMatch(/^Missing \(warning, below --fail-on error\)/);
  });

  it('batch: a suite per school; not found and errors are a suite with an errored testcase, skipped a skipped one', () => {
    const t = checkJunit(formatBatchJunit(lines, { failOn: 'error' }));
    expect(t.suites).toBe(lines.length);
    expect(t.errors).toBe(2);
    const $ = load(formatBatchJunit(lines), { xmlMode: true });
    const gone = $('testsuite').filter((_, e) => $(e).attr('name') === 'https://www.gone.example.sch.uk/');
    expect(gone.find('testcase > error').attr('type')).toBe('http');
    expect(gone.find('testcase > error').attr('message')).toContain('404');
  });

  it('stays valid XML with hostile text (markup, control characters, ]]>)', () => {
    const xml = formatJunit(hostile(), { failOn: 'info' });
    checkJunit(xml);
    expect(xml).not.toContain('<script>');
  });
});

// --- HTML ---

function checkHtml(html: string) {
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
  const $ = load(html);
  expect($('html').attr('lang')).toBe('en-GB');
  expect($('script').length).toBe(0);
  expect($('link').length).toBe(0);
  expect($('iframe, object, embed, img').length).toBe(0);
  // No external assets: nothing loads from http(s); the only http(s) hrefs are <a> links a reader may follow.
  $('[src]').each((_, e) => expect($(e).attr('src')).not.toMatch(/^(https?:)?\/\//));
  $('[href]').each((_, e) => {
    expect(e.tagName).toBe('a');
    expect($(e).attr('href')).toMatch(/^(#|https?:\/\/)/);
  });
  expect($('style').text()).not.toMatch(/@import|url\(/);
  expect($('style').text()).toContain('@media print');
  // No event handlers anywhere.
  $('*').each((_, e) => expect(Object.keys((e as { attribs?: Record<string, string> }).attribs ?? {}).filter((a) => a.toLowerCase().startsWith('on'))).toEqual([]));
  expect($('h1').length).toBe(1);
  expect($('th').length).toBeGreaterThan(0);
  expect($('title').first().text()).toBeTruthy();
  // Status by colour and text: every badge has words.
  $('.badge').each((_, e) => expect($(e).text().trim()).not.toBe(''));
  return $;
}

describe('html', () => {
  it('is one self-contained, printable page with status in words', () => {
    const $ = checkHtml(formatHtml(report));
    expect($('h2').map((_, e) => $(e).text()).get()).toEqual(['Missing (3)', 'Partly there (2)', 'Met (3)', 'Not applicable (2)']);
    expect($('article.finding.missing .badge').first().text()).toBe('Missing');
    expect($('article.finding.met q').first().text()).toContain('If you are unhappy');
    expect($('th[scope="col"]').length).toBeGreaterThan(0);
  });

  it('says at the top when the document is not a report', () => {
    const $ = checkHtml(formatHtml(policy));
    expect($('.notice').first().text()).toMatch(/This looks like the school's SEN policy rather than its SEN information report\./);
  });

  it('escapes everything, and links only http(s) addresses', () => {
    const html = formatHtml(hostile());
    const $ = checkHtml(html);
    expect($('a[href^="javascript"]').length).toBe(0);
    expect($('h1').text()).toBe('SEN information report audit: javascript:alert(1)'); // shown as text, not linked
    expect($('img').length).toBe(0);
    expect($('q').text()).toContain('<script>alert("x")</script>');
    expect(html).not.toMatch(/\u001b|\u0000/);
  });

  it('batch: overview table by outcome, an SVG chart with a title and text labels, and a section per school', () => {
    const $ = checkHtml(formatBatchHtml(lines, { title: 'Anyshire' }));
    const rows = $('table.schools tbody tr');
    expect(rows.length).toBe(lines.length);
    expect(rows.find('.badge').map((_, e) => $(e).text()).get()).toEqual([
      'All met',
      'Gaps found',
      'Gaps found',
      'No report found',
      'Could not audit',
      'Skipped',
    ]);
    const svg = $('svg.chart');
    expect(svg.attr('role')).toBe('img');
    expect(svg.attr('aria-labelledby')).toBe('chart-title chart-desc');
    expect(svg.children('title').text()).toBe('Share of audited schools meeting each requirement');
    expect(svg.find('text.value').length).toBe(10);
    expect(svg.find('text.value').first().text()).toBe('1 of 3 met (33%), 2 partly');
    expect($('section.school').length).toBe(lines.length);
    // Every overview link lands on a school section.
    rows.find('th a').each((_, a) => expect($(`#${$(a).attr('href')!.slice(1)}`).length).toBe(1));
    expect($('section.school h2').eq(2).text()).toBe('St Mary & St John <C of E> Primary (URN 100003)');
  });

  it('batch with no audited schools has no chart', () => {
    const $ = checkHtml(formatBatchHtml(lines.filter((l) => l.status !== 'audited')));
    expect($('svg').length).toBe(0);
  });
});

// --- markdown ---

describe('markdown', () => {
  it('puts what is missing first, with the law, why and what to add; then partial, met with evidence, not applicable', () => {
    const text = formatMarkdown(report);
    const order = ['## Missing (3)', '**The law:**', '**Why it matters:**', '**What to add:**', '## Partly there (2)', '## Met (3)', '“If you are unhappy', '## Not applicable (2)'];
    const pos = order.map((s) => text.indexOf(s));
    expect(pos.every((p) => p >= 0)).toBe(true);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    expect(text).toContain('- **Date of the report:** 2026');
    expect(text).toContain('as of 2026-11-01');
    expect(text).toContain('- **Result:** 3 missing, 2 partly there, 3 met, 2 not applicable');
  });

  it('gives the notice first for a document that is not a report', () => {
    expect(formatMarkdown(policy).split('\n')[2]).toMatch(/^> \*\*Check the document first\.\*\* This looks like the school's SEN policy rather than its SEN information report/);
  });

  it('escapes markdown in quoted text', () => {
    expect(md('*a* _b_ `c` [d](e) <f> | ~g~ \\ &amp; & x')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\| \\~g\\~ \\\\ \\&amp; & x');
    const text = formatMarkdown(hostile());
    expect(text).toContain('\\<script\\>');
    expect(text).not.toContain('[javascript');
    expect(text).not.toMatch(/\u001b|\u0000|\r/);
    // The quote stays on its line: no line of output starts with text from the document.
    expect(text.split('\n').some((l) => l.startsWith('::error'))).toBe(false);
  });

  it('batch: a table of schools and a section per school', () => {
    const text = formatBatchMarkdown(lines, { title: 'Anyshire' });
    expect(text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| school')).length).toBe(lines.length);
    expect(text.match(/^## /gm)!.length).toBe(lines.length);
    expect(text).toContain('- **Why:** https://www.gone.example.sch.uk/ answered 404 Not Found.');
  });
});

// --- github ---

describe('github', () => {
  it('is one annotation per gap, error/warning by severity, and a summary line', () => {
    const out = formatGithub(report).trimEnd().split('\n');
    const gaps = report.results.filter((f: Finding) => f.status === 'missing' || f.status === 'partial');
    expect(out.length).toBe(gaps.length + 1);
    expect(out.filter((l) => l.startsWith('::error ')).length).toBe(3);
    expect(out.filter((l) => l.startsWith('::warning ')).length).toBe(2);
    expect(out[0]).toMatch(/^::error title=senaudit kinds-of-sen%3A partly there::Partly there: Kinds of SEN/);
    expect(out.at(-1)).toBe('senaudit: https://www.brook-lane.example.sch.uk/send/information-report: 3 missing, 2 partly there, 3 met, 2 not applicable.');
  });

  it('warns first when the document is not a report, and names a local file', () => {
    const first = formatGithub(policy).split('\n')[0]!;
    expect(first).toMatch(/^::warning title=senaudit%3A not a SEN information report,file=reports\/St Mary & St John <C of E> Primary.pdf::This looks like the school's SEN policy/);
  });

  it("escapes per GitHub's rules so document text cannot start a command", () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a: b, c%')).toBe('a%3A b%2C c%25');
    const r = hostile();
    r.results.find((f) => f.status === 'missing')!.evidence = [{ quote: 'x\n::error::injected 100%', page: null, heading: null }];
    const out = formatGithub(r);
    expect(out.split('\n').filter((l) => l.startsWith('::')).length).toBe(5);
    expect(out).toContain('injected 100%25');
  });
});

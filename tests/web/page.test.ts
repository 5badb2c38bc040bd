// The page for governors and SENCOs (issue #17), driven in real headless Chromium (the one
// `.ci/run` installs) by playwright-core, served by `senaudit serve` on 127.0.0.1: a PDF and a
// DOCX chosen through the file input give the same status for every requirement as
// `senaudit audit --format json` on the same file; nothing is requested once the page is ready;
// axe-core finds no serious or critical violation; and a screenshot is taken.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportParagraphs } from '../batch/report-text.js';
import { makeDocx } from '../extract/make-docx.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';
import { startServe } from '../helpers/serve.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const AS_OF = '2026-11-01';

describe.runIf(existsSync(CHROMIUM))('the page, in headless Chromium', () => {
  let dir: string;
  let server: ChildProcess;
  let origin: string;
  let browser: Browser;
  let pdf: string;
  let docx: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'senaudit-web-'));
    // A report as a PDF and as a Word file, written for the tests (one missing its complaints section).
    const sections = reportParagraphs('Kestrel Rise Primary School').filter((s) => s.heading !== 'Complaints');
    pdf = join(dir, 'kestrel-rise.pdf');
    writeFileSync(pdf, await makePdf(sections));
    docx = join(dir, 'kestrel-rise.docx');
    writeFileSync(docx, makeDocx(sections.flatMap((s) => [{ text: s.heading, style: 'Heading1' }, ...s.paragraphs])));

    ({ origin, process: server } = await startServe());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh page, ready (its PDF worker loaded), recording every request made from then on. */
  async function openPage(): Promise<{ page: Page; requests: string[] }> {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.fill('#as-of', AS_OF);
    return { page, requests };
  }

  async function statusesInPage(page: Page, file: string): Promise<Record<string, string>> {
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#results li[data-status]', { timeout: 20_000 });
    return Object.fromEntries(await page.$$eval('#results li[data-status]', (lis) => lis.map((li) => [li.getAttribute('data-id')!, li.getAttribute('data-status')!])));
  }

  async function statusesFromCli(file: string): Promise<Record<string, string>> {
    const r = await runCli(['audit', file, '--format', 'json', '--as-of', AS_OF]);
    const report = JSON.parse(r.stdout) as { results: { id: string; status: string }[] };
    return Object.fromEntries(report.results.map((f) => [f.id, f.status]));
  }

  test.each([['PDF', () => pdf], ['DOCX', () => docx]])('a %s chosen in the page: the same status for every requirement as the CLI, and no request', { timeout: 60_000 }, async (_, file) => {
    const { page, requests } = await openPage();
    const inPage = await statusesInPage(page, file());
    const cli = await statusesFromCli(file());
    expect(Object.keys(inPage).length).toBeGreaterThan(20);
    expect(inPage).toEqual(cli);
    expect(inPage['complaints']).toBe('missing');
    expect(await page.textContent('#status')).toMatch(/^Checked kestrel-rise\.(pdf|docx): \d+ missing/);
    // The Markdown download is the CLI's Markdown formatter's output.
    const href = await page.getAttribute('a[download$="-gaps.md"]', 'href');
    expect(href).toMatch(/^blob:/);
    // The Word version, made by the CLI's --format docx code: a ZIP (a .docx) holding the gaps.
    await page.waitForSelector('a[download$="-gaps.docx"]');
    const docxHead = await page.evaluate<number[]>(`fetch(document.querySelector('a[download$="-gaps.docx"]').href).then((r) => r.arrayBuffer()).then((b) => [...new Uint8Array(b).slice(0, 2)])`);
    expect(String.fromCharCode(...docxHead)).toBe('PK');
    expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  });

  test('a web address: the page says why it cannot fetch it and gives the command (served: it asks the CLI)', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    // A copy of the page on its own, without `senaudit serve` behind it.
    await page.route('**/api/ping', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.fill('#url', 'https://www.example-school.sch.uk/send');
    await page.click('#by-url button');
    expect(await page.textContent('#url-note')).toContain('run: npx senaudit audit --discover https://www.example-school.sch.uk/send');
    await context.close();
  });

  test('accessible: axe-core finds no serious or critical violation, with a report shown; keyboard reaches every control; fits a phone', { timeout: 60_000 }, async () => {
    const { page } = await openPage();
    // Tab order from the top: the file input, the school type, the date (its day, month and year
    // are stops of their own), the button, then the address box.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const order: string[] = [];
    for (let i = 0; i < 12 && order.at(-1) !== 'url'; i++) {
      await page.keyboard.press('Tab');
      // Run in the page (a string, as this file is type-checked without the DOM's types).
      const at = await page.evaluate<string>("document.activeElement?.id || document.activeElement?.tagName || ''");
      if (at !== order.at(-1)) order.push(at);
    }
    expect(order).toEqual(['file', 'school-type', 'as-of', 'BUTTON', 'url']);
    await page.fill('#as-of', AS_OF);
    await statusesInPage(page, pdf);
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: readFileSync(axe, 'utf8') });
    const violations = await page.evaluate<{ id: string; impact: string }[]>('axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact })))');
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const shot = process.env['SENAUDIT_UPDATE_PICTURES'] ? join(REPO_ROOT, 'docs/img/web.png') : join(dir, 'web.png');
    // Readable on a phone: at 390 px wide nothing makes the page scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The top of the page with the start of the gap report, as a governor first sees it.
    await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
    await page.setViewportSize({ width: 900, height: 1150 });
    await page.screenshot({ path: shot, fullPage: false });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.context().close();
  });
});

// The batch HTML report as a browser renders it (issue #5): Debian's Chromium, headless, with a
// fresh profile. Any console message fails the test (the page has no scripts, so a message means
// an error: a blocked asset, a parse problem); the chart and the table must be in the rendered
// DOM; no text of the chart may be laid out past its edge (SVG clips it); the screenshot must
// be a real PNG of the window size. `.ci/run` installs chromium when it
// is absent. UPDATE_SCREENSHOT=1 also writes the README's docs/batch-report.png.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { ResultLine } from '../../src/batch/types.js';
import { formatBatchHtml } from '../../src/format/html.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const REPORT = resolve(import.meta.dirname, '../../fixtures/format/batch/expected.html');
const WIDTH = 1200;
const HEIGHT = 1600;

interface Run {
  stdout: string;
  console: string[];
}

/** One headless run; returns stdout and the page's console messages (from Chromium's log). */
function chromium(args: string[], page: string): Promise<Run> {
  const profile = mkdtempSync(join(tmpdir(), 'senaudit-chromium-'));
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--enable-logging=stderr',
    '--v=0',
    `--window-size=${WIDTH},${HEIGHT}`,
    ...args,
    pathToFileURL(page).href,
  ];
  return new Promise((done, fail) => {
    const child = spawn(CHROMIUM, flags, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', () => done({ stdout, console: stderr.split('\n').filter((l) => /:CONSOLE[:(]/.test(l)) }));
  });
}

// Put at the end of a page: lists each text of the chart that the browser lays out (partly)
// outside the chart's viewBox, where it is clipped, in a data attribute that --dump-dom shows.
const MEASURE_CHART = `<script>
const svg = document.querySelector('svg.chart');
const box = svg.viewBox.baseVal;
const texts = [...svg.querySelectorAll('text')];
const outside = texts.filter((t) => { const b = t.getBBox(); return b.x < box.x || b.x + b.width > box.x + box.width; });
document.body.dataset.texts = String(texts.length);
document.body.dataset.outside = JSON.stringify(outside.map((t) => t.textContent));
</script>`;

/** The chart texts Chromium draws outside the chart (so clipped), and how many texts there are. */
async function chartOverflow(html: string): Promise<{ texts: number; outside: string[] }> {
  const page = join(mkdtempSync(join(tmpdir(), 'senaudit-render-')), 'chart.html');
  writeFileSync(page, html.replace('</body>', `${MEASURE_CHART}\n</body>`));
  const dom = await chromium(['--dump-dom'], page);
  expect(dom.console).toEqual([]);
  const body = load(dom.stdout)('body');
  return { texts: Number(body.attr('data-texts')), outside: JSON.parse(body.attr('data-outside') ?? 'null') as string[] };
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.runIf(existsSync(CHROMIUM))('batch HTML report in headless Chromium', () => {
  test('renders without console errors, with the chart and the table, and screenshots', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-render-'));
    const page = join(dir, 'report.html');
    copyFileSync(REPORT, page);
    const shot = join(dir, 'report.png');

    const screenshot = await chromium([`--screenshot=${shot}`], page);
    expect(screenshot.console).toEqual([]);
    expect(pngSize(readFileSync(shot))).toEqual({ width: WIDTH, height: HEIGHT });

    const dom = await chromium(['--dump-dom'], page);
    expect(dom.console).toEqual([]);
    const $ = load(dom.stdout);
    expect($('html').attr('lang')).toBe('en-GB');
    expect($('table th').length).toBeGreaterThan(3);
    expect($('table tbody tr').length).toBeGreaterThan(0);
    const chart = $('svg');
    expect(chart.length).toBe(1);
    expect(chart.find('rect').length).toBeGreaterThan(0);
    expect(chart.find('title').text().length).toBeGreaterThan(0);

    if (process.env['UPDATE_SCREENSHOT']) copyFileSync(shot, resolve(import.meta.dirname, '../../docs/batch-report.png'));
  });

  test('every label of the chart fits inside it, with full bars and with counts in the thousands', { timeout: 60_000 }, async () => {
    const golden = await chartOverflow(readFileSync(REPORT, 'utf8'));
    expect(golden.texts).toBe(20); // the name and the value of each of the 10 requirements
    expect(golden.outside).toEqual([]);
    // 334 copies of the audited schools: values such as "334 of 1002 met (33%), 668 partly".
    // Only the chart is kept: 1,002 school sections would make a 9 MB page.
    const lines = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/format/batch/input.json'), 'utf8')) as ResultLine[];
    const audited = lines.filter((l) => l.status === 'audited');
    const html = formatBatchHtml(Array.from({ length: 334 }, () => audited).flat());
    const chartOnly = `${html.slice(0, html.indexOf('<section class="school"'))}</main>\n</body>\n</html>\n`;
    expect(load(chartOnly)('svg.chart text.value').first().text()).toBe('334 of 1002 met (33%), 668 partly');
    const big = await chartOverflow(chartOnly);
    expect(big.texts).toBe(20);
    expect(big.outside).toEqual([]);
  });

  test('the chart check catches a label drawn past the edge', { timeout: 60_000 }, async () => {
    const svg = '<svg class="chart" viewBox="0 0 200 20"><text x="10" y="15">fits</text><text x="150" y="15">runs past the edge</text></svg>';
    const run = await chartOverflow(`<!doctype html><html lang="en"><body>${svg}</body></html>`);
    expect(run).toEqual({ texts: 2, outside: ['runs past the edge'] });
  });

  test('the console check catches a page that does log errors', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-render-'));
    const page = join(dir, 'broken.html');
    writeFileSync(page, '<!doctype html><html lang="en"><body><p>x</p><script>notDefined()</script></body></html>');
    const run = await chromium(['--dump-dom'], page);
    expect(run.console.join('\n')).toMatch(/notDefined is not defined/);
  });
});

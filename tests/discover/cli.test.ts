// `senaudit audit <home page> --discover`, spawned as a user runs it, against fake school sites
// on 127.0.0.1 (tests/helpers/fake-school.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type FakeSchool, type ReportPlacement, startTypicalSchool } from '../helpers/fake-school.js';

const open: FakeSchool[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function school(name: string, placement: ReportPlacement) {
  const s = await startTypicalSchool(name, placement);
  open.push(s);
  return s;
}

describe('senaudit audit <home page> --discover', () => {
  test('finds the PDF report from the home page, audits it, and the JSON gives the way there', async () => {
    const s = await school('Larkfield Primary School', 'send-page-pdf');
    const r = await runCli(['audit', s.url('/'), '--discover', '--format', 'json', '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as { target: string; finalUrl: string; discovery: { clickPath: string[]; pagesSearched: string[] }; results: unknown[] };
    expect(report.target).toBe(s.url('/'));
    expect(report.finalUrl).toBe(s.url(s.reportPath!));
    expect(report.discovery.clickPath).toEqual([s.url('/'), s.url('/send/'), s.url(s.reportPath!)]);
    expect(report.discovery.pagesSearched).toEqual(report.discovery.clickPath);
    expect(report.results.length).toBeGreaterThan(0);
    // robots.txt first, and every request says who it is.
    expect(s.log[0]).toBe('/robots.txt');
    expect(s.userAgents.every((ua) => ua.startsWith('senaudit/'))).toBe(true);
  });

  test('the text report shows the click path on one line', async () => {
    const s = await school('Brookside Primary School', 'parents-html');
    const r = await runCli(['audit', s.url('/'), '--discover', '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    const line = r.stdout.split('\n').find((l) => l.startsWith('Found from '));
    // The policies menu item (SEN policy inside) is read before Parents: its link scores higher.
    expect(line).toBe(`Found from ${s.url('/')} (5 pages searched): ${s.url('/')} -> ${s.url('/parents/')} -> ${s.url('/parents/sen-information-report/')}`);
  });

  test('not found: exit 2 and one line saying where it looked', async () => {
    const s = await school('Poplar Lane School', 'none');
    const r = await runCli(['audit', s.url('/'), '--discover', '--max-pages', '5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^senaudit: No SEN information report found in 5 pages of http:\/\/127\.0\.0\.1:\d+\/ \(searched to depth 3\)\. Ask the school where the report is published, or audit its address directly\.\n$/);
    expect(s.log.filter((p) => p !== '/robots.txt' && p !== '/sitemap.xml')).toHaveLength(5);
  });

  test('robots.txt is obeyed: the disallowed report is never requested, and the message says why', async () => {
    const s = await school('Fernhill School', 'robots-blocked');
    const r = await runCli(['audit', s.url('/'), '--discover']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^senaudit: No SEN information report found in \d+ pages of .*1 was not read because robots\.txt disallows it\).*\n$/);
    expect(s.log.some((p) => p.startsWith('/private/'))).toBe(false);
  });

  test('--discover needs a web address, not a file', async () => {
    const r = await runCli(['audit', 'fixtures/examples/oakfield-primary.html', '--discover']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^senaudit: --discover searches a website from its address .* is a file: leave out --discover to audit it\.\n$/);
  });
});

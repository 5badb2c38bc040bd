// The CLI with senaudit.config.yaml: found in the working directory or named by --config,
// flags beating config values, bad configs refused, the Anyshire example pack, and
// --check-links against a loopback server with a live and a dead link.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

// Our own short report (fictional school), dated so the annual update is met as of 2026-11-01.
const REPORT = [
  '# Hollins Lane Primary: SEN Information Report',
  '',
  'Updated September 2026.',
  '',
  '## Who co-ordinates SEN support?',
  '',
  'Our SENCO is Mr Tobias Reed. You can email him at senco@hollinslane.example.sch.uk or call 01632 960 222.',
  '',
  '## Plans',
  '',
  'Every child on SEN support has a My Support Plan, written with the family and reviewed each term.',
  '',
].join('\n');

interface Finding {
  id: string;
  status: string;
  severity: string;
  notes?: string[];
}
interface Report {
  schoolType: string;
  asOf: string;
  ruleset: { id: string };
  results: Finding[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-config-'));
  writeFileSync(join(dir, 'report.md'), REPORT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  const d = mkdtempSync(join(dir, 'case-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe('senaudit.config.yaml in the working directory', () => {
  test('its defaults and overrides apply; flags on the command line beat them', async () => {
    const cwd = folder({
      'senaudit.config.yaml': 'extends: senaudit:builtin\nschoolType: academy_mainstream\nasOf: 2026-10-01\nseverity:\n  senco-contact: info\ndisable: [plain-language]\n',
    });
    const a = await runCli(['audit', join(dir, 'report.md'), '--format', 'json'], { cwd });
    expect(a.stderr).toBe('');
    const r = JSON.parse(a.stdout) as Report;
    expect(r.schoolType).toBe('academy_mainstream');
    expect(r.asOf).toBe('2026-10-01');
    expect(r.results.find((f) => f.id === 'senco-contact')).toMatchObject({ status: 'met', severity: 'info' });
    expect(r.results.some((f) => f.id === 'plain-language')).toBe(false);

    const b = await runCli(['audit', join(dir, 'report.md'), '--format', 'json', '--school-type', 'maintained_special', '--as-of', '2026-11-01'], { cwd });
    const r2 = JSON.parse(b.stdout) as Report;
    expect(r2.schoolType).toBe('maintained_special');
    expect(r2.asOf).toBe('2026-11-01');

    const c = await runCli(['audit', join(dir, 'report.md'), '--format', 'json', '--no-config', '--as-of', '2026-11-01'], { cwd });
    const r3 = JSON.parse(c.stdout) as Report;
    expect(r3.schoolType).toBe('maintained_mainstream');
    expect(r3.results.some((f) => f.id === 'plain-language')).toBe(true);
  });

  test('failOn from the config, and --fail-on beating it', async () => {
    const cwd = folder({
      'senaudit.config.yaml': 'rules: [plan.yaml]\nfailOn: warning\n',
      'plan.yaml': [
        'id: hollins-plan-review',
        'title: Says how often plans are reviewed',
        'source: Local',
        'severity: warning',
        'appliesTo: [maintained_mainstream]',
        'why: Parents want to know.',
        'advice: Say how often.',
        'check:',
        '  met:',
        '    phrases: [reviewed every half term]',
        '',
      ].join('\n'),
    });
    expect((await runCli(['audit', join(dir, 'report.md'), '--as-of', '2026-11-01'], { cwd })).code).toBe(1);
    expect((await runCli(['audit', join(dir, 'report.md'), '--as-of', '2026-11-01', '--fail-on', 'error'], { cwd })).code).toBe(0);
    const list = await runCli(['rules'], { cwd });
    expect(list.stdout).toContain('hollins-plan-review');
    expect(list.stdout).not.toContain('senco-contact');
  });

  test('a bad config stops the run with exit 2 and one line naming the file and line', async () => {
    const cwd = folder({ 'senaudit.config.yaml': 'extends: senaudit:builtin\ndisable:\n  - senco-contacts\n' });
    const res = await runCli(['audit', join(dir, 'report.md')], { cwd });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      `senaudit: ${join(cwd, 'senaudit.config.yaml')} line 3: disable[0]: no rule has the id "senco-contacts" (did you mean "senco-contact"?). Run "senaudit rules" to list the ids.\n`,
    );
  });
});

describe('the Anyshire example pack', () => {
  test('loads and runs on the Oakfield example report', async () => {
    const res = await runCli([
      'audit', 'fixtures/examples/oakfield-primary.html', '--config', 'rules/examples/anyshire/senaudit.config.yaml', '--as-of', '2026-11-01', '--format', 'json',
    ]);
    expect(res.stderr).toBe('');
    const r = JSON.parse(res.stdout) as Report;
    expect(r.ruleset).toEqual({ id: 'anyshire', version: '2026.11' });
    expect(r.results).toHaveLength(28);
    expect(r.results.some((f) => f.id === 'plain-language')).toBe(false);
    expect(r.results.find((f) => f.id === 'annual-update')!.severity).toBe('error');
    const byId = Object.fromEntries(r.results.map((f) => [f.id, f]));
    // Oakfield links to another county's Local Offer and calls its plans "support plans".
    expect(byId['anyshire-local-offer-link']!.status).toBe('partial');
    expect(byId['anyshire-support-plan']!.status).toBe('partial');
    expect(byId['anyshire-policy-links']!.status).toBe('met');
    expect(res.code).toBe(1);
  });

  test('a report that names My Support Plan meets the local term rule', async () => {
    const res = await runCli([
      'audit', join(dir, 'report.md'), '--config', 'rules/examples/anyshire/senaudit.config.yaml', '--as-of', '2026-11-01', '--format', 'json',
    ]);
    const r = JSON.parse(res.stdout) as Report;
    expect(r.results.find((f) => f.id === 'anyshire-support-plan')!.status).toBe('met');
    expect(r.results.find((f) => f.id === 'anyshire-local-offer-link')!.status).toBe('missing');
  });
});

describe('--check-links', () => {
  let server: TestServer;
  const requests: string[] = [];
  const cases: Record<string, string> = {};
  beforeAll(async () => {
    const page = [
      '<html lang="en"><head><title>SEN Information Report</title></head><body>',
      '<h1>SEN Information Report</h1><p>Updated September 2026.</p>',
      '<p>Read our <a href="/docs/sen-policy.pdf">SEN policy</a> for the detail of how we plan support.</p>',
      '<p>Our <a href="/docs/accessibility-plan.pdf">accessibility plan</a> sets out how we improve access.</p>',
      '<p>See also the <a href="/unrelated">news page</a>.</p>',
      '</body></html>',
    ].join('');
    server = await startServer({
      '/report.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      },
      // Refuses HEAD (as some servers do), answers GET: the probe falls back to GET.
      '/docs/sen-policy.pdf': (req, res) => {
        requests.push(`${req.method} ${req.url}`);
        res.writeHead(req.method === 'HEAD' ? 405 : 200, { 'content-type': 'application/pdf' });
        res.end(req.method === 'HEAD' ? undefined : '%PDF-1.4 not really');
      },
      // /docs/accessibility-plan.pdf is not routed: 404.
      '/unrelated': (req, res) => {
        requests.push(`${req.method} ${req.url}`);
        res.end('ok');
      },
    });
    const rule = (id: string, text: string) =>
      [
        `  - id: ${id}`,
        `    title: The ${text} link opens`,
        '    source: Local',
        '    severity: error',
        '    appliesTo: [maintained_mainstream]',
        '    why: A dead link is no link.',
        '    advice: Fix the link.',
        '    check:',
        '      met:',
        `        link: {text: ["${text}"], live: true}`,
        '      partial:',
        `        link: {text: ["${text}"]}`,
      ].join('\n');
    cases['cwd'] = folder({ 'senaudit.config.yaml': `rules:\n${rule('policy-opens', 'SEN policy')}\n${rule('access-plan-opens', 'accessibility plan')}\n` });
    cases['on'] = folder({ 'senaudit.config.yaml': `checkLinks: true\nrules:\n${rule('policy-opens', 'SEN policy')}\n` });
  });
  afterAll(() => server.close());

  const findings = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as Report).results.map((f) => [f.id, f]));

  test('off by default: no link is requested and the findings say so', async () => {
    requests.length = 0;
    const res = await runCli(['audit', server.url('/report.html'), '--format', 'json', '--as-of', '2026-11-01'], { cwd: cases['cwd'] });
    expect(res.stderr).toBe('');
    const f = findings(res.stdout);
    expect(f['policy-opens']!.status).toBe('met');
    expect(f['access-plan-opens']!.status).toBe('met');
    expect(f['access-plan-opens']!.notes![0]).toMatch(/^Whether the linked document answers was not checked \(http:\/\/127\.0\.0\.1:\d+\/docs\/accessibility-plan\.pdf\): run with --check-links/);
    expect(requests).toEqual([]);
  });

  test('with --check-links: the live link is met, the dead one only partly, and only their links are requested', async () => {
    requests.length = 0;
    const res = await runCli(['audit', server.url('/report.html'), '--format', 'json', '--as-of', '2026-11-01', '--check-links'], { cwd: cases['cwd'] });
    expect(res.stderr).toBe('');
    const f = findings(res.stdout);
    expect(f['policy-opens']!.status).toBe('met');
    expect(f['policy-opens']!.notes).toEqual([`Link checked: ${server.url('/docs/sen-policy.pdf')} answers.`]);
    expect(f['access-plan-opens']!.status).toBe('partial');
    expect(f['access-plan-opens']!.notes).toEqual([
      `Link checked: ${server.url('/docs/accessibility-plan.pdf')} did not answer (an error, or a status of 400 or more).`,
    ]);
    expect(res.code).toBe(1);
    expect(requests).toEqual(['HEAD /docs/sen-policy.pdf', 'GET /docs/sen-policy.pdf']);
  });

  test('checkLinks: true in the config turns it on; --no-check-links turns it off again', async () => {
    requests.length = 0;
    const on = await runCli(['audit', server.url('/report.html'), '--format', 'json', '--as-of', '2026-11-01'], { cwd: cases['on'] });
    expect(findings(on.stdout)['policy-opens']!.notes![0]).toMatch(/answers\.$/);
    const off = await runCli(['audit', server.url('/report.html'), '--format', 'json', '--as-of', '2026-11-01', '--no-check-links'], { cwd: cases['on'] });
    expect(findings(off.stdout)['policy-opens']!.notes![0]).toMatch(/not checked/);
  });
});

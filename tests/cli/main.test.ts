import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { AuditError } from '../../src/errors.js';
import type { FetchedResource } from '../../src/fetch/types.js';

// main(options) in-process, with the file system, network and output injected.

const REPORT = [
  '# SEN Information Report',
  '',
  'Last updated: October 2026.',
  '',
  '## Who is our SENCO?',
  '',
  'Our SENCO is Mrs Rosa Lind. Email her at senco@brook.example.sch.uk or call 01632 960 111.',
  '',
].join('\n');

function harness(overrides: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const fetched: string[] = [];
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    env: {},
    fetcher: async (url): Promise<FetchedResource> => {
      fetched.push(url);
      return { bytes: new TextEncoder().encode(REPORT), contentType: 'text/plain', finalUrl: url, status: 200, lastModified: null, redirects: [] };
    },
    readFile: async (path) => {
      if (path !== 'report.md') throw new AuditError('not-found', `No such file: ${path}.`);
      return { bytes: new TextEncoder().encode(REPORT), name: path, modified: null };
    },
    readText: (p) => readFile(p, 'utf8'),
    writeFileAtomic: async () => undefined,
    today: () => '2026-11-01',
    ...overrides,
  };
  return {
    run: (...argv: string[]) => main({ ...io, argv }),
    out: () => stdout,
    err: () => stderr,
    fetched,
  };
}

describe('main(options)', () => {
  it('audits a local file through the injected reader, judging as of the injected today', async () => {
    const h = harness();
    const code = await h.run('audit', 'report.md', '--format', 'json');
    const report = JSON.parse(h.out());
    expect(report.asOf).toBe('2026-11-01');
    expect(report.results.find((r: { id: string }) => r.id === 'senco-contact').status).toBe('met');
    expect(report.results.find((r: { id: string }) => r.id === 'annual-update').status).toBe('met');
    expect(code).toBe(1); // most statutory items are missing from this short report
    expect(h.fetched).toEqual([]);
  });

  it('fetches a URL through the injected fetcher', async () => {
    const h = harness();
    await h.run('audit', 'https://brook.example.sch.uk/send', '--format', 'json');
    expect(h.fetched).toEqual(['https://brook.example.sch.uk/send']);
    expect(JSON.parse(h.out()).finalUrl).toBe('https://brook.example.sch.uk/send');
  });

  it('--fail-on info also fails on warnings; only "should" gaps pass with the default', async () => {
    const withGaps = harness();
    expect(await withGaps.run('audit', 'report.md', '--fail-on', 'info')).toBe(1);
  });

  it('the annual update turns into a gap when --as-of is over a year after the report date', async () => {
    const h = harness();
    await h.run('audit', 'report.md', '--format', 'json', '--as-of', '2028-01-15');
    const report = JSON.parse(h.out());
    expect(report.results.find((r: { id: string }) => r.id === 'annual-update').status).toBe('missing');
  });

  it('marks rules that do not bind the school type as not applicable, saying why', async () => {
    const h = harness();
    await h.run('audit', 'report.md', '--format', 'json', '--school-type', 'independent');
    const report = JSON.parse(h.out());
    const senco = report.results.find((r: { id: string }) => r.id === 'senco-contact');
    expect(senco.status).toBe('not_applicable');
    expect(senco.reason).toMatch(/independent/);
    expect(report.summary.notApplicable).toBeGreaterThan(0);
  });

  it('colours text output only on a TTY without NO_COLOR', async () => {
    const tty = harness({ stdoutIsTTY: true });
    await tty.run('audit', 'report.md');
    expect(tty.out()).toMatch(/\u001b\[/);
    const noColor = harness({ stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    await noColor.run('audit', 'report.md');
    expect(noColor.out()).not.toMatch(/\u001b\[/);
  });

  it('lists the active rules with severity and source', async () => {
    const h = harness();
    expect(await h.run('rules')).toBe(0);
    expect(h.out()).toMatch(/^senco-contact\s+error\s+SEND Regulations 2014 Sch 1 para 4/m);
    expect(h.out()).toMatch(/^plain-language\s+warning/m);
    expect(h.out()).toContain('26 rules');
  });

  it('an error the user can act on is one line and exit 2', async () => {
    const h = harness();
    expect(await h.run('audit', 'missing.md')).toBe(2);
    expect(h.err()).toBe('senaudit: No such file: missing.md.\n');
    expect(h.out()).toBe('');
  });

  it('unknown options are bad arguments: exit 2', async () => {
    const h = harness();
    expect(await h.run('audit', 'report.md', '--frmat', 'json')).toBe(2);
    expect(h.err()).toMatch(/unknown option/);
  });

  it('--help exits 0', async () => {
    const h = harness();
    expect(await h.run('--help')).toBe(0);
    expect(h.out()).toContain('audit');
  });
});

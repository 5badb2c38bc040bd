// The GitHub Action (action.yml) run as a runner runs a composite action: each step's `run` in
// bash, with `${{ inputs.* }}` and `${{ github.action_path }}` filled in and GitHub's files
// ($GITHUB_STEP_SUMMARY, $GITHUB_OUTPUT) simulated, then what it wrote is read back (issue #16).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportHtml } from '../batch/report-text.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; shell: string; run: string; env?: Record<string, string>; 'working-directory'?: string }[] };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml;

interface Run {
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

/** Fills in the expressions a runner fills in before the step runs. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return REPO_ROOT;
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    if (!m) throw new Error(`the test runner does not know the expression ${expr}`);
    const name = m[1]!;
    expect(action.inputs, `action.yml has no input "${name}"`).toHaveProperty(name);
    return inputs[name] ?? action.inputs[name]!.default ?? '';
  });
}

/** $GITHUB_OUTPUT's `name<<delimiter` blocks (and plain name=value lines). */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

async function runAction(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<Run> {
  const workspace = mkdtempSync(join(tmpdir(), 'senaudit-action-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  const summaryFile = join(workspace, '.step-summary.md');
  const outputFile = join(workspace, '.output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
  let stdout = '';
  let code = 0;
  expect(action.runs.using).toBe('composite');
  for (const step of action.runs.steps) {
    expect(step.shell).toBe('bash');
    const env = { ...base, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)])) };
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : workspace;
    const result = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, inputs)], {
        cwd,
        env: { ...env, GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_ACTIONS: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.resume();
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c ?? 1, stdout: out }));
    });
    stdout += result.stdout;
    code = result.code;
    if (code !== 0) break;
  }
  return { code, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs: readOutputs(readFileSync(outputFile, 'utf8')), workspace };
}

const workspaces: string[] = [];
afterAll(() => {
  for (const w of workspaces) rmSync(w, { recursive: true, force: true });
});

// A draft written for this test: a SENCO and support, no complaints, Local Offer or admissions.
const DRAFT = [
  '# Kestrel Rise Primary School: SEN Information Report 2026-27',
  'Our SENCO is Mrs Hana Ilori, who can be contacted on 01632 960123 or at senco@kestrel-rise.sch.uk.',
  'We support pupils with autism, dyslexia and speech and language needs. Class teachers track progress every half term and raise any concern with the SENCO.',
  'Teaching assistants run small phonics groups every morning.',
].join('\n\n');

describe('action.yml, as a runner runs it', () => {
  test('every output is set by the audit step', () => {
    for (const [name, o] of Object.entries(action.outputs)) expect(o.value, name).toBe(`\${{ steps.audit.outputs.${name} }}`);
    expect(action.runs.steps.some((s) => s.id === 'audit')).toBe(true);
  });

  test('targets: annotations for each gap, the gap report in the job summary, outputs, and exit 1 on gaps at or above fail-on', async () => {
    const run = await runAction({ targets: 'draft.md\n  fixtures-copy.html', 'as-of': '2026-11-01', format: 'junit' }, {
      'draft.md': DRAFT,
      'fixtures-copy.html': readFileSync(join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html'), 'utf8'),
    });
    workspaces.push(run.workspace);
    expect(run.code).toBe(1);
    // The draft lacks a complaints procedure: an ::error annotation on the draft's file.
    expect(run.stdout).toMatch(/^::error title=senaudit complaints%3A missing,file=draft\.md::/m);
    expect(run.stdout).toContain('senaudit: fixtures-copy.html: 0 missing');
    // Both reports in the job summary, as Markdown.
    expect(run.summary).toContain('draft.md');
    expect(run.summary).toContain('fixtures-copy.html');
    expect(run.summary).toMatch(/complaints/i);
    const gaps = Number(run.outputs['gaps']);
    expect(gaps).toBeGreaterThan(0);
    const reports = run.outputs['reports']!.split('\n');
    expect(reports).toEqual([
      join('senaudit-report', 'report-1.json'),
      join('senaudit-report', 'report-1.xml'),
      join('senaudit-report', 'report-2.json'),
      join('senaudit-report', 'report-2.xml'),
    ]);
    const first = JSON.parse(readFileSync(join(run.workspace, reports[0]!), 'utf8')) as { results: { id: string; status: string; severity: string }[] };
    expect(first.results.filter((r) => r.severity === 'error' && r.status !== 'met' && r.status !== 'not_applicable')).toHaveLength(gaps);
    expect(readFileSync(join(run.workspace, reports[1]!), 'utf8')).toContain('<testsuites');
  });

  test('fail-on info on a complete report exits 0 with no gaps; a missing file exits 2', async () => {
    const ok = await runAction({ targets: 'report.html', 'as-of': '2026-11-01', 'fail-on': 'info' }, {
      'report.html': readFileSync(join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html'), 'utf8'),
    });
    workspaces.push(ok.workspace);
    expect(ok.code).toBe(0);
    expect(ok.outputs['gaps']).toBe('0');
    expect(ok.stdout).not.toMatch(/^::(error|warning)/m);

    const missing = await runAction({ targets: 'no-such-report.pdf' });
    workspaces.push(missing.workspace);
    expect(missing.code).toBe(2);
    expect(missing.outputs['gaps']).toBe('0');
  });

  test('neither targets nor list: an ::error saying what to give, exit 2', async () => {
    const run = await runAction({});
    workspaces.push(run.workspace);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error title=senaudit::give "targets".*or "list"/m);
  });

  describe('list: a batch', () => {
    let server: TestServer;
    beforeAll(async () => {
      const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      };
      server = await startServer({
        '/robots.txt': (_req, res) => void res.writeHead(404).end(),
        '/whole.html': html(reportHtml('Alder Primary School')),
        '/lacking.html': html(reportHtml('Birch Junior School', { without: ['Complaints'] })),
      });
    });
    afterAll(() => server.close());

    test("annotations for each school's gaps, the batch report in the summary, the workbook among the reports", async () => {
      const csv = `name,url,urn\nAlder Primary School,${server.url('/whole.html')},900001\nBirch Junior School,${server.url('/lacking.html')},900002\n`;
      const run = await runAction({ list: 'schools.csv', 'allow-private': 'true', 'as-of': '2026-11-01', out: 'term' }, { 'schools.csv': csv });
      workspaces.push(run.workspace);
      expect(run.stdout).toMatch(/^::error title=senaudit Birch Junior School \(URN 900002\)%3A complaints%3A missing::/m);
      expect(run.stdout).not.toMatch(/^::error title=senaudit Alder Primary School \(URN 900001\)%3A complaints/m);
      expect(run.summary).toContain('Birch Junior School');
      const reports = run.outputs['reports']!.split('\n');
      expect(reports).toEqual(expect.arrayContaining([join('term', 'summary.csv'), join('term', 'summary.xlsx'), join('term', 'report.md')]));
      expect(Number(run.outputs['gaps'])).toBeGreaterThan(0);
      expect(run.code).toBe(1);
    });
  });
});

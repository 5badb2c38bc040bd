// The example CI files (examples/ci/) are for copying, so they must work as written: valid YAML,
// every senaudit command and option they call exists (as `--help` lists it), every input they
// give the action is one action.yml has, and they pin the version this checkout is (issue #16).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const DIR = join(REPO_ROOT, 'examples/ci');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ACTION_INPUTS = Object.keys((parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);

/** Every shell script in a workflow: GitHub steps' `run`, GitLab jobs' `script` lines. */
function scripts(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string' && (key === 'run' || key === 'script')) out.push(node);
    else if (Array.isArray(node)) for (const n of node) walk(n, key === 'script' ? 'script' : undefined);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(doc);
  return out;
}

/** Each `senaudit <command> ...` call in a script, with the options it gives. */
function calls(script: string): { command: string; options: string[] }[] {
  const joined = script.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/(?:^|[\s;&|(])senaudit\s+([a-z]+)\b([^\n;&|]*)/g)].map((m) => ({
    command: m[1]!,
    options: [...m[2]!.matchAll(/(?:^|\s)(--?[a-zA-Z][\w-]*)/g)].map((o) => o[1]!),
  }));
}

/** The steps that use the senaudit action, in GitHub workflows. */
function actionSteps(doc: unknown): { uses: string; with?: Record<string, unknown> }[] {
  const jobs = (doc as { jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> }).jobs ?? {};
  return Object.values(jobs).flatMap((j) => (j.steps ?? []).filter((s): s is { uses: string } => typeof s.uses === 'string' && s.uses.startsWith('senaudit/senaudit@')));
}

const help = new Map<string, string>();
beforeAll(async () => {
  const commands = new Set(FILES.flatMap((f) => scripts(parse(readFileSync(join(DIR, f), 'utf8'))).flatMap(calls).map((c) => c.command)));
  for (const c of commands) {
    const r = await runCli([c, '--help']);
    help.set(c, r.code === 0 ? r.stdout : '');
  }
});

test('there are the three examples the README names', () => {
  expect(FILES).toEqual(['.gitlab-ci.yml', 'authority.yml', 'school.yml']);
});

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const doc = parse(text) as Record<string, unknown>;

  test('is a workflow of its CI: jobs (GitHub) or stages (GitLab)', () => {
    if (file === '.gitlab-ci.yml') expect(doc['stages']).toBeInstanceOf(Array);
    else {
      expect(doc['on']).toBeTruthy();
      expect(Object.keys(doc['jobs'] as object).length).toBeGreaterThan(0);
    }
  });

  test('calls only senaudit commands and options that exist', () => {
    const found = scripts(doc).flatMap(calls);
    for (const { command, options } of found) {
      const text = help.get(command);
      expect(text, `"senaudit ${command}" is not a command`).toBeTruthy();
      for (const o of options) expect(text, `"senaudit ${command}" has no option ${o}`).toMatch(new RegExp(`(^|[\\s,])${o}(?=[\\s,=<]|$)`, 'm'));
    }
  });

  test('gives the action only inputs it has, and pins this version', () => {
    for (const step of actionSteps(doc)) {
      expect(step.uses).toBe(`senaudit/senaudit@v${VERSION}`);
      for (const key of Object.keys(step.with ?? {})) expect(ACTION_INPUTS, `action.yml has no input "${key}"`).toContain(key);
    }
    for (const m of text.matchAll(/senaudit@(\d[\w.-]*)/g)) expect(m[1]).toBe(VERSION);
  });
});

test('the checks catch a misspelt option and an unknown input', () => {
  expect(calls('senaudit batch list.csv --out out --shrad 1/4 || true')).toEqual([{ command: 'batch', options: ['--out', '--shrad'] }]);
  expect(help.get('batch')).not.toMatch(/(^|[\s,])--shrad(?=[\s,=<]|$)/m);
  expect(ACTION_INPUTS).not.toContain('fail_on');
});

// The package as npm publishes it (issue #16): `npm pack`, install the tarball into an empty
// folder, then run senaudit from there as a user would. This proves the package's file list, bin
// and rules are complete: a file left out of "files" in package.json fails one of these.
//
// No network: the empty folder gets a lockfile made from this project's (its production
// packages, with the tarball as senaudit), and `npm ci --offline` takes every package from npm's
// cache, which `npm ci` of this project filled.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface LockPackage {
  version?: string;
  dev?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; dependencies: Record<string, string>; engines: object };
let dir: string;
let packed: string[];
const bin = () => join(dir, 'node_modules', '.bin', 'senaudit');
const installed = () => join(dir, 'node_modules', 'senaudit');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-package-'));
  // The project was built by `npm test`; --ignore-scripts packs that build as it is.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], REPO_ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path);
  const tarball = readFileSync(join(dir, info!.filename));

  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const packages: Record<string, LockPackage> = {
    '': { name: 'empty-folder', version: '1.0.0', dependencies: { [pkg.name]: `file:${info!.filename}` } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${info!.filename}`,
      integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, p] of Object.entries(lock.packages)) if (path && !p.dev && !p.link) packages[path] = p;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'empty-folder', version: '1.0.0', private: true, dependencies: packages['']!.dependencies }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'empty-folder', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
  const install = await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], dir);
  expect(install.code, `npm ci --offline in an empty folder failed (is npm's cache filled by "npm ci" of this project?):\n${install.stderr}`).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the package holds the CLI, its build, the rules and the shipped example, and no tests, sources or test fixtures', () => {
  for (const f of ['bin/senaudit.js', 'dist/cli/main.js', 'dist/rules/builtin-ruleset.json', 'rules/builtin/kinds-of-sen.yaml', 'rules/examples/anyshire/senaudit.config.yaml', 'fixtures/examples/oakfield-primary.html', 'package.json', 'README.md']) {
    expect(packed, f).toContain(f);
  }
  expect(packed.filter((f) => f.startsWith('tests/') || f.startsWith('src/') || (f.startsWith('fixtures/') && !f.startsWith('fixtures/examples/')))).toEqual([]);
});

test('senaudit --version prints the package version', async () => {
  const r = await run(bin(), ['--version'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe(pkg.version);
});

test('senaudit rules lists the built-in rules', async () => {
  const r = await run(bin(), ['rules'], dir);
  expect(r.code, r.stderr).toBe(0);
  const ids = readFileSync(join(REPO_ROOT, 'dist/rules/builtin-ruleset.json'), 'utf8').match(/"id":\s*"[a-z0-9-]+"/g)!;
  expect(ids.length).toBeGreaterThan(20);
  for (const id of ['kinds-of-sen', 'senco-contact', 'accessibility-plan', 'annual-update']) expect(r.stdout).toContain(id);
});

test('an audit of the shipped example runs from the installed package, with and without the example config', async () => {
  const example = join(installed(), 'fixtures/examples/oakfield-primary.html');
  const plain = await run(bin(), ['audit', example, '--as-of', '2026-11-01', '--format', 'json'], dir);
  expect(plain.code, plain.stderr).toBe(0);
  const report = JSON.parse(plain.stdout) as { tool: { version: string }; summary: { met: number; missing: number } };
  expect(report.tool.version).toBe(pkg.version);
  expect(report.summary.missing).toBe(0);
  expect(report.summary.met).toBeGreaterThan(20);

  const config = join(installed(), 'rules/examples/anyshire/senaudit.config.yaml');
  const local = await run(bin(), ['audit', example, '--as-of', '2026-11-01', '--config', config], dir);
  expect(local.stderr).toBe('');
  expect(local.stdout).toMatch(/anyshire/i);
});

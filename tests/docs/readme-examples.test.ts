// The README's examples still run as written (issue #18). Every `npx senaudit ...` line in a
// shell block names only commands and options that exist (as `--help` lists them); a line whose
// files ship with the repository (or ../shared beside it) and that reaches no network is run as
// written, and must not fail to run (exit 2); `serve`, which runs until stopped, is run by its own test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

interface Example {
  line: number;
  args: string[];
}

/** `npx senaudit ...` lines of the README's shell blocks, continuations joined, comments and redirections dropped. */
function examples(): Example[] {
  const lines = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').split('\n');
  const out: Example[] = [];
  let inShell = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^```/.test(lines[i]!)) {
      inShell = !inShell && /^```(?:sh|bash)\s*$/.test(lines[i]!);
      continue;
    }
    if (!inShell || !lines[i]!.startsWith('npx senaudit ')) continue;
    let text = lines[i]!;
    const at = i + 1;
    while (text.trimEnd().endsWith('\\')) text = `${text.trimEnd().slice(0, -1)} ${lines[++i]!.trim()}`;
    text = text.replace(/\s+#.*$/, '').replace(/\s+>\s*\S+\s*$/, '');
    out.push({ line: at, args: text.split(/\s+/).slice(2) });
  }
  return out;
}

const EXAMPLES = examples();
const help = new Map<string, string>();

beforeAll(async () => {
  for (const c of new Set(EXAMPLES.map((e) => e.args[0]!))) help.set(c, (await runCli([c, '--help'])).stdout);
});

test('the README has the examples this checks', () => {
  expect(EXAMPLES.length).toBeGreaterThan(15);
});

describe.each(EXAMPLES.map((e) => [`line ${e.line}: senaudit ${e.args.join(' ')}`, e] as const))('%s', (_, example) => {
  const [command, ...rest] = example.args;
  test('names a command and options that exist', () => {
    expect(help.get(command!), `"senaudit ${command}" is not a command`).toMatch(/^Usage: senaudit /);
    for (const o of rest.filter((a) => /^--?[a-zA-Z]/.test(a))) expect(help.get(command!), `"senaudit ${command}" has no option ${o}`).toMatch(new RegExp(`(^|[\\s,])${o}(?=[\\s,=<]|$)`, 'm'));
  });

  // Run when it reads only files that are here and fetches nothing.
  const files = rest.filter((a) => !a.startsWith('-') && /[./]/.test(a) && !/^\d{4}-\d{2}-\d{2}$/.test(a) && !/^\d+\/\d+$/.test(a));
  // `serve` runs until it is stopped: tests/web/serve.test.ts runs it.
  const runnable = command !== 'serve' && !rest.some((a) => /^https?:/.test(a)) && !rest.includes('--check-links') && files.every((f) => existsSync(join(REPO_ROOT, f)));
  test.runIf(runnable)('runs as written', { timeout: 60_000 }, async () => {
    const r = await runCli(example.args);
    expect(r.code, r.stderr).not.toBe(2);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});

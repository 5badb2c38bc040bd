// The CLI loads a heavy package only when the run needs it (issue #7: `--help` in 250 ms, a
// short audit in well under a second). These tests record every module the real CLI process
// resolves, with a module.register() hook, and fail when a static import drags in a package
// the run does not use. They assert what is loaded, never how long it takes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const BIN = join(REPO_ROOT, 'bin/senaudit.js');
const EXAMPLE = join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html');
let dir: string;
let register: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-lazy-'));
  // The hook runs on the loader thread; it appends each resolved URL to the file in LOG.
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.SENAUDIT_TEST_MODULE_LOG, r.url + '\\n');
  return r;
}
`,
  );
  register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
});

/** The packages (node_modules/<name>) the CLI loaded for `args`, run in an empty folder. */
function packagesLoaded(args: string[], name: string): Promise<{ code: number | null; packages: Set<string> }> {
  const log = join(dir, `${name}.log`);
  writeFileSync(log, '');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], {
      cwd: dir, // no senaudit.config.yaml here
      env: { ...process.env, NO_COLOR: '1', SENAUDIT_TEST_MODULE_LOG: log },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const packages = new Set<string>();
      for (const url of readFileSync(log, 'utf8').split('\n')) {
        const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
        if (m) packages.add(m[1]!);
      }
      resolve({ code, packages });
    });
  });
}

// (The regex checker's refa and regexpp are loaded with require(), which this hook does not see on
// Node 20: tests/hostile/regex-safety.test.ts checks those.)
const HEAVY = ['cheerio', 'parse5', 'pdf-parse', 'mammoth', 'undici', 'zod', 'yaml', 'csv-parse', 'csv-stringify', 'cli-progress'];

describe('the CLI loads heavy packages only when a run needs them', () => {
  test('--help loads none of them', async () => {
    const { code, packages } = await packagesLoaded(['--help'], 'help');
    expect(code).toBe(0);
    expect(packages.has('commander')).toBe(true); // the hook saw the packages that are loaded
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });

  test('an audit of a local HTML file with no config file loads the HTML parser, not the network, PDF, YAML or schema packages', async () => {
    const { code, packages } = await packagesLoaded(['audit', EXAMPLE, '--as-of', '2026-11-01'], 'audit');
    expect(code).not.toBeNull();
    expect(packages.has('parse5')).toBe(true);
    // cheerio too: its entry point loads undici and more (src/extract/html.ts calls parse5 itself).
    expect(HEAVY.filter((p) => p !== 'parse5' && packages.has(p))).toEqual([]);
  });

  test('an audit of a plain-text draft loads none of them', async () => {
    const draft = join(dir, 'draft.txt');
    writeFileSync(draft, 'SEN Information Report\n\nOur SENCO is Mrs A. Example (senco@example.sch.uk).\n');
    const { code, packages } = await packagesLoaded(['audit', draft, '--as-of', '2026-11-01'], 'text');
    expect(code).not.toBeNull();
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });

  test('a config file in the folder does load the YAML parser and zod to read it', async () => {
    writeFileSync(join(dir, 'senaudit.config.yaml'), 'extends: senaudit:builtin\nfailOn: error\n');
    try {
      const { packages } = await packagesLoaded(['audit', EXAMPLE, '--as-of', '2026-11-01'], 'config');
      expect(packages.has('yaml')).toBe(true);
      expect(packages.has('zod')).toBe(true);
    } finally {
      writeFileSync(join(dir, 'senaudit.config.yaml'), '');
    }
  });
});

// Words from a document or an input list are shown, never run (issue #19, items 8 and 9): the
// text report, the diff and warnings on stderr pass one cleaning step (`shown`), tested with ESC,
// OSC (a clipboard write), CR, LF and a line-starting "::" (a GitHub workflow command).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shown } from '../../src/format/common.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const ESC = '\u001b';
const OSC52 = `${ESC}]52;c;SGVsbG8gd29ybGQ=\u0007`;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-inject-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines a GitHub runner would read as a workflow command. */
const commands = (text: string) => text.split(/\r?\n|\r/).filter((l) => l.startsWith('::'));

describe('shown', () => {
  test.each([
    ['ESC colour and cursor moves', `Red ${ESC}[31mtext${ESC}[0m and ${ESC}[2J clear`, 'Red text and clear'],
    ['OSC 52 clipboard write, payload and all', `Copy ${OSC52}me`, 'Copy me'],
    ['OSC window title ended by ESC \\', `A ${ESC}]0;pwned${ESC}\\ title`, 'A title'],
    ['CR and LF keep a value on its line', 'one\r\ntwo\rthree\nfour', 'one two three four'],
    ['a value starting with "::"', '::error::INJECTED', ': :error::INJECTED'],
    ['a C1 control and a bell', 'bell\u0007 and \u009b31m', 'bell and 31m'],
  ])('%s', (_, input, want) => {
    expect(shown(input)).toBe(want);
  });
});

test('the text report prints no escape sequence from the document, nor the clipboard payload', async () => {
  const file = join(dir, 'escapes.md');
  writeFileSync(
    file,
    `# Evil ${OSC52} Title ${ESC}[31mRED\n\n## Who ${ESC}]0;pwned\u0007 to ask\n\nOur SENCO is Mrs Jane Smith ${ESC}[2J and we support pupils with autism and dyslexia.\n`,
  );
  const r = await runCli(['audit', file, '--as-of', '2026-11-01']);
  expect(r.stdout).toContain('autism and dyslexia');
  expect(r.stdout).not.toContain(ESC);
  expect(r.stdout).not.toContain('\u0007');
  expect(r.stdout).not.toContain('SGVsbG8gd29ybGQ=');
  expect(r.stdout).not.toContain('pwned');
});

test('diff text: a school name with line breaks and "::error::" stays one line and starts no workflow command', async () => {
  const lines = readFileSync(join(REPO_ROOT, 'fixtures/diff/new.ndjson'), 'utf8').trimEnd().split('\n');
  const hostile = lines.map((l) => {
    const line = JSON.parse(l) as { school: { name: string | null } };
    line.school.name = `Multi\nline\n::error::INJECTED ${ESC}[31m${OSC52}`;
    return JSON.stringify(line);
  });
  const file = join(dir, 'hostile.ndjson');
  writeFileSync(file, `${hostile.join('\n')}\n`);
  const r = await runCli(['diff', join(REPO_ROOT, 'fixtures/diff/old.ndjson'), file]);
  expect(r.stdout).toContain('Multi line ::error::INJECTED');
  expect(commands(r.stdout)).toEqual([]);
  expect(r.stdout).not.toContain(ESC);
});

test('a batch warning about a repeated URN prints the school without its escape sequences', async () => {
  const list = join(dir, 'repeats.csv');
  // The URN itself carries the sequences, as the warning names the repeated URN.
  const urn = `9000${ESC}[31m01${ESC}]52;c;eA==\u0007`;
  writeFileSync(list, `name,url,urn\nAlder School,http://127.0.0.1:9/a,${urn}\nBirch School,http://127.0.0.1:9/b,${urn}\n`);
  const r = await runCli(['batch', list, '--out', join(dir, 'out'), '--quiet', '--allow-private', '--timeout', '2']);
  expect(r.stderr).toMatch(/warning: row \d+ repeats/);
  expect(r.stderr).not.toContain(ESC);
  expect(commands(r.stderr)).toEqual([]);
});

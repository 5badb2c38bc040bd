import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';

// Each bad input: one clear line on stderr, exit 2, nothing on stdout, no stack trace.

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-bad-'));
  const good = await makePdf([{ heading: 'SEN Information Report', paragraphs: ['Our SENCO is Mrs Jo Bell.'] }]);
  writeFileSync(file('empty.html'), '');
  writeFileSync(file('truncated.pdf'), good.subarray(0, Math.floor(good.length / 3)));
  writeFileSync(file('encrypted.pdf'), await makePdf([{ paragraphs: ['Secret report text.'] }], { userPassword: 'letmein' }));
  writeFileSync(file('scanned.pdf'), await makePdf([{ paragraphs: [] }, { paragraphs: [] }], { imageOnly: true }));
  writeFileSync(file('no-text.html'), '<html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav><img src="report.png"></body></html>');
  writeFileSync(file('report.txt'), 'SEN Information Report\n\nOur SENCO is Mrs Jo Bell (senco@example.sch.uk).\n');
  writeFileSync(file('bad-syntax.yaml'), 'id: my-rule\ntitle: [unclosed\n');
  writeFileSync(
    file('bad-key.yaml'),
    [
      'id: local-offer-link',
      'title: Local Offer link',
      'source: Local expectation',
      'severity: error',
      'appliesTo: [maintained_mainstream]',
      'why: Parents need it.',
      'advice: Link to it.',
      'check:',
      '  met:',
      '    phrase: [local offer]',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectCannotAudit(args: string[], message: RegExp) {
  const r = await runCli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r;
}

describe('bad inputs', () => {
  it('a missing file', () => expectCannotAudit(['audit', file('nope.pdf')], /No such file/));
  it('an empty file', () => expectCannotAudit(['audit', file('empty.html')], /empty/i));
  it('a truncated PDF', () => expectCannotAudit(['audit', file('truncated.pdf')], /PDF/));
  it('an encrypted PDF', () => expectCannotAudit(['audit', file('encrypted.pdf')], /password/i));
  it('an image-only PDF is not machine-readable', () => expectCannotAudit(['audit', file('scanned.pdf')], /not machine-readable/));
  it('HTML with no text', () => expectCannotAudit(['audit', file('no-text.html')], /no readable text/i));
  it('a rule file that is not valid YAML names the file and line', () =>
    expectCannotAudit(['audit', file('report.txt'), '--rules', file('bad-syntax.yaml')], /bad-syntax\.yaml line 2/));
  it('a rule file with an unknown key names the line and the key, and suggests the right one', () =>
    expectCannotAudit(['audit', file('report.txt'), '--rules', file('bad-key.yaml')], /bad-key\.yaml line 10: check\.met\.phrase: .*did you mean "phrases"/));
  it('a bad option value', () => expectCannotAudit(['audit', file('report.txt'), '--as-of', '2026-13-45'], /YYYY-MM-DD/));
  it('an unknown school type', () => expectCannotAudit(['audit', file('report.txt'), '--school-type', 'grammar'], /maintained_mainstream/));
  it('a non-http scheme', () => expectCannotAudit(['audit', 'ftp://example.org/report.pdf'], /http/));
});

it('a reader that goes away (senaudit ... | head -1) ends the run quietly, not with an EPIPE crash', async () => {
  // Twelve reports as JSON: far more than a pipe holds, so writing goes on after the reader has gone.
  const example = join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html');
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/senaudit.js'), 'audit', ...Array<string>(12).fill(example), '--format', 'json', '--as-of', '2026-11-01'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // Like head -1: read the first chunk, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
});

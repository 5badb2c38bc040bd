import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

// The real CLI: --format markdown|html|junit|github, explain, schema, rules --format markdown.

const EXAMPLE = 'fixtures/examples/oakfield-primary.html';
const dir = mkdtempSync(join(tmpdir(), 'senaudit-formats-'));
const GAPPY = join(dir, 'gappy.md');
writeFileSync(
  GAPPY,
  ['# SEN Information Report', '', 'Last updated: October 2026.', '', '## Who is our SENCO?', '', 'Our SENCO is Mrs Rosa Lind. Email senco@brook.example.sch.uk.', ''].join('\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('senaudit audit --format', () => {
  it('markdown, html, junit and github all render the example (exit 0: nothing missing)', async () => {
    const md = await runCli(['audit', EXAMPLE, '--as-of', '2026-11-01', '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# SEN information report audit: SEND Information Report 2026-27 \\\| Oakfield Primary School\n/); // the document's own title, not the path
    expect(md.stdout).toContain('## Met (26)');
    const html = await runCli(['audit', EXAMPLE, '--as-of', '2026-11-01', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    const junit = await runCli(['audit', EXAMPLE, '--as-of', '2026-11-01', '--format', 'junit']);
    expect(junit.stdout).toContain('<testsuite name="fixtures/examples/oakfield-primary.html" id="0" tests="26" failures="0" errors="0" skipped="0"');
    const gh = await runCli(['audit', EXAMPLE, '--as-of', '2026-11-01', '--format', 'github']);
    expect(gh.stdout).toBe('senaudit: fixtures/examples/oakfield-primary.html: 0 missing, 0 partly there, 26 met, 0 not applicable.\n');
  });

  it('junit failures follow --fail-on; the exit code is the same as for text', async () => {
    const strict = await runCli(['audit', GAPPY, '--as-of', '2026-11-01', '--format', 'junit', '--fail-on', 'warning']);
    const loose = await runCli(['audit', GAPPY, '--as-of', '2026-11-01', '--format', 'junit', '--fail-on', 'error']);
    expect(strict.code).toBe(1);
    expect(loose.code).toBe(1);
    const failures = (xml: string) => Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)![1]);
    expect(failures(strict.stdout)).toBeGreaterThan(failures(loose.stdout));
    const gh = await runCli(['audit', GAPPY, '--as-of', '2026-11-01', '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBeGreaterThan(10);
  });

  it('an unknown format names the ones there are', async () => {
    const r = await runCli(['audit', EXAMPLE, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('text, json, markdown, html, junit, github');
  });
});

describe('senaudit explain', () => {
  it('explains a rule: what, the law, why, how it decides, partial, how to fix, school types', async () => {
    const r = await runCli(['explain', 'senco-contact']);
    expect(r.code).toBe(0);
    for (const s of ['senco-contact: Name and contact details of the SENCO', 'The law:', 'Why', 'How it decides', 'Met when:', 'within 2 sentences', 'Partly there (when not met) when:', 'How to fix', 'Applies to:', 'Not to:']) {
      expect(r.stdout).toContain(s);
    }
    expect(r.stdout).toContain('a body, heading or glossary sentence containing one of: "senco"');
  });

  it('an unknown id is one line with the closest id, exit 2', async () => {
    const r = await runCli(['explain', 'senco']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('senaudit: There is no rule "senco". Did you mean "senco-contact"? Run "senaudit rules" for the list.\n');
    const typo = await runCli(['explain', 'lokal-offer']);
    expect(typo.stderr).toContain('Did you mean "local-offer"?');
  });
});

describe('senaudit schema and rules --format markdown', () => {
  it('print the committed generated files', async () => {
    const rule = await runCli(['schema']);
    expect(rule.code).toBe(0);
    expect(rule.stdout).toBe(readFileSync(join(REPO_ROOT, 'docs/senaudit-rules.schema.json'), 'utf8'));
    expect((await runCli(['schema', 'rule'])).stdout).toBe(rule.stdout);
    const config = await runCli(['schema', 'config']);
    expect(config.stdout).toBe(readFileSync(join(REPO_ROOT, 'docs/senaudit-config.schema.json'), 'utf8'));
    const md = await runCli(['rules', '--format', 'markdown'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8'));
  });

  it('schema with an unknown kind is a usage error', async () => {
    const r = await runCli(['schema', 'rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule, config');
  });
});

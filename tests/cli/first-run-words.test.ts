// What a new user trips over (issue #18, single audit): the words a governor reads, checked on
// the real CLI spawned as a user runs it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-first-run-'));
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ schools: [{ name: 'Oak', gaps: 3 }] }));
  writeFileSync(join(dir, 'list.csv'), 'name,url\nOak,https://oak.example.org/\n');
  writeFileSync(join(dir, 'export.txt'), '[{"urn": 100001, "name": "Oak Primary"}]');
  writeFileSync(
    join(dir, 'policy.txt'),
    [
      'Special Educational Needs Policy',
      'Date of adoption: September 2026',
      'This policy sets out how Orchard Way School meets its duties to pupils with special educational needs.',
      'This policy will be reviewed every two years by the governing body.',
    ].join('\n\n'),
  );
});

describe('audit, as a governor runs it', () => {
  it('says under the summary what "error" and "warning" mean', async () => {
    const r = await runCli(['audit', 'fixtures/examples/oakfield-primary.html', '--as-of', '2026-11-01']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^Summary: /);
    expect(lines.at(-1)).toBe('error: the law says the report must include it; warning: statutory guidance says it should.');
  });

  it('a document that is not a report gets a notice a governor can read', async () => {
    const r = await runCli(['audit', join(dir, 'policy.txt'), '--as-of', '2026-11-01']);
    expect(r.stdout).toContain("! This looks like the school's SEN policy rather than its SEN information report.");
    expect(r.stdout).not.toMatch(/looks like not|looks like a school SEN policy, not/);
  });

  it('titles Markdown and HTML reports by the school, never by the full local path', async () => {
    writeFileSync(join(dir, 'draft.txt'), 'Our SENCO is Mrs Ada Lark. We support pupils with autism and dyslexia in small groups every week.');
    const md = await runCli(['audit', join(dir, 'draft.txt'), '--format', 'markdown', '--as-of', '2026-11-01']);
    expect(md.stdout.split('\n')[0]).toBe('# SEN information report audit: draft.txt');
    expect(md.stdout.split('\n')[0]).not.toContain(dir);
    const named = await runCli(['audit', join(dir, 'draft.txt'), '--format', 'html', '--school-name', 'Orchard Way School', '--as-of', '2026-11-01']);
    expect(named.stdout).toContain('<h1>SEN information report audit: Orchard Way School</h1>');
    const titled = await runCli(['audit', 'fixtures/examples/oakfield-primary.html', '--format', 'markdown', '--as-of', '2026-11-01']);
    expect(titled.stdout.split('\n')[0]).toMatch(/^# SEN information report audit: .*Oakfield/);
  });

  it.each(['results.json', 'list.csv', 'export.txt'])('a data file (%s) is refused in one line with exit 2', async (file) => {
    const r = await runCli(['audit', join(dir, file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^senaudit: .* is a data file \(JSON, CSV, XML or YAML\), not a document, so it cannot be audited as a report\. Give the report itself: .*\n$/);
  });
});

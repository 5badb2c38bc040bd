import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import type { ResultLine } from '../../src/batch/types.js';
import { formatGithub } from '../../src/format/github.js';
import { formatBatchHtml, formatHtml } from '../../src/format/html.js';
import { formatBatchJunit, formatJunit } from '../../src/format/junit.js';
import { formatBatchMarkdown, formatMarkdown } from '../../src/format/markdown.js';
import { REPO_ROOT } from '../helpers/cli.js';

// Golden tests: fixtures/format/<name>/input.json in, expected.<ext> beside it out.
// UPDATE_GOLDEN=1 npx vitest run tests/format/golden.test.ts rewrites the expected files;
// read the diff before committing them.

const DIR = join(REPO_ROOT, 'fixtures/format');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const read = <T>(name: string): T => JSON.parse(readFileSync(join(DIR, name, 'input.json'), 'utf8')) as T;

interface Case {
  fixture: string;
  file: string;
  render: () => string;
}

const audit = (name: string) => read<AuditReport>(name);
const batch = () => read<ResultLine[]>('batch');

const CASES: Case[] = [
  { fixture: 'audit-report', file: 'expected.md', render: () => formatMarkdown(audit('audit-report')) },
  { fixture: 'audit-report', file: 'expected.html', render: () => formatHtml(audit('audit-report')) },
  { fixture: 'audit-report', file: 'expected.junit.xml', render: () => formatJunit(audit('audit-report'), { failOn: 'error' }) },
  { fixture: 'audit-report', file: 'expected.github.txt', render: () => formatGithub(audit('audit-report')) },
  { fixture: 'audit-policy', file: 'expected.md', render: () => formatMarkdown(audit('audit-policy')) },
  { fixture: 'audit-policy', file: 'expected.html', render: () => formatHtml(audit('audit-policy')) },
  // --fail-on warning here, so warning-severity gaps are failures too.
  { fixture: 'audit-policy', file: 'expected.junit.xml', render: () => formatJunit(audit('audit-policy'), { failOn: 'warning' }) },
  { fixture: 'audit-policy', file: 'expected.github.txt', render: () => formatGithub(audit('audit-policy')) },
  { fixture: 'batch', file: 'expected.md', render: () => formatBatchMarkdown(batch(), { title: 'Anyshire SEN information reports' }) },
  { fixture: 'batch', file: 'expected.html', render: () => formatBatchHtml(batch(), { title: 'Anyshire SEN information reports' }) },
  { fixture: 'batch', file: 'expected.junit.xml', render: () => formatBatchJunit(batch(), { failOn: 'error' }) },
];

describe('golden files', () => {
  for (const c of CASES) {
    it(`${c.fixture}/${c.file}`, () => {
      const path = join(DIR, c.fixture, c.file);
      const actual = c.render();
      if (UPDATE || !existsSync(path)) {
        if (!UPDATE) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/format/golden.test.ts`);
        writeFileSync(path, actual);
      }
      expect(actual, `${c.fixture}/${c.file} differs: if the change is intended, run with UPDATE_GOLDEN=1 and review the diff`).toBe(
        readFileSync(path, 'utf8'),
      );
    });
  }

  it('renders the same bytes twice (no clock, no randomness)', () => {
    for (const c of CASES) expect(c.render()).toBe(c.render());
  });

  it('batch formats accept any iterable of result lines, read once', () => {
    const lines = batch();
    function* once() {
      yield* lines;
    }
    expect(formatBatchHtml(once(), { title: 'Anyshire SEN information reports' })).toBe(formatBatchHtml(lines, { title: 'Anyshire SEN information reports' }));
    expect(formatBatchJunit(once())).toBe(formatBatchJunit(lines));
    expect(formatBatchMarkdown(once())).toBe(formatBatchMarkdown(lines));
  });
});

// A report's date comes only from the document (issue #13, class 6): an undated report is never
// "met" for the annual update because its file was saved today or its server sends a fresh
// Last-Modified header, and the finding says why. Spawns the real CLI as a user would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../extract/make-docx.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const UNDATED = [
  'Hollin Lane Primary School: SEN Information Report',
  'Our SENCO is Mrs Ada Lark. She can be contacted on 01632 960111 or senco@hollin-lane.example.sch.uk.',
  'We provide for pupils with autism, dyslexia, speech and language needs and physical disabilities.',
  'Teachers adapt lessons with visual timetables and scaffolded tasks, and the SENCO plans the next steps with each class teacher.',
];
const OLD = [...UNDATED.slice(0, 1), 'This report was reviewed in September 2023.', ...UNDATED.slice(1)];

type Finding = { id: string; status: string; evidence: { text: string }[]; notes?: string[] };
const annual = (stdout: string) => (JSON.parse(stdout) as { results: Finding[]; document: { date: string | null; dateSource: string | null } });

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-undated-'));
  writeFileSync(join(dir, 'undated.txt'), UNDATED.join('\n\n')); // modified just now
  writeFileSync(join(dir, 'undated.docx'), makeDocx(UNDATED.map((text) => ({ text }))));
  server = await startServer({
    '/undated.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'last-modified': new Date().toUTCString() });
      res.end(`<!doctype html><title>SEN Information Report</title><main>${UNDATED.map((p) => `<p>${p}</p>`).join('')}</main>`);
    },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('the report date comes only from the document', () => {
  for (const [what, target] of [
    ['a plain-text file saved today', () => join(dir, 'undated.txt')],
    ['a DOCX saved today', () => join(dir, 'undated.docx')],
    ['a page served with a fresh Last-Modified header', () => server.url('/undated.html')],
  ] as const) {
    it(`${what}, undated, is not "met" for the annual update, and the finding says no date was found`, async () => {
      const r = await runCli(['audit', target(), '--format', 'json', '--as-of', new Date().toISOString().slice(0, 10)]);
      const report = annual(r.stdout);
      expect(report.document.date).toBeNull();
      expect(report.document.dateSource).toBeNull();
      const f = report.results.find((x) => x.id === 'annual-update')!;
      expect(f.status).toBe('missing');
      expect(f.notes?.join(' ')).toMatch(/^No date found for the report: none in its text .* timestamp is not taken as the report's date\.$/);
    });
  }

  it('a date found but too old is reported as that date and its age, not as "no date"', async () => {
    writeFileSync(join(dir, 'old.txt'), OLD.join('\n\n'));
    const r = await runCli(['audit', join(dir, 'old.txt'), '--format', 'json', '--as-of', '2026-11-01']);
    const f = annual(r.stdout).results.find((x) => x.id === 'annual-update')!;
    expect(f.status).toBe('missing');
    expect(f.notes).toEqual([expect.stringMatching(/^The report is dated 2023-09 \("This report was reviewed in September 2023\."\): 3\d months before 2026-11-01, more than 12\.$/)]);
    const text = await runCli(['audit', join(dir, 'old.txt'), '--as-of', '2026-11-01']);
    expect(text.stdout).toMatch(/Note: The report is dated 2023-09 .*months before 2026-11-01, more than 12\./);
  });
});

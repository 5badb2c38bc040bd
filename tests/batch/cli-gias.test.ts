import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResultLine } from '../../src/batch/types.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';
import { type Handler, startServer, type TestServer } from '../helpers/server.js';
import { page, reportHtml, reportParagraphs } from './report-text.js';

// A GIAS establishment extract (our fixture: the real header layout, windows-1252) end to end
// through the real CLI. The fixture's websites say 127.0.0.1:{{PORT}}; the test writes a copy
// with its server's port, byte for byte otherwise.

let server: TestServer;
let dir: string;

const html = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

beforeAll(async () => {
  const pdf = await makePdf(reportParagraphs('St Aidan’s C of E Primary School'));
  server = await startServer({
    '/st-aidans/': html(page('St Aidan’s C of E Primary School', [['Our school', '/st-aidans/about/'], ['SEND', '/st-aidans/send/']])),
    '/st-aidans/about/': html(page('Our school', [['Home', '/st-aidans/']])),
    '/st-aidans/send/': html(page('SEND', [['SEN Information Report', '/st-aidans/docs/SEN-Information-Report.pdf']])),
    '/st-aidans/docs/SEN-Information-Report.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(pdf);
    },
    '/cafe-lane/send-information-report.html': html(reportHtml('Café Lane Nursery School')),
    '/riverside/': html(page('Riverside Special School', [['Special educational needs', '/riverside/sen/']])),
    '/riverside/sen/': html(page('Special educational needs', [['Our SEN information report', '/riverside/sen/information-report/']])),
    '/riverside/sen/information-report/': html(reportHtml('Riverside Special School')),
  });
  dir = mkdtempSync(join(tmpdir(), 'senaudit-gias-'));
  const port = new URL(server.url('/')).port;
  const fixture = readFileSync(join(REPO_ROOT, 'fixtures/batch/gias-extract.csv'));
  writeFileSync(join(dir, 'edubasealldata.csv'), Buffer.from(fixture.toString('latin1').replaceAll('{{PORT}}', port), 'latin1'));
});
afterAll(async () => {
  await server?.close();
});

it('audits a GIAS extract end to end: names decoded, types from codes, closed and out-of-scope skipped, blank website an error', async () => {
  const out = join(dir, 'out');
  const r = await runCli(['batch', join(dir, 'edubasealldata.csv'), '--out', out, '--as-of', '2026-11-01', '--timeout', '5', '--allow-private']);
  expect(r.stdout).toMatch(/^6 schools: 3 audited, 0 report not found, 1 could not be audited, 2 skipped\./);
  expect(r.code).toBe(2); // Brookside has no website: an error row

  const rows = parse(readFileSync(join(out, 'summary.csv')), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((x) => [x['urn'], x['name'], x['la'], x['school_type'], x['status']])).toEqual([
    ['990101', 'St Aidan’s C of E Primary School', 'Westmere', 'maintained_mainstream', 'audited'],
    ['990102', 'Café Lane Nursery School', 'Westmere', 'maintained_nursery', 'audited'],
    ['990103', 'Old Mill Junior School', 'Westmere', 'maintained_mainstream', 'skipped'],
    ['990104', 'Hillcrest Secure Unit', 'Westmere', '', 'skipped'],
    ['990105', 'Brookside Academy', 'Westmere', 'academy_mainstream', 'error'],
    ['990106', 'Riverside Special School', 'Westmere', 'maintained_special', 'audited'],
  ]);
  expect(rows[0]!['report_url']).toMatch(/\/st-aidans\/docs\/SEN-Information-Report\.pdf$/);
  expect(rows[2]!['reason']).toBe('closed (GIAS EstablishmentStatus 2)');
  expect(rows[2]!['url']).toBe('https://www.oldmill-junior.example.sch.uk/');
  expect(rows[3]!['reason']).toMatch(/^out of scope: Secure units \(type 24\)/);
  expect(rows[4]!['reason']).toMatch(/no website address/);
  // The special school's rules were judged as a special school: a SENCO is not required there.
  const ls = readFileSync(join(out, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
  const riverside = ls.find((l) => l.school.urn === '990106');
  expect(riverside?.status === 'audited' && riverside.report.schoolType).toBe('maintained_special');
  expect(riverside?.status === 'audited' && riverside.clickPath).toHaveLength(3);
}, 60_000);

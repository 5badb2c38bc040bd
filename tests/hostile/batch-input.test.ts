// Issue #6, batch inputs: files a user (or someone who sends them a list) may hand to
// `senaudit batch`. An input that cannot be used is refused in one line, exit 2, before --out is
// even created; a bad row is an error row and the batch goes on; what the input says about a
// school (its name) cannot run as a formula in summary.csv or as markup in the batch reports.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchools } from '../../src/batch/input/index.js';
import type { ResultLine } from '../../src/batch/types.js';
import { decodeWindows1252 } from '../../src/extract/decode.js';
import { reportHtml } from '../batch/report-text.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { expectRefused } from './support.js';

const RUN = ['--as-of', '2026-11-01', '--allow-private', '--quiet', '--timeout', '5'];

let dir: string;
let server: TestServer;
/** A 127.0.0.1 port nothing listens on: a school there is an error row without waiting. */
let deadPort: string;

const html = (body: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-hostile-input-'));
  server = await startServer({
    '/sycamore/': html(reportHtml('Sycamore Primary School')),
    '/willow/': html(reportHtml('Willow Acorn School')),
    '/hazel/': html(reportHtml('Hazel Nut Academy')),
    '/rowan/': html(reportHtml('Rowan Trailing School')),
    '/cafe/': html(reportHtml('Café Lane Nursery School')),
  });
  const gone = await startServer({});
  deadPort = new URL(gone.url('/')).port;
  await gone.close();
});
afterAll(() => server?.close());

const dead = (path: string) => `http://127.0.0.1:${deadPort}${path}`;
const input = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const csvRows = (out: string) => parse(readFileSync(join(out, 'summary.csv')), { bom: true, columns: true }) as Record<string, string>[];
const resultLines = (out: string) => readFileSync(join(out, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);

describe('an input that cannot be used is refused before anything is written', () => {
  // A GIAS extract downloaded with chosen fields, the website not among them (GIAS allows that).
  const giasWithoutWebsite = '"URN","LA (name)","EstablishmentName","TypeOfEstablishment (code)","EstablishmentStatus (code)"\r\n"990101","Westmere","Café Lane Nursery School","15","1"\r\n';
  // What Excel saves as .xlsx: a ZIP (PK\3\4 ...), full of NULs and control bytes.
  const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml\0\0\u0001,url\nwww.a.example\n', 'latin1')]);
  const cases: [file: string, content: string | Uint8Array, message: RegExp][] = [
    ['empty.txt', '', /^senaudit: \S*empty\.txt lists no schools: give one URL a line/],
    ['comments-only.txt', '# Westmere schools, to fill in\n\n   \r\n# (none yet)\n', /comments-only\.txt lists no schools/],
    ['header-only.csv', '\ufeffurl,name\r\n', /header-only\.csv lists no schools/],
    ['no-url-column.csv', 'name,homepage\nOak Primary,https://oak.example.org/\n', /no-url-column\.csv has no website column \(its columns are: name, homepage\)/],
    ['gias-no-website.csv', giasWithoutWebsite, /gias-no-website\.csv looks like a GIAS extract but has no "SchoolWebsite" column: download the extract with all establishment fields\.$/],
    ['schools.xlsx', xlsx, /schools\.xlsx is not a text file .*save it as CSV/],
    ['open-quote.csv', 'name,url\n"Oak Primary,https://oak.example.org/\nWillow,https://willow.example.org/\n', /open-quote\.csv is not a readable CSV file: Quote Not Closed: .* line 3\.$/],
  ];
  it.each(cases)('%s', async (file, content, message) => {
    const out = join(dir, `refused-${file}`);
    // Asked for every report too: none of them, and not the --out folder, may appear.
    const r = await expectRefused(['batch', input(file, content), '--out', out, '--format', 'html,markdown,junit', ...RUN], message);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/); // no bytes of the file echoed raw
    expect(existsSync(out)).toBe(false);
  });
});

it('a CSV saved with a BOM and CRLF (Excel\'s "CSV UTF-8") is read by its header, accents intact', async () => {
  const out = join(dir, 'bom');
  const file = input('bom.csv', `\ufeffurl,name\r\n${server.url('/cafe/')},Café Lane Nursery School\r\n`);
  const r = await runCli(['batch', file, '--out', out, ...RUN]);
  expect(r.stderr).toBe('');
  expect(csvRows(out).map((x) => [x['name'], x['status']])).toEqual([['Café Lane Nursery School', 'audited']]);
  expect([0, 1]).toContain(r.code);
}, 60_000);

describe('lists as Excel saves them in other ways are read, not refused', () => {
  it('a one-column list of websites with no header line, saved as CSV with empty cells after each', async () => {
    const out = join(dir, 'headerless');
    const file = input('headerless.csv', [`${server.url('/sycamore/')},,`, `${dead('/oak/')},,`, ',,', `${server.url('/willow/')},`, ''].join('\r\n'));
    const r = await runCli(['batch', file, '--out', out, ...RUN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2); // the dead one could not be audited
    expect(csvRows(out).map((x) => [x['url'], x['status']])).toEqual([
      [server.url('/sycamore/'), 'audited'],
      [dead('/oak/'), 'error'],
      [server.url('/willow/'), 'audited'],
    ]);
    expect(resultLines(out).map((l) => l.school.row).sort()).toEqual([1, 2, 4]); // file lines, in the order they finished
  }, 60_000);

  it('a CSV separated by semicolons (Excel in a European locale), names with commas intact', async () => {
    const out = join(dir, 'semicolon');
    const file = input('semicolon.csv', ['url;name;urn', `${server.url('/sycamore/')};Sycamore Primary School, Westmere;100001`, `${dead('/oak/')};Oak;100002`, ''].join('\r\n'));
    const r = await runCli(['batch', file, '--out', out, ...RUN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(csvRows(out).map((x) => [x['name'], x['urn'], x['url'], x['status']])).toEqual([
      ['Sycamore Primary School, Westmere', '100001', server.url('/sycamore/'), 'audited'],
      ['Oak', '100002', dead('/oak/'), 'error'],
    ]);
  }, 60_000);

  it('Excel\'s "Unicode Text" export: UTF-16 LE with a BOM, tab-separated', async () => {
    const out = join(dir, 'unicode-text');
    const text = ['URN\tname\turl', `100001\tCafé Lane Nursery School\t${server.url('/cafe/')}`, `100002\tOak, St Mary’s\t${dead('/oak/')}`, ''].join('\r\n');
    const file = input('unicode-text.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await runCli(['batch', file, '--out', out, ...RUN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(csvRows(out).map((x) => [x['name'], x['urn'], x['url'], x['status']])).toEqual([
      ['Café Lane Nursery School', '100001', server.url('/cafe/'), 'audited'],
      ['Oak, St Mary’s', '100002', dead('/oak/'), 'error'],
    ]);
  }, 60_000);
});

// Chosen: a ragged row becomes an error row naming its line, and the batch goes on. Refusing the
// file would make one mistyped row in a 50,000-row list stop the whole run; auditing the row
// anyway would fetch whatever cell slid into the url column (here " St Mary's Primary").
it('a row with more cells than the header is an error row naming its line; the rows around it are audited', async () => {
  const out = join(dir, 'ragged');
  const file = input(
    'ragged.csv',
    [
      'name,url,urn',
      `Sycamore Primary School,${server.url('/sycamore/')},100001`,
      `Oak, St Mary's Primary,${dead('/oak/')},100002`, // unquoted comma: 4 cells
      'Short Row School', // fewer cells: the missing ones read as blank, so no website
      `"Willow ""Acorn"" School",${server.url('/willow/')},100004`,
      `Hazel "Nut" Academy,${server.url('/hazel/')},100005`, // a stray quote in an unquoted cell
      `Rowan Trailing School,${server.url('/rowan/')},100006`,
      '',
    ].join('\n'),
  );
  const r = await runCli(['batch', file, '--out', out, ...RUN]);
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error/);
  expect(r.code).toBe(2); // some schools could not be audited
  const rows = csvRows(out);
  expect(rows.map((x) => [x['name'], x['urn'], x['url'] === '' ? '' : 'url', x['status']])).toEqual([
    ['Sycamore Primary School', '100001', 'url', 'audited'],
    ['Oak', '', '', 'error'], // nothing from a shifted row is trusted but the start of its name
    ['Short Row School', '', '', 'error'],
    ['Willow "Acorn" School', '100004', 'url', 'audited'],
    ['Hazel "Nut" Academy', '100005', 'url', 'audited'],
    ['Rowan Trailing School', '100006', 'url', 'audited'],
  ]);
  expect(rows[1]!['reason']).toBe('Row 3 has 4 cells but the header has 3, so the school could not be audited: a name or address that holds a comma must be in double quotes.');
  expect(rows[2]!['reason']).toBe('Row 4 has no website address, so the school could not be audited.');
  const ragged = resultLines(out).find((l) => l.school.row === 3)!;
  expect(ragged).toMatchObject({ status: 'error', error: { code: 'input' }, school: { key: 'row:3', urn: null, url: null } });
}, 60_000);

it('hostile school names are inert in summary.csv, report.html, report.md and junit.xml', async () => {
  const names = [
    '=HYPERLINK("http://evil.example/","Click")',
    '+44 1632 960000',
    '-1+2',
    '@SUM(A1:A2)',
    '\t=1+2', // spreadsheets skip a leading tab or CR before looking for "="
    '\r=2+3',
    '<script>alert(1)</script>',
    '"]]><x/> & more',
    'Ash | Elm Federation', // a markdown table cell
  ];
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = names.map((n, i) => [quote(n), dead(`/school-${i}/`), i === 0 ? '-7' : `99${i}`, i === 1 ? "=cmd|' /C calc'!A0" : 'Westmere'].join(','));
  const out = join(dir, 'hostile-names');
  const file = input('hostile-names.csv', ['name,url,urn,la', ...lines, ''].join('\r\n'));
  const r = await runCli(['batch', file, '--out', out, '--format', 'html,markdown,junit', ...RUN]);
  expect(r.code).toBe(2); // every school is an error row (nothing listens there)
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error/);
  const shown = names.map((n) => n.trim());

  // summary.csv: no cell starts as a formula would; the formula-looking ones keep their text after a '.
  const rows = csvRows(out);
  expect(rows).toHaveLength(names.length);
  for (const row of rows) for (const [column, value] of Object.entries(row)) expect(value, column).not.toMatch(/^[=+\-@\t\r]/);
  expect(rows.map((x) => x['name'])).toEqual(shown.map((n) => (/^[=+\-@]/.test(n) ? `'${n}` : n)));
  expect(rows[0]!['urn']).toBe("'-7");
  expect(rows[1]!['la']).toBe("'=cmd|' /C calc'!A0");

  // report.html: the names are text, never elements.
  const $ = load(readFileSync(join(out, 'report.html'), 'utf8'));
  expect($('script, x').length).toBe(0);
  expect($('table.schools th[scope=row]').map((_, e) => $(e).text()).get()).toEqual(shown);

  // report.md: no raw markup, and each school's table row keeps its five cells.
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  expect(md).not.toMatch(/(?<!\\)</); // every < from a name is backslash-escaped
  const tableRows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| school |'));
  expect(tableRows).toHaveLength(names.length);
  for (const row of tableRows) expect(row.split(/(?<!\\)\|/), row).toHaveLength(7);

  // junit.xml: no markup or CDATA end from a name; each suite's name reads back exactly.
  const xml = readFileSync(join(out, 'junit.xml'), 'utf8');
  expect(xml).not.toMatch(/<script|<x\/>|]]>/);
  const junit = load(xml, { xml: true });
  expect(junit('testsuite').map((_, e) => junit(e).attr('name')).get()).toEqual(shown.map((n, i) => `${n} (URN ${i === 0 ? '-7' : `99${i}`})`));
}, 60_000);

it('a GIAS extract saved as UTF-8, with or without a BOM, gives the same summary.csv as the windows-1252 download', async () => {
  const cp1252 = Buffer.from(readFileSync(join(REPO_ROOT, 'fixtures/batch/gias-extract.csv')).toString('latin1').replaceAll('{{PORT}}', deadPort), 'latin1');
  const text = decodeWindows1252(cp1252);
  const files = {
    'gias-1252.csv': cp1252,
    'gias-utf8.csv': Buffer.from(text, 'utf8'),
    'gias-utf8-bom.csv': Buffer.from(`\ufeff${text}`, 'utf8'),
  };
  const summaries: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const out = join(dir, name.replace('.csv', ''));
    const r = await runCli(['batch', input(name, bytes), '--out', out, ...RUN]);
    expect(r.stdout, name).toMatch(/^6 schools: 0 audited, 0 report not found, 4 could not be audited, 2 skipped\./);
    summaries[name] = readFileSync(join(out, 'summary.csv'), 'utf8');
  }
  const names = (parse(summaries['gias-utf8.csv']!, { bom: true, columns: true }) as Record<string, string>[]).map((x) => x['name']);
  expect(names).toContain('St Aidan’s C of E Primary School');
  expect(names).toContain('Café Lane Nursery School');
  expect(summaries['gias-utf8.csv']).toBe(summaries['gias-1252.csv']);
  expect(summaries['gias-utf8-bom.csv']).toBe(summaries['gias-1252.csv']);
}, 60_000);

it('in a GIAS extract too, a row with cells past the header is an error row and the others are read as before', () => {
  const fixture = readFileSync(join(REPO_ROOT, 'fixtures/batch/gias-extract.csv')).toString('latin1');
  // Hand-edited, the comma left unquoted: the row's last cell (empty) is pushed past the header.
  const broken = fixture.replace('"Old Mill Junior School"', '"Old Mill",Junior School');
  expect(broken).not.toBe(fixture);
  const before = loadSchools(Buffer.from(fixture, 'latin1'), 'gias.csv').rows;
  const after = loadSchools(Buffer.from(broken, 'latin1'), 'gias.csv').rows;
  const oldMill = after[2]!;
  expect(oldMill.school).toMatchObject({ key: `row:${before[2]!.school.row}`, urn: null, url: null, name: 'Old Mill' });
  const message = oldMill.preset?.status === 'error' ? oldMill.preset.error.message : '';
  const [, cells, width] = /^Row \d+ has (\d+) cells but the header has (\d+), so the school could not be audited/.exec(message) ?? [];
  expect(Number(cells)).toBe(Number(width) + 1);
  expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
});

it('a list made from a GIAS extract, with its own url column, is read as a CSV of schools', () => {
  const { format, rows } = loadSchools(Buffer.from('URN,EstablishmentName,url\n990101,Café Lane Nursery School,cafe-lane.example.org\n'), 'trimmed.csv');
  expect(format).toBe('csv');
  expect(rows.map((r) => [r.school.key, r.school.url, r.preset])).toEqual([['urn:990101', 'https://cafe-lane.example.org/', null]]);
});

// Files built to unpack to far more than they are (issue #19, items 4 to 6): a DOCX whose
// word/document.xml inflates to 100 MB ran the heap out of memory (exit 134) and, in a batch,
// took the whole batch down; a PDF whose page stream inflates to 380 MB ran past 120 s at 3.4 GB.
// Each is now one clear error, and a batch of 20 schools holding them finishes, within 1 GB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportHtml } from '../batch/report-text.js';
import { makeZip } from '../extract/make-docx.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const MB = 1024 * 1024;
let dir: string;
let docxBomb: Buffer;
let pdfBomb: Buffer;

/** A .docx whose word/document.xml is `mb` MB of one paragraph repeated (about 0.1% of that zipped). */
function docxOf(mb: number): Buffer {
  const para = '<w:p><w:r><w:t>We support pupils with SEN in every lesson of every day.</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil((mb * MB) / para.length));
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
    { name: 'word/document.xml', data: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
  ]);
}

/** A one-page PDF whose content stream is `mb` MB of spaces, Flate-compressed (written by hand: pdfkit compresses what it draws). */
function pdfOf(mb: number): Buffer {
  const stream = deflateSync(Buffer.alloc(mb * MB, ' '), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`));
  push(stream);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xref = length;
  push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-bombs-'));
  docxBomb = docxOf(100);
  pdfBomb = pdfOf(200);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one file', () => {
  test('a DOCX whose document.xml unpacks to 100 MB: one line naming the part, exit 2', async () => {
    expect(docxBomb.length).toBeLessThan(2 * MB);
    const file = join(dir, 'bomb.docx');
    writeFileSync(file, docxBomb);
    const r = await runCli(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`senaudit: ${file} is not read: its part word/document.xml unpacks to more than 64 MB, far more than any report (a file built this way can exhaust memory). Ask the school for the report as a PDF or a web page.\n`);
  });

  test('a PDF whose page stream inflates to 200 MB: one line naming the stream, exit 2', async () => {
    expect(pdfBomb.length).toBeLessThan(2 * MB);
    const file = join(dir, 'bomb.pdf');
    writeFileSync(file, pdfBomb);
    const r = await runCli(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`senaudit: ${file} is not read: stream 1 decodes to more than 128 MB, far more than any report (a file built this way can exhaust memory). Ask the school for the report as a text PDF or a web page.\n`);
  });

  test('a DOCX and a PDF of ordinary size are read as before', async () => {
    const docx = join(dir, 'fine.docx');
    writeFileSync(docx, docxOf(1));
    const d = await runCli(['audit', docx, '--format', 'json', '--as-of', '2026-11-01']);
    expect(JSON.parse(d.stdout).document.words).toBeGreaterThan(100_000);
    const pdf = join(dir, 'blank.pdf');
    writeFileSync(pdf, pdfOf(1));
    expect((await runCli(['audit', pdf])).stderr).toContain('has no text and no scanned pages');
  });
});

test('a text of more than 8 million characters is not judged: one line saying how much it holds, exit 2', async () => {
  const file = join(dir, 'huge.txt');
  writeFileSync(file, 'We support pupils with SEN every day. '.repeat(250_000));
  const r = await runCli(['audit', file, '--max-bytes', '50MB']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`senaudit: ${file} holds 9.5 million characters of text, more than the 8 million senaudit reads (a long report has a few hundred thousand): it is not judged. Check that this is the report.\n`);
});

describe('a batch of 20 schools holding them', () => {
  let server: TestServer;
  const send = (type: string, body: Buffer | string) => (_req: unknown, res: ServerResponse) => void res.writeHead(200, { 'content-type': type }).end(body);
  beforeAll(async () => {
    const routes: Parameters<typeof startServer>[0] = { '/robots.txt': (_req, res) => void res.writeHead(404).end() };
    for (let i = 1; i <= 17; i++) routes[`/good-${i}.html`] = send('text/html; charset=utf-8', reportHtml(`Good School ${i}`));
    routes['/report.docx'] = send('application/vnd.openxmlformats-officedocument.wordprocessingml.document', docxBomb);
    routes['/report.pdf'] = send('application/pdf', pdfBomb);
    routes['/a-at.txt'] = send('text/plain', 'a@'.repeat(5_000));
    server = await startServer(routes);
  });
  afterAll(() => server.close());

  test('finishes: 18 audited (the long line is read, not hung on), 2 error rows naming the cause, peak RSS under 1 GB', { timeout: 120_000 }, async () => {
    const paths = [...Array.from({ length: 17 }, (_, i) => `/good-${i + 1}.html`), '/report.docx', '/report.pdf', '/a-at.txt'];
    const list = join(dir, 'schools.csv');
    writeFileSync(list, `name,url\n${paths.map((p) => `${p.slice(1)},${server.url(p)}`).join('\n')}\n`);
    const rssFile = join(dir, 'rss.json');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', join(REPO_ROOT, 'scripts/bench/rss-preload.mjs'), join(REPO_ROOT, 'bin/senaudit.js'), 'batch', list, '--out', join(dir, 'out'), '--allow-private', '--quiet', '--as-of', '2026-11-01'], {
        env: { ...process.env, NO_COLOR: '1', SENAUDIT_BENCH_RSS_FILE: rssFile },
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(2);
    const lines = readFileSync(join(dir, 'out', 'results.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { school: { name: string }; status: string; error?: { message: string } });
    expect(lines).toHaveLength(20);
    const by = new Map(lines.map((l) => [l.school.name, l]));
    expect(lines.filter((l) => l.status === 'audited')).toHaveLength(18);
    expect(by.get('report.docx')!.error!.message).toMatch(/word\/document\.xml unpacks to more than 64 MB/);
    expect(by.get('report.pdf')!.error!.message).toMatch(/stream 1 decodes to more than 128 MB/);
    expect(by.get('a-at.txt')!.status).toBe('audited');
    const { rss } = JSON.parse(readFileSync(rssFile, 'utf8')) as { rss: number };
    expect(rss).toBeLessThan(1024 * MB);
  });
});

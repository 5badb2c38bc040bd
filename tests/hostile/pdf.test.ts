// Hostile and broken PDFs (issue #6), served by a loopback server and audited by the real CLI.
// tests/cli/bad-input.test.ts reads some of the same shapes from local files; these come over
// HTTP, where the bytes (not the Content-Type) decide the format. Each audit either refuses in
// one line with exit 2, or audits what it could read and says in the report what it skipped.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_PDF_PAGES } from '../../src/extract/pdf.js';
import { makePdf } from '../helpers/pdf.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { expectAudited, expectRefused } from './support.js';

const REPORT = [
  { heading: 'SEN Information Report', paragraphs: ['Our SENCO is Mrs Jo Bell, who you can contact at senco@example.sch.uk or on 01632 960123.'] },
  { heading: 'Identifying needs', paragraphs: ['We identify special educational needs through assessment and talking with parents.'] },
  { heading: 'The Local Offer', paragraphs: ['The local authority publishes its Local Offer at https://council.example/local-offer.'] },
];

/**
 * Breaks one page's content stream the way a damaged download does: the zlib header stays, the
 * deflate data after it is 0xFF, which pdfjs rejects ("Unknown block type") for that page only.
 * The stream keeps its length, so the cross-reference table stays right.
 */
function corruptPage(pdf: Buffer, pageIndex: number): Buffer {
  const s = pdf.toString('latin1');
  const contents = [...s.matchAll(/\/Type \/Page\b[^]*?\/Contents (\d+) 0 R/g)].map((m) => m[1]!);
  const at = s.indexOf(`\n${contents[pageIndex]} 0 obj`);
  const start = s.indexOf('stream\n', at) + 'stream\n'.length;
  const length = Number(/\/Length (\d+)/.exec(s.slice(at, start))![1]);
  const out = Buffer.from(pdf);
  out.fill(0xff, start + 2, start + length);
  return out;
}

const pdfs: Record<string, Buffer> = {};
let server: TestServer;
const url = (name: string) => server.url(`/${name}.pdf`);

beforeAll(async () => {
  const good = await makePdf(REPORT);
  pdfs['empty'] = Buffer.alloc(0);
  pdfs['truncated'] = good.subarray(0, Math.floor(good.length / 2));
  pdfs['garbage'] = randomBytes(8192);
  pdfs['garbage-after-header'] = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(8192)]);
  pdfs['user-password'] = await makePdf(REPORT, { userPassword: 'letmein' });
  pdfs['owner-only'] = await makePdf(REPORT, { ownerPassword: 'permissions-only' });
  pdfs['image-only'] = await makePdf([{ paragraphs: [] }, { paragraphs: [] }], { imageOnly: true });
  pdfs['corrupt-page'] = corruptPage(await makePdf(REPORT, {}), 1);
  // Different words on every page, or the furniture remover takes the repeated lines for footers.
  pdfs['2000-pages'] = await makePdf(
    Array.from({ length: 2000 }, (_, i) => ({ paragraphs: [i === 0 ? REPORT[0]!.paragraphs[0]! : `Section ${i + 1} describes provision number ${(i * 7919) % 10007}.`] })),
  );
  const routes = Object.fromEntries(
    Object.entries(pdfs).map(([name, bytes]) => [
      `/${name}.pdf`,
      (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(bytes);
      },
    ]),
  );
  server = await startServer(routes);
}, 60_000);
afterAll(() => server.close());

describe.concurrent('PDFs it cannot read are refused in one line', () => {
  test('empty', () => expectRefused(['audit', url('empty')], /empty \(0 bytes\)/));
  test('truncated', () => expectRefused(['audit', url('truncated')], /not a readable PDF \(it may be truncated or damaged\)/));
  test('garbage bytes sent as application/pdf', () => expectRefused(['audit', url('garbage')], /is not an HTML page, PDF, Word/));
  test('garbage after a PDF header', () => expectRefused(['audit', url('garbage-after-header')], /(not a readable|damaged) PDF/));
  test('encrypted with a user password', () => expectRefused(['audit', url('user-password')], /password-protected/));
  test('image-only (no text layer)', () => expectRefused(['audit', url('image-only')], /no text layer .*not machine-readable/));
});

describe.concurrent('PDFs it can partly read are audited, saying what was skipped', () => {
  test('permissions-only encryption (owner password) is audited in full', async () => {
    const report = await expectAudited(['audit', url('owner-only')]);
    expect(report.document.warnings).toEqual([]);
    expect(report.results.find((r) => r.id === 'senco-contact')?.status).toBe('met');
  });

  test('one corrupt page among good ones: the others are audited, the bad one named', async () => {
    expect(pdfs['corrupt-page']).not.toEqual(await makePdf(REPORT)); // the damage is real
    const report = await expectAudited(['audit', url('corrupt-page')]);
    expect(report.document.warnings).toContain('Page 2 could not be read and was skipped.');
    expect(report.results.find((r) => r.id === 'senco-contact')?.status).toBe('met'); // page 1
    expect(report.document.pages).toBe(3);
  });

  test(`2,000 pages: only the first ${MAX_PDF_PAGES} are read, in bounded time, and the report says so`, { timeout: 60_000 }, async () => {
    const started = Date.now();
    const report = await expectAudited(['audit', url('2000-pages'), '--max-bytes', '50MB']);
    expect(report.document.pages).toBe(2000);
    expect(report.document.warnings).toContain(`Only the first ${MAX_PDF_PAGES} of its 2000 pages were read; pages ${MAX_PDF_PAGES + 1}-2000 were not checked.`);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

import { describe, expect, it } from 'vitest';
import { AuditError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/index.js';
import { makePdf } from '../helpers/pdf.js';
import { makeDocx } from './make-docx.js';

const input = (bytes: Uint8Array | string, name: string, contentType: string | null = null, baseUrl: string | null = null) => ({
  bytes: typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes)) : bytes,
  contentType,
  name,
  baseUrl,
});

async function failure(p: Promise<unknown>): Promise<AuditError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AuditError);
  expect((err as AuditError).message).not.toContain('\n');
  return err as AuditError;
}

describe('extractDocument', () => {
  it('dispatches on the bytes, whatever the Content-Type says', async () => {
    const pdf = await makePdf([{ heading: 'SEN Information Report', paragraphs: ['Our SENCO is Mrs Bell.'] }]);
    expect((await extractDocument(input(pdf, 'https://x.example/download', 'application/octet-stream'))).format).toBe('pdf');
    expect((await extractDocument(input(makeDocx(['Our SENCO is Mrs Bell.']), 'report.bin'))).format).toBe('docx');
    const html = await extractDocument(input('<p><a href="/offer">Offer</a> here</p>', 'https://x.example/send/', 'text/plain', 'https://x.example/send/'));
    expect(html.format).toBe('html');
    expect(html.links).toEqual([{ text: 'Offer', url: 'https://x.example/offer' }]);
    expect((await extractDocument(input('# Report\n\nOur SENCO is Mrs Bell.', 'report.md'))).blocks[0]).toMatchObject({ kind: 'heading', text: 'Report' });
  });

  it('decodes a windows-1252 page declared in the header', async () => {
    const bytes = Buffer.concat([Buffer.from('<p>Each child'), Buffer.from([0x92]), Buffer.from('s plan costs '), Buffer.from([0xa3]), Buffer.from('5.</p>')]);
    const doc = await extractDocument(input(bytes, 'https://x.example/', 'text/html; charset=windows-1252'));
    expect(doc.blocks[0]!.text).toBe('Each child\u2019s plan costs \u00a35.');
  });

  it('says an empty file is empty', async () => {
    const err = await failure(extractDocument(input('', 'report.html')));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/^report\.html is empty/);
  });

  it('says a file of another kind is unsupported', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const err = await failure(extractDocument(input(png, 'logo.png', 'image/png')));
    expect(err.code).toBe('unsupported');
    expect(err.message).toMatch(/^logo\.png is not an HTML page, PDF, Word \(\.docx\) or text file/);
  });

  it('says a page with no words has no readable text', async () => {
    const html = '<html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav><img src="report.png"></body></html>';
    const err = await failure(extractDocument(input(html, 'no-text.html')));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/^no-text\.html has no readable text/);
    await expect(extractDocument(input(' \n\t\n', 'blank.txt'))).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('hands an image-only PDF back with textLayer false for the caller to report', async () => {
    const pdf = await makePdf([{ paragraphs: [] }], { imageOnly: true });
    expect(await extractDocument(input(pdf, 'scan.pdf'))).toMatchObject({ format: 'pdf', textLayer: false });
  });

  it('names the file in PDF errors', async () => {
    const pdf = await makePdf([{ paragraphs: ['Secret.'] }], { userPassword: 'pw' });
    const err = await failure(extractDocument(input(pdf, 'https://x.example/report.pdf')));
    expect(err.message).toMatch(/^https:\/\/x\.example\/report\.pdf is password-protected/);
  });
});

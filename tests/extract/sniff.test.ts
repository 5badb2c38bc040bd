import { describe, expect, it } from 'vitest';
import { isMarkdown, sniffFormat } from '../../src/extract/sniff.js';
import { makeDocx, makeZip } from './make-docx.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('sniffFormat', () => {
  it('trusts PDF bytes over a wrong Content-Type and name', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'text/html', 'report.html')).toBe('pdf');
  });

  it('finds %PDF- after leading junk within the first 1 KB', () => {
    expect(sniffFormat(bytes(`${' '.repeat(500)}%PDF-1.4\n`), null, 'download')).toBe('pdf');
  });

  it('recognises a .docx by word/document.xml inside the ZIP', () => {
    expect(sniffFormat(makeDocx(['Hello']), 'application/octet-stream', 'download')).toBe('docx');
  });

  it('rejects other ZIPs (a spreadsheet) unless the name says .docx', () => {
    const xlsx = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    expect(sniffFormat(xlsx, null, 'budget.xlsx')).toBeNull();
    expect(sniffFormat(xlsx, null, 'report.docx')).toBe('docx'); // damaged .docx: the DOCX reader says so
  });

  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>'],
    ['\n\n  <html lang="en"><head><title>x</title></head></html>'],
    ['<body><p>Report</p></body>'],
    ['<p>Our SENCO is Mrs Bell.</p>'],
    ['\ufeff<!doctype html>'],
  ])('recognises HTML from the bytes: %s', (html) => {
    expect(sniffFormat(new Uint8Array(Buffer.from(html)), 'text/plain', 'report.txt')).toBe('html');
  });

  it('recognises UTF-16 text and HTML by the BOM', () => {
    const utf16 = (s: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
    expect(sniffFormat(utf16('<html><body>Hi</body></html>'), null, 'x')).toBe('html');
    expect(sniffFormat(utf16('SEN Information Report'), null, 'x')).toBe('text');
  });

  it('falls back to Content-Type, then the extension, for text without a signature', () => {
    expect(sniffFormat(bytes('SEN report'), 'text/plain; charset=utf-8', 'x')).toBe('text');
    expect(sniffFormat(bytes('SEN report'), 'text/html', 'x')).toBe('html');
    expect(sniffFormat(bytes('SEN report'), null, 'report.htm')).toBe('html');
    expect(sniffFormat(bytes('# SEN report'), null, 'README.md')).toBe('text');
    expect(sniffFormat(bytes('SEN report'), null, 'https://example.org/files/report.pdf?v=2')).toBe('pdf');
    expect(sniffFormat(bytes('SEN report'), 'application/octet-stream', 'notes.txt')).toBe('text');
    expect(sniffFormat(bytes('SEN report'), null, 'report')).toBe('text');
  });

  it('says no to a Content-Type it cannot read', () => {
    expect(sniffFormat(bytes('GIF89a...'), 'image/gif', 'x')).toBeNull();
  });

  it('says no to binary garbage whatever the name', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(sniffFormat(png, null, 'report.txt')).toBeNull();
    const oleDoc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(sniffFormat(oleDoc, 'application/msword', 'report.doc')).toBeNull();
    const noise = new Uint8Array(2000).map((_, i) => (i * 7919) % 32);
    expect(sniffFormat(noise, 'text/html', 'page.html')).toBeNull();
  });

  it('tells Markdown by name or type', () => {
    expect(isMarkdown(null, 'report.md')).toBe(true);
    expect(isMarkdown('text/markdown; charset=utf-8', 'x')).toBe(true);
    expect(isMarkdown('text/plain', 'report.txt')).toBe(false);
  });
});

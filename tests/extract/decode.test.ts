import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/extract/decode.js';

// windows-1252: 0x92 is a right single quote, 0xA3 is "£", 0xE2 is "â".
const LATIN = Buffer.concat([Buffer.from('Each child'), Buffer.from([0x92]), Buffer.from('s plan costs '), Buffer.from([0xa3]), Buffer.from('20 for Si'), Buffer.from([0xe2]), Buffer.from('n.')]);
const EXPECTED = 'Each child\u2019s plan costs \u00a320 for Si\u00e2n.';

describe('decodeText', () => {
  it('reads windows-1252 when the header says so', () => {
    expect(decodeText(LATIN, 'text/html; charset=windows-1252', true)).toBe(EXPECTED);
  });

  it('treats iso-8859-1 and latin1 as windows-1252, like browsers', () => {
    expect(decodeText(LATIN, 'text/html; charset=ISO-8859-1', true)).toBe(EXPECTED);
    expect(decodeText(LATIN, 'text/plain; charset="latin1"', false)).toBe(EXPECTED);
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeText(LATIN, null, false)).toBe(EXPECTED);
    expect(decodeText(LATIN, 'text/html', true)).toBe(EXPECTED);
  });

  it('falls back even when the page wrongly claims UTF-8', () => {
    expect(decodeText(LATIN, 'text/html; charset=utf-8', true)).toBe(EXPECTED);
  });

  it('keeps UTF-8 with one stray bad byte as UTF-8 rather than garbling every accent', () => {
    const mixed = Buffer.concat([Buffer.from('Siân’s café '), Buffer.from([0xff]), Buffer.from(' naïve')]);
    const text = decodeText(mixed, null, false);
    expect(text).toContain('Siân’s café');
    expect(text).toContain('naïve');
  });

  it('maps every windows-1252 byte from 0x80 to 0x9F (Node 20 TextDecoder gets these wrong)', () => {
    const text = decodeText(Buffer.from([0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85, 0x20, 0x99]), 'text/plain; charset=windows-1252', false);
    expect(text).toBe('€ “q” – — … ™');
  });

  it('reads UTF-8 by default', () => {
    expect(decodeText(Buffer.from('Siân’s £20'), null, true)).toBe('Siân’s £20');
  });

  it('reads <meta charset> and http-equiv in an HTML page', () => {
    const page = (meta: string) => Buffer.concat([Buffer.from(`<html><head>${meta}</head><body>`), LATIN, Buffer.from('</body></html>')]);
    expect(decodeText(page('<meta charset="windows-1252">'), null, true)).toContain(EXPECTED);
    expect(decodeText(page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), 'text/html', true)).toContain(EXPECTED);
  });

  it('lets the Content-Type charset beat <meta>', () => {
    const page = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), LATIN]);
    expect(decodeText(page, 'text/html; charset=windows-1252', true)).toContain(EXPECTED);
  });

  it('lets a BOM beat every declaration', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Siân’s report', 'utf16le')]);
    expect(decodeText(le, 'text/html; charset=windows-1252', true)).toBe('Siân’s report');
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x53, 0x00, 0x45, 0x00, 0x4e]);
    expect(decodeText(be, null, false)).toBe('SEN');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('£5')]);
    expect(decodeText(utf8, 'text/plain; charset=windows-1252', false)).toBe('£5');
  });

  it('ignores an unknown charset label', () => {
    expect(decodeText(Buffer.from('Siân'), 'text/html; charset=x-made-up', true)).toBe('Siân');
  });

  it('treats a UTF-16 declaration on ASCII bytes as UTF-8, as the HTML standard says', () => {
    expect(decodeText(Buffer.from('<meta charset="utf-16"><p>Siân</p>'), null, true)).toContain('Siân');
  });
});

import { inflateSync } from 'node:zlib';

// Caps on what a PDF's streams decode to (issue #19, item 6): a 1.1 MB PDF whose page stream
// inflated to 380 MB ran past 120 s at up to 3.4 GB, because the byte and page caps bound the
// file, not what pdf.js decodes from it. Each Flate stream is really inflated here, by zlib with
// `maxOutputLength`, before pdf.js is given the file; the first stream over its cap stops it.

/** The most one stream may decode to: a scanned page's image is tens of MB, a page's text far less. */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** The most all streams together may decode to. */
export const MAX_DECODED_BYTES = 512 * 1024 * 1024;

export interface StreamOverrun {
  /** Which stream, counted from the start of the file (1 = the first). */
  stream: number;
  /** Whether the total went over, rather than the one stream. */
  total: boolean;
  limit: number;
}

const STREAM = /stream\r?\n/g;
const FLATE = /\/FlateDecode\b/;

/**
 * The first Flate stream (or the total) that decodes past its cap, or null when all fit. Streams
 * are found by their keywords; a stream that does not inflate (damaged, or another filter first)
 * is left to pdf.js, which says what it can read.
 */
export function pdfStreamOverrun(bytes: Uint8Array, maxStream = MAX_STREAM_BYTES, maxTotal = MAX_DECODED_BYTES): StreamOverrun | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let total = 0;
  let n = 0;
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    if (text.startsWith('end', m.index - 3)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    STREAM.lastIndex = end + 9;
    n++;
    // The stream's dictionary: from the object's start ("obj"), looked for at most 2 KB back.
    const before = text.slice(Math.max(0, m.index - 2048), m.index);
    if (!FLATE.test(before.slice(Math.max(0, before.lastIndexOf('obj'))))) continue;
    let size: number;
    try {
      size = inflateSync(buf.subarray(start, end), { maxOutputLength: maxStream, finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short still counts */ }).length;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { stream: n, total: false, limit: maxStream };
      continue;
    }
    total += size;
    if (total > maxTotal) return { stream: n, total: true, limit: maxTotal };
  }
  return null;
}

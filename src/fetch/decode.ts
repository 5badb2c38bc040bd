import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** The content codings senaudit asks for (accept-encoding) and can undo. */
export type ContentCoding = 'gzip' | 'deflate' | 'br';
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export class UnsupportedCodingError extends Error {
  constructor(readonly coding: string) {
    super(`unsupported content coding ${coding}`);
  }
}

/**
 * Content-Encoding lists codings in the order the server applied them, so they are undone in
 * reverse. Throws UnsupportedCodingError for one we cannot undo (we never asked for it).
 */
export function codingsToUndo(header: string | null): ContentCoding[] {
  if (!header) return [];
  const applied: ContentCoding[] = [];
  for (const raw of header.split(',')) {
    const coding = raw.trim().toLowerCase();
    if (coding === '' || coding === 'identity') continue;
    if (coding === 'gzip' || coding === 'x-gzip') applied.push('gzip');
    else if (coding === 'deflate' || coding === 'br') applied.push(coding);
    else throw new UnsupportedCodingError(coding);
  }
  return applied.reverse();
}

// Browsers accept a body cut short at the end of the stream; so do we (SYNC_FLUSH on finish),
// rather than failing a whole audit on a missing gzip trailer.
const ZLIB_LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_LENIENT = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };

/**
 * A streaming decoder, so a caller can stop at a byte cap without inflating the whole body
 * (a small gzip bomb expands a thousandfold). `firstBytes` is the start of the data this
 * decoder will see: "deflate" is zlib-wrapped per the RFC but some servers send it raw.
 */
export function createDecoder(coding: ContentCoding, firstBytes?: Uint8Array): Transform {
  switch (coding) {
    case 'gzip':
      return createGunzip(ZLIB_LENIENT);
    case 'br':
      return createBrotliDecompress(BROTLI_LENIENT);
    case 'deflate':
      return firstBytes && !looksZlibWrapped(firstBytes) ? createInflateRaw(ZLIB_LENIENT) : createInflate(ZLIB_LENIENT);
  }
}

/** RFC 1950 header: compression method 8 in the low nibble, and CMF*256+FLG a multiple of 31. */
function looksZlibWrapped(bytes: Uint8Array): boolean {
  const cmf = bytes[0];
  if (cmf === undefined || (cmf & 0x0f) !== 8) return false;
  const flg = bytes[1];
  return flg === undefined || (cmf * 256 + flg) % 31 === 0;
}

/** zlib and brotli failures carry codes like Z_DATA_ERROR or ERR__ERROR_FORMAT_PADDING_2. */
export function isDecodeError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(Z_|ERR__ERROR|ERR_BROTLI|ERR_ZLIB)/.test(code);
}

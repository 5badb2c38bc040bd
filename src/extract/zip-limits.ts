import { inflateRawSync } from 'node:zlib';

// Caps on what a .docx unpacks to (issue #19, item 4): a 341 KB file whose word/document.xml
// inflated to 100 MB ran the heap out of memory, and a 3 MB one reaching 3 GB took 3.2 GB. Each
// part is really inflated here, by zlib with `maxOutputLength` (the sizes a ZIP declares can lie),
// before the converter is given the file; the first part over its cap stops it.

/** The most one part may unpack to: a 40-page report's document.xml is about 1 MB. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** The most all parts together may unpack to. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Parts read at most: a Word file has a few dozen. */
const MAX_ENTRIES = 10_000;

export interface ZipOverrun {
  /** The part that went over, or null when the total did. */
  part: string | null;
  limit: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The first part (or the total) that unpacks past its cap, or null when all fit. A file that is
 * not a ZIP, or whose directory cannot be read, gives null: the converter then reports it as
 * damaged, as before.
 */
export function zipOverrun(bytes: Uint8Array, maxPart = MAX_PART_BYTES, maxTotal = MAX_TOTAL_BYTES): ZipOverrun | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(buf);
  if (eocd < 0) return null;
  const entries = Math.min(buf.readUInt16LE(eocd + 10), MAX_ENTRIES);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return null;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + compressed));
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: maxPart }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { part: name, limit: maxPart };
        continue; // a damaged part: the converter says so if it needs it
      }
    } else continue;
    if (size > maxPart) return { part: name, limit: maxPart };
    total += size;
    if (total > maxTotal) return { part: null, limit: maxTotal };
  }
  return null;
}

/** The End Of Central Directory record: in the last 64 KB + 22 bytes (its comment is at most 64 KB). */
function findEndOfDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

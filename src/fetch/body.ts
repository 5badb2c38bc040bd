import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ContentCoding, createDecoder } from './decode.js';

/** The decoded body went past the cap; reading stopped there. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body larger than ${maxBytes} bytes`);
  }
}

/**
 * Reads a response body, undoing its content codings, and stops as soon as the *decoded* bytes
 * pass maxBytes: the stream is destroyed there, so the server stops sending and a gzip bomb is
 * never inflated further. `signal` ends the read at the overall deadline.
 */
export async function readBody(
  body: Readable,
  codings: readonly ContentCoding[],
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Peek at the first chunk: a deflate decoder needs it to choose zlib-wrapped or raw.
  const first = await iterator.next();
  if (first.done) return new Uint8Array(0);

  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxBytes) return callback(new BodyTooLargeError(maxBytes));
      chunks.push(chunk);
      callback();
    },
  });
  const decoders = codings.map((coding, i) => createDecoder(coding, i === 0 ? first.value : undefined));
  await pipeline([Readable.from(resume(first.value, iterator), { objectMode: false }), ...decoders, sink], { signal });
  return join(chunks, total);
}

/** Yields the peeked chunk, then the rest; ending early (cap, error) destroys the body. */
async function* resume(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

/** A plain Uint8Array of its own: pdfjs refuses Node Buffers, and pooled Buffers share memory. */
function join(chunks: readonly Buffer[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

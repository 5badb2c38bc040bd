// node:zlib for the browser build: the two calls the extract stage makes before a DOCX or a PDF
// is read (src/extract/zip-limits.ts, pdf-limits.ts), with the same cap on output, by fflate's
// streaming inflaters. Past the cap they throw a RangeError, as Node's zlib does.
import { Inflate, Unzlib } from 'fflate';

interface Options {
  maxOutputLength?: number;
}

function run(make: (ondata: (chunk: Uint8Array) => void) => { push: (data: Uint8Array, final: boolean) => void }, data: Uint8Array, options: Options): Uint8Array {
  const max = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = make((chunk) => {
    size += chunk.length;
    if (size > max) throw new RangeError(`Cannot create a Buffer larger than ${max} bytes`);
    chunks.push(chunk);
  });
  stream.push(data, true);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function inflateRawSync(data: Uint8Array, options: Options = {}): Uint8Array {
  return run((ondata) => new Inflate((chunk) => ondata(chunk)), data, options);
}

export function inflateSync(data: Uint8Array, options: Options = {}): Uint8Array {
  return run((ondata) => new Unzlib((chunk) => ondata(chunk)), data, options);
}

import { readFile, stat } from 'node:fs/promises';
import { AuditError } from '../errors.js';
import type { FileReader } from './types.js';

/** Reads a local report file whole; its modification time is a fallback date for the report. */
export const readLocalFile: FileReader = async (path) => {
  try {
    // stat first: reading a directory fails with a less helpful error on some platforms.
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new AuditError('usage', `${path} is a folder, not a file. Give the path of the report file itself.`);
    }
    const buffer = await readFile(path);
    // A plain Uint8Array view: pdfjs refuses Node Buffers. readFile's buffer is not pooled,
    // so the view exposes nothing but this file.
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return { bytes, name: path, modified: info.mtime };
  } catch (e) {
    throw fileError(path, e);
  }
};

function fileError(path: string, e: unknown): AuditError {
  if (e instanceof AuditError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AuditError('not-found', `No such file: ${path}. Check the path, or give an http(s) URL.`, { cause: e });
    case 'EISDIR':
      return new AuditError('usage', `${path} is a folder, not a file. Give the path of the report file itself.`, { cause: e });
    case 'EACCES':
    case 'EPERM':
      return new AuditError('unreadable', `Cannot read ${path}: permission denied. Check the file's permissions.`, { cause: e });
    default:
      return new AuditError('unreadable', `Cannot read ${path}: ${(e as Error).message ?? String(e)}. Check the file.`, { cause: e });
  }
}

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { AuditError } from '../errors.js';
import { tooLargeMessage } from '../size.js';
import type { FileReader } from './types.js';

/**
 * Reads a local report file whole. Only a regular file is read, and no more of it than
 * --max-bytes: /dev/zero would grow without end and a named pipe would wait for ever. The file is
 * opened without blocking (a pipe with no writer would block the open itself) and then checked,
 * so what is read is what was checked.
 */
export const readLocalFile: FileReader = async (path, options = {}) => {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (info.isDirectory()) {
      throw new AuditError('usage', `${path} is a folder, not a file. Give the path of the report file itself.`);
    }
    if (!info.isFile()) {
      throw new AuditError('unsupported', `${path} is not a regular file (it is a device, a pipe or a socket), so it is not read. Save the report as a file and give that file's path.`);
    }
    const max = options.maxBytes;
    if (max !== undefined && info.size > max) {
      throw new AuditError('unreadable', tooLargeMessage(path, max));
    }
    // A plain Uint8Array (pdfjs refuses Node Buffers) of the size the file had when checked.
    const bytes = new Uint8Array(info.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { bytes: at === bytes.length ? bytes : bytes.subarray(0, at), name: path, modified: info.mtime };
  } catch (e) {
    throw fileError(path, e);
  } finally {
    await handle?.close();
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

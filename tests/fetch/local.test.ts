import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalFile } from '../../src/fetch/index.js';
import { failure } from './support.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'senaudit-fetch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readLocalFile', () => {
  it('reads the bytes, and the modification time as a date', async () => {
    const path = join(dir, 'report.html');
    await writeFile(path, '<h1>SEN information report</h1>');
    const when = new Date('2025-09-01T10:00:00Z');
    await utimes(path, when, when);
    const file = await readLocalFile(path);
    expect(new TextDecoder().decode(file.bytes)).toBe('<h1>SEN information report</h1>');
    expect(file.name).toBe(path);
    expect(file.modified?.toISOString()).toBe(when.toISOString());
    expect(Buffer.isBuffer(file.bytes)).toBe(false);
  });

  it('a missing file is not-found, saying what to try', async () => {
    const path = join(dir, 'nope.pdf');
    const err = await failure(readLocalFile(path));
    expect(err.code).toBe('not-found');
    expect(err.message).toBe(`No such file: ${path}. Check the path, or give an http(s) URL.`);
  });

  it('a path through a file is not-found too', async () => {
    const path = join(dir, 'plain.txt');
    await writeFile(path, 'x');
    const err = await failure(readLocalFile(join(path, 'inside.pdf')));
    expect(err.code).toBe('not-found');
  });

  it('a directory is a usage error', async () => {
    const err = await failure(readLocalFile(dir));
    expect(err.code).toBe('usage');
    expect(err.message).toBe(`${dir} is a folder, not a file. Give the path of the report file itself.`);
  });
});

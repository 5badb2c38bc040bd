// A PDF without text (issue #19, item 13): scanned pages are "not machine-readable", while a
// file whose text is only white space (1 GB of Flate-compressed spaces was called "scanned
// images") says it has no text. Real PDFs made here with pdfkit; the real CLI, spawned.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-notext-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('scanned pages (images, no text): not machine-readable, exit 2', async () => {
  const file = join(dir, 'scanned.pdf');
  writeFileSync(file, await makePdf([{ paragraphs: [] }, { paragraphs: [] }], { imageOnly: true }));
  const r = await runCli(['audit', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('has no text layer (it is scanned images), so it is not machine-readable');
});

test('pages of nothing but spaces: "has no text", not "scanned images", exit 2', async () => {
  const file = join(dir, 'spaces.pdf');
  writeFileSync(file, await makePdf([{ paragraphs: [] }, { paragraphs: [] }], { whitespaceOnly: true }));
  const r = await runCli(['audit', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('has no text and no scanned pages');
  expect(r.stderr).not.toContain('scanned images');
});

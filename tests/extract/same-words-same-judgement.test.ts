// The same words give the same judgement whatever the format (issue #13, class 8): the shipped
// example report, written out as plain text, Markdown, PDF and DOCX from its own blocks, is
// audited by the real CLI in each format, and every requirement gets the same status.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import type { SenDocument } from '../../src/document/types.js';
import { runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';
import { makeDocx } from './make-docx.js';

const EXAMPLE = 'fixtures/examples/oakfield-primary.html';
let dir: string;
let doc: SenDocument;

async function statuses(file: string): Promise<Record<string, string>> {
  const r = await runCli(['audit', file, '--format', 'json', '--as-of', '2026-11-01']);
  const report = JSON.parse(r.stdout) as { results: { id: string; status: string }[] };
  return Object.fromEntries(report.results.map((f) => [f.id, f.status]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senaudit-formats-'));
  doc = await extractDocument({ bytes: readFileSync(EXAMPLE), contentType: 'text/html', name: EXAMPLE, baseUrl: null });
  const text = doc.blocks.map((b) => b.text).join('\n\n');
  writeFileSync(join(dir, 'report.txt'), text);
  writeFileSync(join(dir, 'report.md'), doc.blocks.map((b) => (b.kind === 'heading' ? `${'#'.repeat(b.level ?? 2)} ${b.text}` : b.kind === 'list_item' ? `- ${b.text}` : b.text)).join('\n\n'));
  // One heading per PDF page with its section's paragraphs, as a word processor would lay it out.
  const pages: { heading?: string; paragraphs: string[] }[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || pages.length === 0) pages.push({ ...(b.kind === 'heading' ? { heading: b.text } : {}), paragraphs: [] });
    if (b.kind !== 'heading') pages.at(-1)!.paragraphs.push(b.text);
  }
  writeFileSync(join(dir, 'report.pdf'), await makePdf(pages));
  writeFileSync(join(dir, 'report.docx'), makeDocx(doc.blocks.map((b) => (b.kind === 'heading' ? { text: b.text, style: `Heading${b.level ?? 2}` } : b.text))));
}, 60_000);

describe('the shipped example in every format', () => {
  it('gets the same status for every requirement as HTML, plain text, Markdown, PDF and DOCX', async () => {
    const html = await statuses(EXAMPLE);
    expect(Object.keys(html).length).toBe(26);
    for (const file of ['report.txt', 'report.md', 'report.pdf', 'report.docx']) {
      expect(await statuses(join(dir, file)), file).toEqual(html);
    }
  }, 60_000);
});

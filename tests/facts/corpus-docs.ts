// Loads the labelled development corpus (../shared/corpus beside the repo) as Documents, for
// measuring the fact finders. Absent on machines without the corpus: callers skip.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SenDocument } from '../../src/document/types.js';
import { extractText } from '../../src/extract/text.js';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
export const haveCorpus = existsSync(join(CORPUS_DIR, 'labels.json'));

export interface CorpusDoc {
  id: string;
  kind: string;
  reportDate: string | null;
  doc: SenDocument;
}

/** One paragraph per non-empty line: a second way of cutting the texts into blocks, to check robustness. */
export function linesToDocument(text: string): SenDocument {
  const blocks = text
    .split(/\r?\n/)
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph' as const, text: t, page: null, heading: null }));
  return { format: 'text', title: null, blocks, links: [], pages: null, textLayer: true, metadataDates: [], warnings: [] };
}

/** The corpus texts read by the project's own text extractor, with the raw texts by id. */
export function loadCorpus(): { docs: CorpusDoc[]; extractorName: string; texts: Map<string, string> } {
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { id: string; text: string }[];
  const labels = JSON.parse(readFileSync(join(CORPUS_DIR, 'labels.json'), 'utf8')) as {
    id: string;
    kind: string;
    report_date: string | null;
  }[];
  const texts = new Map<string, string>();
  const docs = labels.map((l) => {
    const entry = manifest.find((m) => m.id === l.id);
    if (!entry) throw new Error(`No manifest entry for ${l.id}`);
    const text = readFileSync(join(CORPUS_DIR, entry.text), 'utf8');
    texts.set(l.id, text);
    return { id: l.id, kind: l.kind, reportDate: l.report_date, doc: extractText(text, entry.text.endsWith('.md')) };
  });
  return { docs, extractorName: 'extractText', texts };
}

/** The guide's agreement: equal, or more precise and inside the labelled period; null only with null. */
export function dateAgrees(value: string | null, label: string | null): boolean {
  if (label === null) return value === null;
  return value !== null && (value === label || value.startsWith(`${label}-`));
}

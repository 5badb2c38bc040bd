import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditError } from '../errors.js';
import type { DocumentLabel, ManifestEntry } from './types.js';

/** One labelled document, with the file to audit: the original PDF or DOCX when there is one. */
export interface CorpusEntry {
  id: string;
  label: DocumentLabel;
  manifest: ManifestEntry;
  /** Absolute path of the file to audit. */
  path: string;
  /** Absolute path of the text version (always present). */
  textPath: string;
  /** True when `path` is the published original rather than the text. */
  isOriginal: boolean;
}

export type ReadText = (path: string) => Promise<string>;

/** Reads labels.json and manifest.json from a corpus folder; labelled documents only, in label order. */
export async function loadCorpus(dir: string, readText: ReadText = (p) => readFile(p, 'utf8')): Promise<CorpusEntry[]> {
  const labels = await readJson<DocumentLabel[]>(join(dir, 'labels.json'), readText);
  const manifest = await readJson<ManifestEntry[]>(join(dir, 'manifest.json'), readText);
  if (!Array.isArray(labels) || !Array.isArray(manifest)) {
    throw new AuditError('usage', `${dir}: labels.json and manifest.json must each hold a list.`);
  }
  const entries = new Map(manifest.map((m) => [m.id, m]));
  return labels.map((label) => {
    const m = entries.get(label.id);
    if (!m) throw new AuditError('usage', `${dir}: document "${label.id}" is labelled but not in manifest.json.`);
    const textPath = join(dir, m.text);
    return { id: label.id, label, manifest: m, textPath, path: m.original ? join(dir, m.original) : textPath, isOriginal: m.original !== null && m.original !== undefined };
  });
}

async function readJson<T>(path: string, readText: ReadText): Promise<T> {
  let text: string;
  try {
    text = await readText(path);
  } catch {
    throw new AuditError('not-found', `Cannot read ${path}. Give the folder that holds labels.json and manifest.json.`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new AuditError('unreadable', `${path} is not valid JSON (${(e as Error).message}).`);
  }
}

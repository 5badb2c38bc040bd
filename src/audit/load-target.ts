import { extractDocument } from '../extract/index.js';
import type { SenDocument } from '../document/types.js';
import { classifyTarget } from '../fetch/index.js';
import type { Fetcher, FetchOptions, FileReader } from '../fetch/types.js';

export interface LoadedTarget {
  doc: SenDocument;
  finalUrl: string | null;
}

export interface LoadDeps {
  fetcher: Fetcher;
  readFile: FileReader;
}

/**
 * target -> bytes -> Document. Fetching and extraction stay separate stages: this only
 * passes bytes along and adds the container's own date as a labelled fallback.
 */
export async function loadTarget(target: string, fetchOptions: FetchOptions, deps: LoadDeps): Promise<LoadedTarget> {
  const where = classifyTarget(target);
  if (where.kind === 'url') {
    const res = await deps.fetcher(where.url, fetchOptions);
    const doc = await extractDocument({ bytes: res.bytes, contentType: res.contentType, name: res.finalUrl, baseUrl: res.finalUrl });
    const lastModified = res.lastModified ? new Date(res.lastModified) : null;
    if (lastModified && !Number.isNaN(lastModified.getTime())) {
      doc.metadataDates.push({ date: lastModified.toISOString().slice(0, 10), source: 'http-last-modified' });
    }
    return { doc, finalUrl: res.finalUrl };
  }
  const file = await deps.readFile(where.path);
  const doc = await extractDocument({ bytes: file.bytes, contentType: null, name: file.name, baseUrl: null });
  if (file.modified) doc.metadataDates.push({ date: file.modified.toISOString().slice(0, 10), source: 'file-modified' });
  return { doc, finalUrl: null };
}

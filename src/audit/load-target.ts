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
 * target -> bytes -> Document. Fetching and extraction stay separate stages: this only passes
 * bytes along. A file's modification time or a server's Last-Modified header is not the report's
 * date (a copy, an upload or a CMS re-save changes it), so neither is added: a date comes only
 * from the document (its text, or a PDF's own metadata).
 */
export async function loadTarget(target: string, fetchOptions: FetchOptions, deps: LoadDeps): Promise<LoadedTarget> {
  const where = classifyTarget(target);
  if (where.kind === 'url') {
    const res = await deps.fetcher(where.url, fetchOptions);
    const doc = await extractDocument({ bytes: res.bytes, contentType: res.contentType, name: res.finalUrl, baseUrl: res.finalUrl });
    return { doc, finalUrl: res.finalUrl };
  }
  const file = await deps.readFile(where.path, { maxBytes: fetchOptions.maxBytes });
  const doc = await extractDocument({ bytes: file.bytes, contentType: null, name: file.name, baseUrl: null });
  return { doc, finalUrl: null };
}

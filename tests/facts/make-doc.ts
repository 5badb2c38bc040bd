// Builds small Documents for the fact tests. A line starting "# " is a heading; "- " a list item.

import type { Block, MetadataDate, SenDocument } from '../../src/document/types.js';

export function makeDoc(
  lines: string[],
  extra: { title?: string | null; metadataDates?: MetadataDate[]; links?: SenDocument['links'] } = {},
): SenDocument {
  let heading: string | null = null;
  const blocks: Block[] = lines.map((line) => {
    if (line.startsWith('# ')) {
      const text = line.slice(2);
      const block: Block = { kind: 'heading', text, level: 2, page: null, heading: null };
      heading = text;
      return block;
    }
    if (line.startsWith('- ')) return { kind: 'list_item', text: line.slice(2), page: null, heading };
    return { kind: 'paragraph', text: line, page: null, heading };
  });
  return {
    format: 'html',
    title: extra.title ?? null,
    blocks,
    links: extra.links ?? [],
    pages: null,
    textLayer: true,
    metadataDates: extra.metadataDates ?? [],
    warnings: [],
  };
}

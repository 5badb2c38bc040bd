import { DocumentBuilder } from '../document/build.js';
import type { Link, SenDocument } from '../document/types.js';
import { emitBlocks, linesToBlocks, toSourceLines } from './lines.js';
import { findUrls } from './urls.js';

// A plain text or Markdown file -> Document. Structure comes from lines.ts; links are the
// Markdown links and any address written out in full.

export function extractText(text: string, markdown: boolean): SenDocument {
  const builder = new DocumentBuilder('text');
  const { body, links } = markdown ? takeMarkdownLinks(text) : { body: text, links: [] };
  const seen = new Set(links.map((l) => l.url));
  for (const url of findUrls(body)) {
    if (!seen.has(url)) links.push({ text: url, url });
    seen.add(url);
  }
  for (const l of links) builder.link(l.text, l.url);
  emitBlocks(builder, linesToBlocks(toSourceLines(body), { markdown }));
  return builder.build({ pages: null, textLayer: true });
}

/**
 * Takes out `[text](url)` and `<https://...>` links and leaves just their text in place, so
 * a block reads as it would on screen. Images (`![alt](src)`) are dropped.
 */
function takeMarkdownLinks(text: string): { body: string; links: Link[] } {
  const links: Link[] = [];
  const body = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) => {
      links.push({ text: label, url });
      return label;
    })
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, (_m, url: string) => {
      links.push({ text: url, url });
      return url;
    });
  return { body, links };
}

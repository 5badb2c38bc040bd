import type { Link } from '../document/types.js';
import { decodeText } from './decode.js';
import { effectiveBase, resolveHref } from './html-links.js';

/**
 * Every link on a web page, menus included, for finding the report on a site. The Document
 * keeps only the main content's links (a report is judged on what it says), but the way to the
 * report is usually in the navigation, so discovery reads the whole page.
 */
export async function extractPageLinks(bytes: Uint8Array, contentType: string | null, pageUrl: string): Promise<Link[]> {
  const { load } = await import('cheerio');
  const $ = load(decodeText(bytes, contentType, true));
  const base = effectiveBase(pageUrl, $('base[href]').first().attr('href'));
  const links: Link[] = [];
  $('a[href], area[href]').each((_, el) => {
    const node = $(el);
    const url = resolveHref(node.attr('href') ?? '', base);
    if (url === null) return;
    const text = (node.text() || node.attr('title') || node.attr('aria-label') || node.find('img[alt]').attr('alt') || '').replace(/\s+/g, ' ').trim();
    links.push({ text, url });
  });
  return links;
}

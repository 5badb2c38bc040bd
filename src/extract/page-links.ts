import type { Link } from '../document/types.js';
import { decodeText } from './decode.js';
import { effectiveBase, resolveHref } from './html-links.js';

/** A link as discovery weighs it: its own words, and the words around it. */
export interface PageLink extends Link {
  /**
   * The nearest heading before the link and the list item or table row it sits in: what a link
   * worded only "Download" or "View" is about.
   */
  context: string;
  /** The page shows this document inside itself (`<iframe>`, `<frame>`, `<embed>`, `<object>`). */
  embedded?: true;
}

/** What discovery reads off a web page besides its words: where it leads, and what it is. */
export interface PageNav {
  links: PageLink[];
  /** The site's own search, as a URL to put a query after (the form's action with its field name and "="), or null. */
  searchUrl: string | null;
  /** A password field: the page is a login form. */
  loginForm: boolean;
  /** Script elements on the page (a page built in the browser has many and little else). */
  scripts: number;
}

const HEADING = /^h[1-6]$/;
const EMBEDS: Record<string, string> = { iframe: 'src', frame: 'src', embed: 'src', object: 'data' };
const SEARCH_FIELD = /^(?:q|s|search|query|keywords?|term|searchterm|search_api_fulltext|k)$/i;

/**
 * Every link on a web page, menus included, for finding the report on a site. The Document
 * keeps only the main content's links (a report is judged on what it says), but the way to the
 * report is usually in the navigation, so discovery reads the whole page, and the documents
 * the page shows inside frames as links too.
 */
export async function readPageNav(bytes: Uint8Array, contentType: string | null, pageUrl: string): Promise<PageNav> {
  const { load } = await import('cheerio');
  const $ = load(decodeText(bytes, contentType, true));
  const base = effectiveBase(pageUrl, $('base[href]').first().attr('href'));
  const title = clean($('title').first().text());
  const links: PageLink[] = [];
  let heading = '';
  // One walk in document order, so each link knows the last heading above it.
  $('h1, h2, h3, h4, h5, h6, a[href], area[href], iframe[src], frame[src], embed[src], object[data]').each((_, el) => {
    const name = el.tagName.toLowerCase();
    const node = $(el);
    if (HEADING.test(name)) {
      heading = clean(node.text());
      return;
    }
    const attr = EMBEDS[name];
    const url = resolveHref(node.attr(attr ?? 'href') ?? '', base);
    if (url === null) return;
    const holder = node.closest('li, tr, dd, figure');
    const around = holder.length > 0 ? clean(holder.text()).slice(0, 300) : '';
    const context = [heading || (attr ? title : ''), around].filter(Boolean).join(' | ');
    if (attr) {
      links.push({ text: clean(node.attr('title') ?? node.attr('aria-label') ?? node.attr('name') ?? ''), url, context, embedded: true });
      return;
    }
    const text = clean(node.text() || node.attr('title') || node.attr('aria-label') || node.find('img[alt]').attr('alt') || '');
    links.push({ text, url, context });
  });
  return { links, searchUrl: searchUrl($, base), loginForm: $('input[type="password" i]').length > 0, scripts: $('script').length };
}

/** The first GET form with a search-like text field: `action?field=`. */
function searchUrl($: import('cheerio').CheerioAPI, base: string | null): string | null {
  for (const el of $('form').toArray()) {
    const form = $(el);
    if ((form.attr('method') ?? 'get').toLowerCase() !== 'get') continue;
    const field = form
      .find('input')
      .toArray()
      .map((i) => $(i))
      .find((i) => (i.attr('type') ?? 'text').toLowerCase() === 'search' || SEARCH_FIELD.test(i.attr('name') ?? ''));
    const fieldName = field?.attr('name');
    if (!fieldName) continue;
    const action = resolveHref(form.attr('action') ?? '', base) ?? base;
    if (!action || !/^https?:/i.test(action)) continue;
    try {
      const u = new URL(action);
      u.hash = '';
      u.search = '';
      return `${u.href}?${encodeURIComponent(fieldName)}=`;
    } catch {
      continue;
    }
  }
  return null;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

import type { Fetcher, FetchOptions } from '../fetch/types.js';

/** Sub-sitemaps read from a sitemap index: one level, a few files, so a huge site stays cheap. */
const MAX_SUB_SITEMAPS = 5;
const MAX_URLS = 5000;

export interface SitemapEntry {
  /** A page address listed in a sitemap. */
  url: string;
  /** The sitemap files that led to it: /sitemap.xml, then the sub-sitemap when it came from an index. */
  via: string[];
}

/**
 * The page addresses listed in the site's /sitemap.xml (a sitemap index is followed one level,
 * its first few sitemaps). A missing or broken sitemap gives an empty list: sitemaps are optional.
 */
export async function sitemapUrls(origin: string, fetcher: Fetcher, options: FetchOptions): Promise<{ entries: SitemapEntry[]; fetched: string[] }> {
  const fetched: string[] = [];
  const read = async (url: string): Promise<{ url: string; xml: string } | null> => {
    try {
      const res = await fetcher(url, options);
      fetched.push(res.finalUrl);
      return { url: res.finalUrl, xml: new TextDecoder().decode(res.bytes) };
    } catch {
      return null;
    }
  };
  const top = await read(`${origin}/sitemap.xml`);
  if (top === null) return { entries: [], fetched };
  const entries: SitemapEntry[] = [];
  if (/<sitemapindex[\s>]/i.test(top.xml)) {
    for (const sub of locs(top.xml).slice(0, MAX_SUB_SITEMAPS)) {
      const got = await read(sub);
      // A sitemap index inside an index is not followed (one level only).
      if (got !== null && !/<sitemapindex[\s>]/i.test(got.xml)) entries.push(...locs(got.xml).map((url) => ({ url, via: [top.url, got.url] })));
    }
  } else {
    entries.push(...locs(top.xml).map((url) => ({ url, via: [top.url] })));
  }
  return { entries: entries.slice(0, MAX_URLS), fetched };
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*(?:<!\[CDATA\[\s*)?([^<\s\]]+)\s*(?:\]\]>\s*)?<\/loc>/gi)].map((m) => unescapeXml(m[1]!));
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

import type { Fetcher, FetchOptions } from '../fetch/types.js';

/** Sub-sitemaps read from a sitemap index: one level, a few files, so a huge site stays cheap. */
const MAX_SUB_SITEMAPS = 5;
const MAX_URLS = 5000;

/**
 * The page addresses listed in the site's /sitemap.xml (a sitemap index is followed one
 * level). A missing or broken sitemap gives an empty list: sitemaps are optional.
 */
export async function sitemapUrls(origin: string, fetcher: Fetcher, options: FetchOptions): Promise<{ urls: string[]; fetched: string[] }> {
  const fetched: string[] = [];
  const read = async (url: string): Promise<string | null> => {
    try {
      const res = await fetcher(url, options);
      fetched.push(res.finalUrl);
      return new TextDecoder().decode(res.bytes);
    } catch {
      return null;
    }
  };
  const top = await read(`${origin}/sitemap.xml`);
  if (top === null) return { urls: [], fetched };
  const urls: string[] = [];
  if (/<sitemapindex[\s>]/i.test(top)) {
    for (const sub of locs(top).slice(0, MAX_SUB_SITEMAPS)) {
      const xml = await read(sub);
      if (xml !== null) urls.push(...locs(xml));
    }
  } else {
    urls.push(...locs(top));
  }
  return { urls: urls.slice(0, MAX_URLS), fetched };
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) => unescapeXml(m[1]!));
}

function unescapeXml(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

import { robotsSitemaps } from '../fetch/robots.js';
import type { Fetcher, FetchOptions } from '../fetch/types.js';
import { pageKey } from './site.js';

/**
 * Sitemap files read at most, over /sitemap.xml, those robots.txt names and one level of
 * sub-sitemaps from an index, so a huge site stays cheap; of these at most MAX_TOP_SITEMAPS
 * are top-level, leaving room for an index's sitemaps.
 */
const MAX_SITEMAP_FILES = 6;
const MAX_TOP_SITEMAPS = 3;
const MAX_URLS = 5000;

export interface SitemapEntry {
  /** A page address listed in a sitemap. */
  url: string;
  /** The files that led to it: robots.txt when it named the sitemap, the sitemap, then the sub-sitemap when it came from an index. */
  via: string[];
}

/**
 * The page addresses listed in the site's /sitemap.xml and in the sitemaps its robots.txt names
 * (those `sameSite` accepts), each file read once; a sitemap index is followed one level. A
 * missing or broken sitemap or robots.txt gives nothing: both are optional.
 */
export async function sitemapUrls(
  origin: string,
  fetcher: Fetcher,
  options: FetchOptions,
  sameSite: (url: URL) => boolean,
): Promise<{ entries: SitemapEntry[]; fetched: string[] }> {
  const fetched: string[] = [];
  const read = async (url: string): Promise<{ url: string; text: string } | null> => {
    try {
      const res = await fetcher(url, options);
      fetched.push(res.finalUrl);
      return { url: res.finalUrl, text: new TextDecoder().decode(res.bytes) };
    } catch {
      return null;
    }
  };

  // The polite fetcher answers this from the copy it read to obey robots.txt: no second request.
  const robots = await read(`${origin}/robots.txt`);
  const named = robots === null ? [] : robotsSitemaps(robots.url, robots.text).map((url) => ({ url, via: [robots.url] }));
  const tops = [{ url: `${origin}/sitemap.xml`, via: [] as string[] }, ...named.filter((t) => sameSite(new URL(t.url)))];

  // Each file once, however often it is named (robots.txt may name /sitemap.xml itself).
  const done = new Set<string>();
  const once = (url: string): boolean => {
    let key: string;
    try {
      key = pageKey(new URL(url));
    } catch {
      return false;
    }
    if (done.has(key)) return false;
    done.add(key);
    return true;
  };
  const entries: SitemapEntry[] = [];
  const indexes: { sitemaps: string[]; via: string[] }[] = [];
  let files = 0;
  for (const top of tops.filter((t) => once(t.url)).slice(0, MAX_TOP_SITEMAPS)) {
    files++;
    const got = await read(top.url);
    if (got === null) continue;
    const via = [...top.via, got.url];
    if (isIndex(got.text)) indexes.push({ sitemaps: locs(got.text), via });
    else entries.push(...locs(got.text).map((url) => ({ url, via })));
  }
  for (const index of indexes) {
    for (const sub of index.sitemaps) {
      if (files >= MAX_SITEMAP_FILES) break;
      if (!once(sub)) continue;
      files++;
      const got = await read(sub);
      // A sitemap index inside an index is not followed (one level only).
      if (got !== null && !isIndex(got.text)) entries.push(...locs(got.text).map((url) => ({ url, via: [...index.via, got.url] })));
    }
  }
  return { entries: entries.slice(0, MAX_URLS), fetched };
}

function isIndex(xml: string): boolean {
  return /<sitemapindex[\s>]/i.test(xml);
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*(?:<!\[CDATA\[\s*)?([^<\s\]]+)\s*(?:\]\]>\s*)?<\/loc>/gi)].map((m) => unescapeXml(m[1]!));
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

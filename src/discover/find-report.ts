import type { SenDocument } from '../document/types.js';
import { extractDocument } from '../extract/index.js';
import { extractPageLinks } from '../extract/page-links.js';
import { classifyKind, wordCount } from '../facts/index.js';
import { redactUrl } from '../fetch/redact.js';
import type { FetchedResource, Fetcher, FetchOptions } from '../fetch/types.js';
import { scoreLink } from './score.js';
import { sitemapUrls } from './sitemap.js';

export interface DiscoverOptions {
  /** Pages (and documents) fetched at most, the start page included. */
  maxPages: number;
  /** Links followed from the start page at most. */
  maxDepth: number;
  fetchOptions: FetchOptions;
}

export type DiscoveryResult =
  | { found: true; resource: FetchedResource; doc: SenDocument; reportUrl: string; clickPath: string[]; pagesSearched: string[] }
  | { found: false; message: string; pagesSearched: string[] };

/** A web page shorter than this that reads as a report may still be a home or SEND page. */
const REPORT_MIN_WORDS = 400;
/** A report found through a link this strong ends the search: nothing better is likely. */
const CONFIDENT_SCORE = 70;

interface Step {
  url: string;
  score: number;
  depth: number;
  /** Discovery order: ties are broken by it, so the same site gives the same answer. */
  order: number;
  /** Pages whose links led here, start page first. */
  via: string[];
}

interface Candidate {
  resource: FetchedResource;
  doc: SenDocument;
  score: number;
  depth: number;
  order: number;
  clickPath: string[];
  isReport: boolean;
}

/**
 * Finds a school's SEN information report from its home page (or a SEND page): a breadth-first
 * crawl of the same site within a page budget and depth, most promising links first (by their
 * text and address, and any sitemap.xml), into PDFs and DOCX files. Each page fetched is read as
 * a document and judged by its kind; the best report found wins. A failing page is skipped;
 * only an unreachable start page is an error (thrown).
 */
export async function findReport(startUrl: string, fetcher: Fetcher, o: DiscoverOptions): Promise<DiscoveryResult> {
  const start = new URL(startUrl);
  const pagesSearched: string[] = [];
  const seen = new Set<string>();
  const frontier: Step[] = [];
  let order = 0;
  const enqueue = (url: URL, text: string, depth: number, via: string[]): void => {
    if (!sameSite(url, start)) return;
    const key = canonical(url);
    if (seen.has(key)) return;
    const score = scoreLink(text, url);
    if (score === null) return;
    seen.add(key);
    frontier.push({ url: key, score, depth, order: order++, via });
  };

  // The start page: an unreachable one is the school's error, not "not found".
  seen.add(canonical(start));
  const first = await fetcher(startUrl, o.fetchOptions);
  pagesSearched.push(first.finalUrl);
  const firstDoc = await extractDocument({ bytes: first.bytes, contentType: first.contentType, name: first.finalUrl, baseUrl: first.finalUrl });
  const firstPath = [startUrl, ...first.redirects.filter((u) => u !== startUrl)];
  if (firstDoc.format !== 'html' || (classifyKind(firstDoc).kind === 'report' && wordCount(firstDoc) >= REPORT_MIN_WORDS)) {
    return { found: true, resource: first, doc: firstDoc, reportUrl: first.finalUrl, clickPath: firstPath, pagesSearched };
  }
  seen.add(canonical(new URL(first.finalUrl)));
  for (const link of await pageLinks(first)) enqueueLink(link, 1, firstPath);

  const sitemap = await sitemapUrls(start.origin, fetcher, o.fetchOptions);
  for (const u of sitemap.urls) {
    const url = parse(u, start.href);
    if (url) enqueue(url, '', 1, [startUrl]);
  }

  const candidates: Candidate[] = [];
  while (frontier.length > 0 && pagesSearched.length < o.maxPages) {
    const step = takeBest(frontier);
    let resource: FetchedResource;
    let doc: SenDocument;
    try {
      resource = await fetcher(step.url, o.fetchOptions);
      pagesSearched.push(resource.finalUrl);
      doc = await extractDocument({ bytes: resource.bytes, contentType: resource.contentType, name: resource.finalUrl, baseUrl: resource.finalUrl });
    } catch {
      continue; // a dead link or unreadable file on the site: the crawl goes on
    }
    const clickPath = [...step.via, resource.finalUrl];
    const kind = doc.textLayer ? classifyKind(doc).kind : 'other';
    const isReport = kind === 'report' && (doc.format !== 'html' || wordCount(doc) >= REPORT_MIN_WORDS || step.score >= CONFIDENT_SCORE);
    // A document linked as the report but read as something else is kept as a weak candidate
    // (an image-only PDF is still the school's report, to be reported as not machine-readable).
    const weak = !isReport && doc.format !== 'html' && step.score >= CONFIDENT_SCORE && !['policy', 'la_page', 'template'].includes(kind);
    if (isReport || weak) {
      candidates.push({ resource, doc, score: step.score, depth: step.depth, order: step.order, clickPath, isReport });
      if (isReport && step.score >= CONFIDENT_SCORE) break;
    }
    if (doc.format === 'html' && step.depth < o.maxDepth) {
      for (const link of await pageLinks(resource)) enqueueLink(link, step.depth + 1, clickPath);
    }
  }

  const best = candidates.sort(
    (a, b) => Number(b.isReport) - Number(a.isReport) || b.score - a.score || a.depth - b.depth || a.order - b.order,
  )[0];
  if (best) {
    return { found: true, resource: best.resource, doc: best.doc, reportUrl: best.resource.finalUrl, clickPath: best.clickPath, pagesSearched };
  }
  return {
    found: false,
    message: `No SEN information report found in ${pagesSearched.length} page${pagesSearched.length === 1 ? '' : 's'} of ${redactUrl(start)} (searched to depth ${o.maxDepth}${sitemap.urls.length ? ', and its sitemap' : ''}). Ask the school where the report is published, or audit its address directly.`,
    pagesSearched,
  };

  function enqueueLink(link: { text: string; url: string }, depth: number, via: string[]): void {
    const url = parse(link.url, first.finalUrl);
    if (url) enqueue(url, link.text, depth, via);
  }
}

/** All links of a web page, navigation included (the Document keeps the main content's only). */
function pageLinks(res: FetchedResource) {
  return extractPageLinks(res.bytes, res.contentType, res.finalUrl);
}

/** Highest score first, then shallowest, then first found: removes and returns it. */
function takeBest(frontier: Step[]): Step {
  let bi = 0;
  for (let i = 1; i < frontier.length; i++) {
    const a = frontier[i]!;
    const b = frontier[bi]!;
    if (a.score > b.score || (a.score === b.score && (a.depth < b.depth || (a.depth === b.depth && a.order < b.order)))) bi = i;
  }
  return frontier.splice(bi, 1)[0]!;
}

function parse(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** One key per page: no fragment, no credentials. */
function canonical(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  u.username = '';
  u.password = '';
  return u.href;
}

/** Same site: the same host, with or without "www.". */
function sameSite(url: URL, start: URL): boolean {
  const bare = (h: string) => h.replace(/^www\./i, '').toLowerCase();
  return bare(url.host) === bare(start.host);
}



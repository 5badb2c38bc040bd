import type { Link, SenDocument } from '../document/types.js';
import { isAuditError } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import { extractPageLinks } from '../extract/page-links.js';
import { classifyKind, type DocumentKind, wordCount } from '../facts/index.js';
import { isRobotsRefusal } from '../fetch/polite.js';
import { redactUrl } from '../fetch/redact.js';
import type { FetchedResource, Fetcher, FetchOptions } from '../fetch/types.js';
import { Frontier, type Step } from './frontier.js';
import { isDocumentUrl, looksLikeFile, scoreLink } from './score.js';
import { fetchable, pageKey, parseUrl, Site } from './site.js';
import { sitemapUrls } from './sitemap.js';

export interface DiscoverOptions {
  /** Pages (and documents) requested at most, the start page and failed requests included; robots.txt and sitemap files are not counted. */
  maxPages: number;
  /** Links followed from the start page at most (a page that points to the report may lead one further, to the report). */
  maxDepth: number;
  fetchOptions: FetchOptions;
}

/** A page that could not be fetched or read during the search; the search went on without it. */
export interface PageFailure {
  url: string;
  /** The fetch or extraction error's one-sentence message. */
  message: string;
  /** The polite fetcher declined it because robots.txt disallows it (it was never requested). */
  robots: boolean;
}

export type DiscoveryResult =
  | {
      found: true;
      resource: FetchedResource;
      doc: SenDocument;
      reportUrl: string;
      /** The start address, each page whose link led on (a sitemap file when the report was listed there), and the report. */
      clickPath: string[];
      /** Every page fetched and read, in order (final addresses). */
      pagesSearched: string[];
      pagesFailed?: PageFailure[];
    }
  | { found: false; message: string; pagesSearched: string[]; pagesFailed?: PageFailure[] };

/** A web page shorter than this that reads as a report may still be a home or SEND page. */
const REPORT_MIN_WORDS = 400;
/** A report found through a link this strong ends the search: nothing better is likely. */
const CONFIDENT_SCORE = 70;
/** A file a link page offers, however worded ("Download"): read early, but not taken on the link's word alone. */
const POINTED_SCORE = 60;
/** Links with SEN words at least this strong may lead to a document on another host (a school CMS's file store). */
const OFF_SITE_DOCUMENT_SCORE = 40;

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
 * text and address; pages listed in /sitemap.xml or in a same-site sitemap robots.txt names join
 * the same queue), into PDFs and DOCX files. Each page fetched is read as a document and judged
 * by its kind; the best report found wins. A failing page is recorded and
 * skipped; only an unreachable start page is an error (thrown). One request at a time, so the
 * same site always gives the same choice and path.
 */
export async function findReport(startUrl: string, fetcher: Fetcher, o: DiscoverOptions): Promise<DiscoveryResult> {
  const pagesSearched: string[] = [];
  const pagesFailed: PageFailure[] = [];
  const frontier = new Frontier();

  // The start page: an unreachable one is the school's error, not "not found".
  const first = await fetcher(startUrl, o.fetchOptions);
  const start = new URL(startUrl);
  const site = new Site(start, new URL(first.finalUrl));
  pagesSearched.push(first.finalUrl);
  const firstDoc = await read(first);
  const firstPath = [redactUrl(startUrl), ...first.redirects.filter((u) => u !== redactUrl(startUrl))];
  const firstKind = judge(firstDoc);
  if (firstDoc.format !== 'html' || (firstKind === 'report' && wordCount(firstDoc) >= REPORT_MIN_WORDS)) {
    return { found: true, resource: first, doc: firstDoc, reportUrl: first.finalUrl, clickPath: firstPath, pagesSearched, pagesFailed };
  }
  frontier.markSeen(pageKey(start));
  frontier.markSeen(pageKey(new URL(first.finalUrl)));
  let requests = 1;
  await enqueueLinks(first, firstDoc, firstKind, { url: first.finalUrl, score: 0, depth: 0, order: -1, via: [] }, firstPath);

  const sitemap = await sitemapUrls(new URL(first.finalUrl).origin, fetcher, o.fetchOptions, (u) => site.has(u));
  for (const entry of sitemap.entries) {
    const url = parseUrl(entry.url, first.finalUrl);
    if (url) enqueue(url, '', 1, [firstPath[0]!, ...entry.via]);
  }

  const candidates: Candidate[] = [];
  for (let step = frontier.take(); step && requests < o.maxPages; step = frontier.take()) {
    requests++;
    let resource: FetchedResource;
    let doc: SenDocument;
    try {
      resource = await fetcher(step.url, o.fetchOptions);
    } catch (e) {
      pagesFailed.push(failure(step.url, e));
      continue; // a dead link, or a page robots.txt keeps us out of: the crawl goes on
    }
    const key = pageKey(new URL(resource.finalUrl));
    if (key !== pageKey(new URL(step.url))) {
      // Redirected: to a page already read (skip it), or off the site to a web page (not crawled).
      if (pagesSearched.some((p) => pageKey(new URL(p)) === key)) continue;
      frontier.markSeen(key);
    }
    pagesSearched.push(resource.finalUrl);
    try {
      doc = await read(resource);
    } catch (e) {
      pagesFailed.push(failure(resource.finalUrl, e));
      continue;
    }
    const clickPath = [...step.via, resource.finalUrl];
    const kind = judge(doc);
    const isReport = kind === 'report' && (doc.format !== 'html' || wordCount(doc) >= REPORT_MIN_WORDS || step.score >= CONFIDENT_SCORE);
    // A document linked as the report but read as something else is kept as a weak candidate
    // (an image-only PDF is still the school's report, to be reported as not machine-readable).
    const named = step.score >= CONFIDENT_SCORE && !['policy', 'la_page', 'template'].includes(kind);
    const weak = !isReport && doc.format !== 'html' && (named || (step.pointed === true && !doc.textLayer));
    if (isReport || weak) {
      candidates.push({ resource, doc, score: step.score, depth: step.depth, order: step.order, clickPath, isReport });
      if (isReport && (step.score >= CONFIDENT_SCORE || step.pointed)) break;
    }
    if (doc.format === 'html' && site.has(new URL(resource.finalUrl))) await enqueueLinks(resource, doc, kind, step, clickPath);
  }

  const best = candidates.sort(
    (a, b) => Number(b.isReport) - Number(a.isReport) || b.score - a.score || a.depth - b.depth || a.order - b.order,
  )[0];
  if (best) {
    return { found: true, resource: best.resource, doc: best.doc, reportUrl: best.resource.finalUrl, clickPath: best.clickPath, pagesSearched, pagesFailed };
  }
  return { found: false, message: notFoundMessage(start, pagesSearched.length, pagesFailed, o.maxDepth, sitemap.entries.length > 0), pagesSearched, pagesFailed };

  function enqueue(url: URL, text: string, depth: number, via: string[], pointed = false): void {
    const score = scoreLink(text, url);
    if (score === null) return;
    const final = pointed ? Math.max(score, POINTED_SCORE) : score;
    // Another host: only a document the link calls the report (a school CMS's file store), never a web page to crawl.
    if (!site.has(url) && !(isDocumentUrl(url) && (final >= OFF_SITE_DOCUMENT_SCORE || pointed))) return;
    frontier.add(pageKey(url), new URL(fetchable(url)), { score: final, depth, via, ...(pointed ? { pointed } : {}) });
  }

  /**
   * Queues a web page's links. On a page that points to the report (a link page), the files its
   * main text links to are read first, however they are worded ("Download"), and may be one
   * step past the depth limit.
   */
  async function enqueueLinks(res: FetchedResource, doc: SenDocument, kind: DocumentKind, from: Step, clickPath: string[]): Promise<void> {
    const pointer = kind === 'link_page';
    if (from.depth >= o.maxDepth && !pointer) return;
    const inText = new Set(doc.links.map((l) => l.url));
    let links: Link[];
    try {
      links = await extractPageLinks(res.bytes, res.contentType, res.finalUrl);
    } catch {
      links = doc.links;
    }
    for (const link of links) {
      const url = parseUrl(link.url, res.finalUrl);
      if (!url) continue;
      const points = pointer && inText.has(link.url) && looksLikeFile(url);
      if (from.depth >= o.maxDepth && !points) continue;
      enqueue(url, link.text, from.depth + 1, clickPath, points);
    }
  }
}

async function read(res: FetchedResource): Promise<SenDocument> {
  return extractDocument({ bytes: res.bytes, contentType: res.contentType, name: res.finalUrl, baseUrl: res.finalUrl });
}

function judge(doc: SenDocument): DocumentKind {
  return doc.textLayer ? classifyKind(doc).kind : 'other';
}

function failure(url: string, e: unknown): PageFailure {
  const message = isAuditError(e) ? e.message : `could not read ${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}`;
  return { url: redactUrl(url), message, robots: isRobotsRefusal(e) };
}

function notFoundMessage(start: URL, searched: number, failed: PageFailure[], maxDepth: number, sitemap: boolean): string {
  const refused = failed.filter((f) => f.robots).length;
  const broken = failed.length - refused;
  const extra = [
    sitemap ? 'and its sitemap' : '',
    broken ? `${broken} more could not be fetched or read` : '',
    refused ? `${refused} ${refused === 1 ? 'was' : 'were'} not read because robots.txt disallows ${refused === 1 ? 'it' : 'them'}` : '',
  ].filter(Boolean);
  return (
    `No SEN information report found in ${searched} page${searched === 1 ? '' : 's'} of ${redactUrl(start)} ` +
    `(searched to depth ${maxDepth}${extra.length ? `; ${extra.join('; ')}` : ''}). ` +
    'Ask the school where the report is published, or audit its address directly.'
  );
}

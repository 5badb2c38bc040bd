import type { SenDocument } from '../document/types.js';
import { isAuditError } from '../errors.js';
import { extractDocument, type ExtractInput } from '../extract/index.js';
import { sniffFormat } from '../extract/sniff.js';
import { type PageLink, type PageNav, readPageNav } from '../extract/page-links.js';
import { classifyKind, type DocumentKind, wordCount } from '../facts/index.js';
import { isRobotsRefusal } from '../fetch/polite.js';
import { redactUrl } from '../fetch/redact.js';
import type { FetchedResource, Fetcher, FetchOptions } from '../fetch/types.js';
import { Frontier, type Step } from './frontier.js';
import { documentInViewer, documentTarget, isCloudDrive } from './document-links.js';
import { fallbackSteps } from './fallback.js';
import { dispositionName, nameBonus, schoolNameWords } from './hints.js';
import { CONFIDENT_SCORE, isDocumentUrl, isGenericLinkText, looksLikeFile, scoreLink, worthFollowingOffSite } from './score.js';
import { siteProblem } from './site-problem.js';
import { fetchable, pageKey, parseUrl, Site } from './site.js';
import { sitemapUrls } from './sitemap.js';

export interface DiscoverOptions {
  /** Pages (and documents) requested at most, the start page and failed requests included; robots.txt and sitemap files are not counted. */
  maxPages: number;
  /** Links followed from the start page at most (a page that points to the report may lead one further, to the report). */
  maxDepth: number;
  fetchOptions: FetchOptions;
  /** The school's name, when known: on a trust's or council's site listing many schools' documents, its own are preferred. */
  schoolName?: string | null;
  /** Reads a fetched page or document (default: extractDocument in this thread; a batch reads in isolated workers). */
  extract?: Extractor;
}

/** The extract stage as discovery calls it. */
export type Extractor = (input: ExtractInput) => Promise<SenDocument>;

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
      /** Requests sent for pages and documents, failed ones included (robots.txt and sitemaps not counted). */
      pagesFetched: number;
    }
  | { found: false; message: string; pagesSearched: string[]; pagesFailed?: PageFailure[]; pagesFetched: number };

/** A web page shorter than this that reads as a report may still be a home or SEND page. */
const REPORT_MIN_WORDS = 400;
/** A file a link page offers, however worded ("Download"): read early, but not taken on the link's word alone. */
const POINTED_SCORE = 60;
/** Links with SEN words at least this strong may lead to a document on another host (a school CMS's file store). */
const OFF_SITE_DOCUMENT_SCORE = 40;
/**
 * Links about SEND or policies (score 10 and up) may lead to a web page on another host (a
 * multi-academy trust's site holding the policies): at most this many such pages are read.
 */
const OFF_SITE_PAGE_SCORE = 10;
const OFF_SITE_PAGES = 6;

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
  const read = (res: FetchedResource) => (o.extract ?? extractDocument)({ bytes: res.bytes, contentType: res.contentType, name: res.finalUrl, baseUrl: res.finalUrl });
  const { doc: firstDoc, nav: startNav } = await readStart(first, read);
  const firstPath = [redactUrl(startUrl), ...first.redirects.filter((u) => u !== redactUrl(startUrl))];
  const firstKind = firstDoc ? judge(firstDoc) : 'other';
  if (firstDoc && (firstDoc.format !== 'html' || (firstKind === 'report' && wordCount(firstDoc) >= REPORT_MIN_WORDS))) {
    return { found: true, resource: first, doc: firstDoc, reportUrl: first.finalUrl, clickPath: firstPath, pagesSearched, pagesFailed, pagesFetched: 1 };
  }
  frontier.markSeen(pageKey(start));
  frontier.markSeen(pageKey(new URL(first.finalUrl)));
  let requests = 1;
  let offSite = 0;
  const nameWords = schoolNameWords(o.schoolName ?? null);
  const firstNav = await enqueueLinks(first, firstDoc, firstKind, { url: first.finalUrl, score: 0, depth: 0, order: -1, via: [] }, firstPath, 0, startNav);
  const problem = firstDoc ? siteProblem(firstDoc, firstNav) : null;

  const sitemap = await sitemapUrls(new URL(first.finalUrl).origin, fetcher, o.fetchOptions, (u) => site.has(u));
  for (const entry of sitemap.entries) {
    const url = parseUrl(entry.url, first.finalUrl);
    if (url) enqueue({ text: '', url: url.href, context: '' }, 1, [firstPath[0]!, ...entry.via]);
  }

  const candidates: Candidate[] = [];
  /** Common addresses and the site search, tried once the links run out with nothing found. */
  let fallback: string[] | null = null;
  for (;;) {
    if (requests >= o.maxPages) break;
    let step = frontier.take();
    if (!step && fallback === null && candidates.length === 0) {
      fallback = [];
      for (const f of fallbackSteps(new URL(first.finalUrl), firstNav?.searchUrl ?? null)) {
        if (frontier.add(pageKey(f.url), f.url, { score: f.score, depth: 1, via: [firstPath[0]!], fallback: true })) fallback.push(f.url.pathname + f.url.search);
      }
      step = frontier.take();
    }
    if (!step) break;
    const other = !site.has(new URL(step.url)) && !isCloudDrive(new URL(step.url));
    if (other && !isDocumentUrl(new URL(step.url)) && offSite >= OFF_SITE_PAGES) continue;
    if (other) offSite++;
    requests++;
    let resource: FetchedResource;
    let doc: SenDocument;
    try {
      resource = await fetcher(step.url, o.fetchOptions);
    } catch (e) {
      // A common address that is not there is no news; a dead link, or a page robots.txt keeps us out of, is.
      if (!step.fallback || !isAuditError(e) || e.httpStatus === undefined) pagesFailed.push(failure(step.url, e));
      continue; // the crawl goes on
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
      // A web page without words of its own (a frameset, a page of frames) still leads on.
      if (sniffFormat(resource.bytes, resource.contentType, resource.finalUrl) === 'html') {
        await enqueueLinks(resource, null, 'other', step, [...step.via, resource.finalUrl], site.has(new URL(resource.finalUrl)) ? 0 : OFF_SITE_PAGE_SCORE);
      }
      continue;
    }
    const clickPath = [...step.via, resource.finalUrl];
    // A download endpoint without a file name ("/download/1234") may name the file in Content-Disposition.
    const named = dispositionName(resource.contentDisposition ?? null);
    if (named) step.score = Math.max(step.score, scoreLink(named, new URL(resource.finalUrl)) ?? 0);
    const kind = judge(doc);
    const isReport = kind === 'report' && (doc.format !== 'html' || wordCount(doc) >= REPORT_MIN_WORDS || step.score >= CONFIDENT_SCORE);
    // A document linked as the report but read as something else is kept as a weak candidate
    // (an image-only PDF is still the school's report, to be reported as not machine-readable).
    const linkedAsReport = step.score >= CONFIDENT_SCORE && !['policy', 'la_page', 'template'].includes(kind);
    const weak = !isReport && doc.format !== 'html' && (linkedAsReport || (step.pointed === true && !doc.textLayer));
    if (isReport || weak) {
      candidates.push({ resource, doc, score: step.score, depth: step.depth, order: step.order, clickPath, isReport });
      if (isReport && (step.score >= CONFIDENT_SCORE || step.pointed)) break;
    }
    // Another host's pages (a trust's policies) lead on only through links about SEND or policies.
    if (doc.format === 'html') await enqueueLinks(resource, doc, kind, step, clickPath, site.has(new URL(resource.finalUrl)) ? 0 : OFF_SITE_PAGE_SCORE);
  }

  const best = candidates.sort(
    (a, b) => Number(b.isReport) - Number(a.isReport) || b.score - a.score || a.depth - b.depth || a.order - b.order,
  )[0];
  if (best) {
    return { found: true, resource: best.resource, doc: best.doc, reportUrl: best.resource.finalUrl, clickPath: best.clickPath, pagesSearched, pagesFailed, pagesFetched: requests };
  }
  const tried = { searched: pagesSearched.length, failed: pagesFailed, maxDepth: o.maxDepth, sitemap: sitemap.entries.length > 0, fallback: fallback ?? [], offSite };
  return { found: false, message: notFoundMessage(start, tried, problem), pagesSearched, pagesFailed, pagesFetched: requests };

  function enqueue(link: PageLink, depth: number, via: string[], pointed = false, minScore = 0): void {
    const raw = parseUrl(link.url, via.at(-1) ?? first.finalUrl);
    if (!raw) return;
    // A viewer's document or a cloud drive's file is fetched at its own address.
    const url = documentTarget(raw);
    const own = scoreLink(link.text, url);
    if (own === null) return;
    // "Download", "View" or a frame: the nearest heading, list item or table row says what it is.
    const context = link.embedded || isGenericLinkText(link.text) ? (scoreLink(link.context, url) ?? 0) : 0;
    const score = Math.max(own, context) + (site.has(url) ? 0 : nameBonus(nameWords, `${link.text} ${link.context} ${url.pathname}`));
    if (score < minScore) return;
    const shown = link.embedded === true && (looksLikeFile(url) || documentInViewer(raw) !== null);
    const isPointed = pointed || shown;
    const final = isPointed ? Math.max(score, POINTED_SCORE) : score;
    if (!site.has(url)) {
      // Another host: a document the link calls the report (a school CMS's file store or a cloud
      // drive), or a page about SEND or policies (a trust's site), within OFF_SITE_PAGES.
      const document = isDocumentUrl(url) && (final >= OFF_SITE_DOCUMENT_SCORE || isPointed || (isCloudDrive(url) && final >= OFF_SITE_PAGE_SCORE));
      if (!document && (final < OFF_SITE_PAGE_SCORE || !worthFollowingOffSite(`${link.text} ${link.context}`, url))) return;
    }
    frontier.add(pageKey(url), new URL(fetchable(url)), { score: final, depth, via, ...(isPointed ? { pointed: true } : {}) });
  }

  /**
   * Queues a web page's links. On a page that points to the report (a link page), the files its
   * main text links to are read first, however they are worded ("Download"), and may be one
   * step past the depth limit. Documents a page shows in frames count as offered by it.
   */
  async function enqueueLinks(
    res: FetchedResource,
    doc: SenDocument | null,
    kind: DocumentKind,
    from: Step,
    clickPath: string[],
    minScore = 0,
    known: PageNav | null = null,
  ): Promise<PageNav | null> {
    const pointer = kind === 'link_page';
    // An unreadable page leads on through the Document's own links.
    const nav = known ?? (await readPageNav(res.bytes, res.contentType, res.finalUrl).catch(() => null));
    // Past the depth limit, only one step more, and only to what the page offers as the report.
    if (from.depth > o.maxDepth) return nav;
    const inText = new Set(doc?.links.map((l) => l.url));
    const links: PageLink[] = nav?.links ?? doc?.links.map((l) => ({ ...l, context: '' })) ?? [];
    for (const link of links) {
      const url = parseUrl(link.url, res.finalUrl);
      if (!url) continue;
      const points = pointer && inText.has(link.url) && looksLikeFile(url);
      // A link that names the report (a long policy list at the bottom of a deep menu) is followed one step past the limit.
      const names = (scoreLink(link.text, url) ?? 0) >= CONFIDENT_SCORE;
      if (from.depth >= o.maxDepth && !points && !link.embedded && !names) continue;
      enqueue({ ...link, url: url.href }, from.depth + 1, clickPath, points, minScore);
    }
    return nav;
  }
}

/**
 * The start page as a Document; doc null for a web page with no words of its own that still has
 * links (a frameset home page of an older site), with the links already read. A page with
 * neither is the school's error.
 */
async function readStart(res: FetchedResource, read: (res: FetchedResource) => Promise<SenDocument>): Promise<{ doc: SenDocument | null; nav: PageNav | null }> {
  try {
    return { doc: await read(res), nav: null };
  } catch (e) {
    if (sniffFormat(res.bytes, res.contentType, res.finalUrl) !== 'html') throw e;
    const nav = await readPageNav(res.bytes, res.contentType, res.finalUrl).catch(() => null);
    if (!nav || nav.links.length === 0) throw e;
    return { doc: null, nav };
  }
}

function judge(doc: SenDocument): DocumentKind {
  return doc.textLayer ? classifyKind(doc).kind : 'other';
}

function failure(url: string, e: unknown): PageFailure {
  const message = isAuditError(e) ? e.message : `could not read ${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}`;
  return { url: redactUrl(url), message, robots: isRobotsRefusal(e) };
}

interface Tried {
  searched: number;
  failed: PageFailure[];
  maxDepth: number;
  sitemap: boolean;
  /** Common addresses and the site search tried after the links ran out. */
  fallback: string[];
  /** Pages and documents read on other hosts. */
  offSite: number;
}

/** What was tried and what stood in the way, in words an officer can act on. */
function notFoundMessage(start: URL, t: Tried, problem: string | null): string {
  const refused = t.failed.filter((f) => f.robots).length;
  const broken = t.failed.length - refused;
  const extra = [
    t.sitemap ? 'and its sitemap' : '',
    t.offSite ? `${t.offSite} on other hosts` : '',
    t.fallback.length ? `${t.fallback.length} common addresses tried (${t.fallback.slice(0, 4).join(', ')}${t.fallback.length > 4 ? ', ...' : ''})` : '',
    broken ? `${broken} more could not be fetched or read` : '',
    refused ? `${refused} ${refused === 1 ? 'was' : 'were'} not read because robots.txt disallows ${refused === 1 ? 'it' : 'them'}` : '',
  ].filter(Boolean);
  return (
    (problem ? `${problem} ` : '') +
    `No SEN information report found in ${t.searched} page${t.searched === 1 ? '' : 's'} of ${redactUrl(start)} ` +
    `(searched to depth ${t.maxDepth}${extra.length ? `; ${extra.join('; ')}` : ''}). ` +
    'Ask the school where the report is published, or audit its address directly.'
  );
}

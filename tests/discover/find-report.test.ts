// Finding the report on a school's site, over real servers on 127.0.0.1 (tests/helpers/fake-school.ts):
// the crawl order and budget, documents, link pages, sitemaps, robots.txt, failures, not found.
import { afterEach, describe, expect, test } from 'vitest';
import { type DiscoveryResult, findReport } from '../../src/discover/index.js';
import { AuditError } from '../../src/errors.js';
import { httpFetch } from '../../src/fetch/http.js';
import { politeFetcher } from '../../src/fetch/polite.js';
import type { Fetcher } from '../../src/fetch/types.js';
import {
  type FakeRoute,
  type FakeSchool,
  reportHtml,
  reportPdf,
  schoolPage,
  sendLinkPage,
  sitemapIndexXml,
  sitemapXml,
  startFakeSchool,
  startTypicalSchool,
} from '../helpers/fake-school.js';

const fetchOptions = { timeoutMs: 5000, maxBytes: 5_000_000, userAgent: 'senaudit-test' };
const options = { maxPages: 30, maxDepth: 3, fetchOptions };
const open: FakeSchool[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function site(routes: Record<string, FakeRoute>): Promise<FakeSchool> {
  const s = await startFakeSchool(routes);
  open.push(s);
  return s;
}

/** Fetches loopback addresses only; any other is recorded in `asked` and fails as an unknown host would. */
function loopbackOnly(fetcher: Fetcher, asked: string[]): Fetcher {
  return (url, o) => {
    if (new URL(url).hostname === '127.0.0.1') return fetcher(url, o);
    asked.push(url);
    return Promise.reject(new AuditError('fetch', `Could not connect to ${new URL(url).host}: no such host was found.`, { unreachable: 'no such host was found' }));
  };
}

const polite = (): Fetcher => politeFetcher(httpFetch, { concurrency: 4, perHost: 2, maxRetries: 0, robots: true, sleep: async () => {} });
/** Requests other than robots.txt and sitemap.xml: the pages the crawl chose to read. */
const pagesAsked = (s: FakeSchool) => s.log.filter((p) => p !== '/robots.txt' && p !== '/sitemap.xml');

function found(r: DiscoveryResult): Extract<DiscoveryResult, { found: true }> {
  if (!r.found) throw new Error(`expected a report, got: ${r.message}`);
  return r;
}

describe('findReport on typical school sites', () => {
  test('home -> SEND page -> PDF report: the click path, and no budget spent on news or term dates', async () => {
    const s = await startTypicalSchool('Larkfield Primary School', 'send-page-pdf');
    open.push(s);
    const r = found(await findReport(s.url('/'), polite(), options));
    expect(r.reportUrl).toBe(s.url(s.reportPath!));
    expect(r.doc.format).toBe('pdf');
    expect(r.clickPath).toEqual([s.url('/'), s.url('/send/'), s.url(s.reportPath!)]);
    expect(r.pagesSearched).toEqual(r.clickPath);
    // Most promising first, and a confident find ends the search.
    expect(pagesAsked(s)).toEqual(['/', '/send/', s.reportPath]);
    expect(s.log.slice(0, 2)).toEqual(['/robots.txt', '/']);
  });

  test('home -> Parents -> HTML report', async () => {
    const s = await startTypicalSchool('Brookside Primary School', 'parents-html');
    open.push(s);
    const r = found(await findReport(s.url('/'), polite(), options));
    expect(r.doc.format).toBe('html');
    expect(r.clickPath).toEqual([s.url('/'), s.url('/parents/'), s.url('/parents/sen-information-report/')]);
  });

  test('home -> SEND page -> DOCX report', async () => {
    const s = await startTypicalSchool('Hazel Road Primary School', 'send-page-docx');
    open.push(s);
    const r = found(await findReport(s.url('/'), polite(), options));
    expect(r.doc.format).toBe('docx');
    expect(r.reportUrl).toBe(s.url('/docs/send-information-report.docx'));
  });

  test('a report listed only in sitemap.xml is found, and the path shows the sitemap', async () => {
    const s = await startTypicalSchool('Willow Bank School', 'sitemap-only');
    open.push(s);
    const r = found(await findReport(s.url('/'), polite(), options));
    expect(r.clickPath).toEqual([s.url('/'), s.url('/sitemap.xml'), s.url(s.reportPath!)]);
  });

  test('a report listed only in a sitemap robots.txt names is found; its other-site sitemaps are not read, /sitemap.xml is read once', async () => {
    const elsewhere = await site({ '/sitemap.xml': { text: sitemapXml(['http://127.0.0.1:1/sen-information-report.pdf']) } });
    const reportPath = '/key-information/send-information-report/';
    const s = await site({
      '/robots.txt': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`User-agent: *\nDisallow: /admin/\n\nSitemap: http://${req.headers.host}/maps/site.xml\nSitemap: ${elsewhere.url('/sitemap.xml')}\nSitemap: /sitemap.xml\n`);
      },
      '/': { html: schoolPage('Birch Primary School', [['Term dates', '/term-dates/']]) },
      '/term-dates/': { html: schoolPage('Term dates', []) },
      '/sitemap.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(sitemapXml([`http://${req.headers.host}/term-dates/`]));
      },
      '/maps/site.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(sitemapXml([`http://${req.headers.host}/term-dates/`, `http://${req.headers.host}${reportPath}`]));
      },
      [reportPath]: { html: reportHtml('Birch Primary School') },
    });
    // Either way robots.txt is asked for once: the polite fetcher answers discovery's request from the copy it read for its checks.
    for (const fetcher of [polite(), httpFetch]) {
      s.log.length = 0;
      const r = found(await findReport(s.url('/'), fetcher, options));
      expect(r.reportUrl).toBe(s.url(reportPath));
      expect(r.clickPath).toEqual([s.url('/'), s.url('/robots.txt'), s.url('/maps/site.xml'), s.url(reportPath)]);
      expect(s.log.filter((p) => p === '/robots.txt')).toHaveLength(1);
      expect(s.log.filter((p) => p === '/sitemap.xml')).toHaveLength(1);
      expect(s.log.filter((p) => p === '/maps/site.xml')).toHaveLength(1);
    }
    expect(elsewhere.log).toEqual([]);
  });

  test('a link that redirects to a path robots.txt disallows is not followed there, and the message says why', async () => {
    const s = await site({
      '/robots.txt': { text: 'User-agent: *\nDisallow: /private/\n' },
      '/': { html: schoolPage('Alder School', [['SEN Information Report', '/sen-information-report/']]) },
      '/sen-information-report/': { status: 302, headers: { location: '/private/sen-information-report/' } },
      '/private/sen-information-report/': { html: reportHtml('Alder School') },
    });
    const r = await findReport(s.url('/'), polite(), options);
    expect(r.found).toBe(false);
    expect(s.log.some((p) => p.startsWith('/private/'))).toBe(false);
    expect(r.pagesFailed?.filter((f) => f.robots)).toEqual([expect.objectContaining({ url: s.url('/sen-information-report/') })]);
    if (!r.found) expect(r.message).toMatch(/1 was not read because robots\.txt disallows it/);
  });

  test('the only link to the report is disallowed by robots.txt: it is never requested, and the message says so', async () => {
    const s = await startTypicalSchool('Fernhill School', 'robots-blocked');
    open.push(s);
    const r = await findReport(s.url('/'), polite(), options);
    expect(r.found).toBe(false);
    expect(s.log.some((p) => p.startsWith('/private/'))).toBe(false);
    expect(s.log.filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect(r.pagesFailed).toEqual([expect.objectContaining({ url: s.url(s.reportPath!), robots: true })]);
    if (!r.found) expect(r.message).toMatch(/1 was not read because robots\.txt disallows it/);
  });

  test('no report anywhere: "not found", every page read listed, the policy not taken for the report', async () => {
    const s = await startTypicalSchool('Poplar Lane School', 'none');
    open.push(s);
    const r = await findReport(s.url('/'), polite(), options);
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.pagesSearched).toContain(s.url('/policies/send-policy/'));
    expect(r.pagesSearched.length).toBe(new Set(r.pagesSearched).size);
    expect(r.message).toMatch(new RegExp(`^No SEN information report found in ${r.pagesSearched.length} pages of http://127\\.0\\.0\\.1:\\d+/ \\(searched to depth 3`));
  });
});

describe('findReport: the start address', () => {
  test('a web page that is the report is returned at once', async () => {
    const s = await site({ '/report': { html: reportHtml('Ash Grove School') } });
    const r = found(await findReport(s.url('/report'), httpFetch, options));
    expect(r.clickPath).toEqual([s.url('/report')]);
    expect(s.log).toEqual(['/report']);
  });

  test('a PDF is returned at once, whatever its address', async () => {
    const s = await site({ '/file/8812': { pdf: await reportPdf('Ash Grove School') } });
    const r = found(await findReport(s.url('/file/8812'), httpFetch, options));
    expect(r.doc.format).toBe('pdf');
    expect(s.log).toEqual(['/file/8812']);
  });

  test('an unreachable start page is an error, not "not found"', async () => {
    const s = await site({});
    await expect(findReport(s.url('/'), httpFetch, options)).rejects.toThrow(/HTTP 404/);
  });

  test('a start page disallowed by robots.txt is an error, and is not requested', async () => {
    const s = await site({ '/robots.txt': { text: 'User-agent: senaudit\nDisallow: /\n' }, '/': { html: schoolPage('Elm School', []) } });
    await expect(findReport(s.url('/'), polite(), options)).rejects.toThrow(/robots\.txt does not allow senaudit to read \/,/);
    expect(s.log).toEqual(['/robots.txt']);
  });

  test('redirects before the start page are part of the click path', async () => {
    const s = await site({
      '/': { status: 301, headers: { location: '/home/' } },
      '/home/': { html: schoolPage('Elm School', [['SEN Information Report', '/report/']]) },
      '/report/': { html: reportHtml('Elm School') },
    });
    const r = found(await findReport(s.url('/'), httpFetch, options));
    expect(r.clickPath).toEqual([s.url('/'), s.url('/home/'), s.url('/report/')]);
  });
});

describe('findReport: the crawl', () => {
  test('a link page leads on to its document even when the link says only "Download", and one past the depth limit', async () => {
    const s = await site({
      '/': { html: schoolPage('Rowan School', [['Key information', '/key/']]) },
      '/key/': { html: schoolPage('Key information', [['SEND', '/key/send/']]) },
      '/key/send/': { html: sendLinkPage('Download (PDF, 240 KB)', '/uploads/f-30912') },
      '/uploads/f-30912': { pdf: await reportPdf('Rowan School') },
    });
    const r = found(await findReport(s.url('/'), httpFetch, { ...options, maxDepth: 2 }));
    expect(r.clickPath).toEqual([s.url('/'), s.url('/key/'), s.url('/key/send/'), s.url('/uploads/f-30912')]);
  });

  test('a report beats a policy and a local authority page found first', async () => {
    const s = await site({
      '/': { html: schoolPage('Cedar School', [['SEND Policy', '/policy/'], ['SEND', '/send/']]) },
      '/policy/': { html: schoolPage('SEND Policy', []) },
      '/send/': { html: schoolPage('SEND', [['Our SEND information report', '/send/report/']]) },
      '/send/report/': { html: reportHtml('Cedar School') },
    });
    const r = found(await findReport(s.url('/'), httpFetch, options));
    expect(r.reportUrl).toBe(s.url('/send/report/'));
  });

  test('a dead link and a document that cannot be read are recorded; the crawl goes on', async () => {
    const s = await site({
      '/': { html: schoolPage('Oak Hill School', [['SEN Information Report', '/gone.pdf'], ['SEN Information Report (old)', '/broken.pdf'], ['SEND', '/send/']]) },
      '/broken.pdf': { pdf: Buffer.from('%PDF-1.7\nthis is not really a pdf'), contentType: 'application/pdf' },
      '/send/': { html: schoolPage('SEND', [['SEND Information Report', '/send/report/']]) },
      '/send/report/': { html: reportHtml('Oak Hill School') },
    });
    const r = found(await findReport(s.url('/'), httpFetch, options));
    expect(r.reportUrl).toBe(s.url('/send/report/'));
    expect(r.pagesFailed?.map((f) => new URL(f.url).pathname).sort()).toEqual(['/broken.pdf', '/gone.pdf']);
    expect(r.pagesFailed?.find((f) => f.url.endsWith('/gone.pdf'))?.message).toMatch(/HTTP 404/);
  });

  test('the page budget counts every request, failed ones too, and the depth limit holds', async () => {
    // A chain of pages 1 -> 2 -> ... -> 8, a wide fan of pages off the home page, some dead.
    const routes: Record<string, FakeRoute> = {};
    routes['/'] = { html: schoolPage('Holly Lane School', [['Page 1', '/p1'], ...Array.from({ length: 20 }, (_, i): [string, string] => [`Club ${i}`, `/club${i}`])]) };
    for (let i = 1; i <= 8; i++) routes[`/p${i}`] = { html: schoolPage(`Page ${i}`, [[`Page ${i + 1}`, `/p${i + 1}`]]) };
    for (let i = 0; i < 20; i += 2) routes[`/club${i}`] = { html: schoolPage(`Club ${i}`, [['Home', '/']]) };
    const s = await site(routes);
    const r = await findReport(s.url('/'), httpFetch, { maxPages: 10, maxDepth: 2, fetchOptions });
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(pagesAsked(s)).toHaveLength(10);
    expect(r.pagesSearched.length + (r.pagesFailed?.length ?? 0)).toBe(10);
    expect(r.message).toMatch(new RegExp(`^No SEN information report found in ${r.pagesSearched.length} pages of http://127\\.0\\.0\\.1:\\d+/ \\(searched to depth 2; \\d+ more could not be fetched or read\\)`));
    const deep = await findReport(s.url('/'), httpFetch, { maxPages: 100, maxDepth: 2, fetchOptions });
    expect(deep.pagesSearched.map((u) => new URL(u).pathname)).toContain('/p2');
    expect(deep.pagesSearched.map((u) => new URL(u).pathname)).not.toContain('/p3');
  });

  test('skips mailto, tel, fragments, images, other sites\' pages and calendar pages; each page is read once', async () => {
    const links: [string, string][] = [
      ['Email the SENCO', 'mailto:senco@school.example'],
      ['Phone', 'tel:01632960000'],
      ['Top', '#top'],
      ['Home again', '/#main'],
      ['Photo', '/images/send-day.jpg'],
      ['Council SEND pages', 'https://council.example/send/'],
      ['Calendar', '/calendar?month=2026-11'],
      ['News', '/news/'],
      ['News again', '/news/#latest'],
    ];
    const s = await site({ '/': { html: schoolPage('Birch School', links) }, '/news/': { html: schoolPage('News', [['Home', '/']]) } });
    const offSite: string[] = [];
    const r = await findReport(s.url('/'), loopbackOnly(httpFetch, offSite), options);
    expect(r.found).toBe(false);
    // The footer's link is an ordinary page, read last; then the common SEND addresses.
    expect(pagesAsked(s).slice(0, 4)).toEqual(['/', '/news/', '/privacy/', '/send']);
    expect(pagesAsked(s).filter((p) => p === '/news/' || p === '/')).toEqual(['/', '/news/']);
    // Another host's page is followed only from a link about SEND or policies: the council's SEND page.
    expect(offSite).toEqual(['https://council.example/send/']);
  });

  test('a sitemap index is read one level down', async () => {
    const s = await site({
      '/': { html: schoolPage('Alder School', []) },
      '/sitemap.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(sitemapIndexXml([`http://${req.headers.host}/sitemap-pages.xml`]));
      },
      '/sitemap-pages.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(sitemapXml([`http://${req.headers.host}/about/`, `http://${req.headers.host}/send-information-report/`]));
      },
      '/send-information-report/': { html: reportHtml('Alder School') },
    });
    const r = found(await findReport(s.url('/'), httpFetch, options));
    expect(r.clickPath).toEqual([s.url('/'), s.url('/sitemap.xml'), s.url('/sitemap-pages.xml'), s.url('/send-information-report/')]);
    expect(s.log).not.toContain('/about/');
  });

  test('the same site gives the same choice and path every time', async () => {
    const s = await site({
      '/': { html: schoolPage('Elm School', [['SEND', '/send/'], ['Inclusion', '/inclusion/']]) },
      '/send/': { html: schoolPage('SEND', [['SEN Information Report', '/a/']]) },
      '/inclusion/': { html: schoolPage('Inclusion', [['SEND Information Report', '/b/']]) },
      '/a/': { html: reportHtml('Elm School') },
      '/b/': { html: reportHtml('Elm School') },
    });
    const runs = await Promise.all([1, 2, 3].map(() => findReport(s.url('/'), httpFetch, options)));
    expect(new Set(runs.map((r) => JSON.stringify(found(r).clickPath)))).toEqual(new Set([JSON.stringify([s.url('/'), s.url('/send/'), s.url('/a/')])]));
  });

  test('with the polite fetcher, a robots.txt that fails with 503 allows everything and is noted once', async () => {
    const notes: string[] = [];
    const s = await site({
      '/robots.txt': { status: 503 },
      '/': { html: schoolPage('Lime School', [['SEN Information Report', '/report/']]) },
      '/report/': { html: reportHtml('Lime School') },
    });
    const fetcher = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 0, robots: true, onNote: (n) => notes.push(n) });
    found(await findReport(s.url('/'), fetcher, options));
    expect(notes).toEqual([expect.stringMatching(/robots\.txt could not be read \(it answered HTTP 503\), so the site was read as if it allowed everything/)]);
  });
});

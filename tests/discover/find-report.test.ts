// Finding the report on a school's site, over real servers on 127.0.0.1 with pages written for
// these tests: link scoring, the crawl order and budget, sitemaps, documents, not found.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { findReport, scoreLink } from '../../src/discover/index.js';
import { httpFetch } from '../../src/fetch/http.js';
import { page, reportHtml, reportParagraphs } from '../batch/report-text.js';
import { makePdf } from '../helpers/pdf.js';
import { startServer, type TestServer } from '../helpers/server.js';

const fetchOptions = { timeoutMs: 5000, maxBytes: 5_000_000, userAgent: 'senaudit-test' };
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const html = (body: string): Route => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

async function site(routes: Record<string, Route>): Promise<{ url: (p: string) => string; log: string[] }> {
  const log: string[] = [];
  const server = await startServer(Object.fromEntries(Object.entries(routes).map(([p, h]) => [p, (req: IncomingMessage, res: ServerResponse) => (log.push(p), h(req, res))])));
  servers.push(server);
  return { url: server.url, log };
}

describe('scoreLink', () => {
  const s = (text: string, path = '/x') => scoreLink(text, new URL(`https://school.example${path}`));
  test('report words score highest, a policy half, ordinary pages 0, junk never', () => {
    expect(s('SEND Information Report 2026')).toBe(100);
    expect(s('', '/wp-content/uploads/sen-information-report.pdf')).toBe(105);
    expect(s('Local Offer')).toBe(50);
    expect(s('Special Educational Needs')).toBe(40);
    expect(s('SEND Policy')).toBe(20);
    expect(s('Inclusion')).toBe(30);
    expect(s('Parents')).toBe(10);
    expect(s('Sports day photos')).toBe(0);
    expect(s('Sending letters home')).toBe(0); // "send" inside a word is not SEND
    expect(s('Logo', '/images/logo.png')).toBeNull();
    expect(s('Log out')).toBeNull();
    expect(s('Events', '/calendar?month=2026-11')).toBeNull();
    expect(scoreLink('Email us', new URL('mailto:office@school.example'))).toBeNull();
  });
});

describe('findReport', () => {
  test('home -> SEND page -> PDF report, with the click path; the budget is not spent on other pages', async () => {
    const pdf = await makePdf(reportParagraphs('Rowan Vale Primary School'));
    const w = await site({
      '/': html(page('Rowan Vale Primary School', [['News', '/news/'], ['Term dates', '/dates/'], ['SEND', '/send/']])),
      '/news/': html(page('News', [['Home', '/']])),
      '/dates/': html(page('Term dates', [['Home', '/']])),
      '/send/': html(page('Special educational needs', [['Our SEN Information Report (PDF)', '/docs/report.pdf']], 'Read how we support pupils.')),
      '/docs/report.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(pdf);
      },
    });
    const r = await findReport(w.url('/'), httpFetch, { maxPages: 30, maxDepth: 3, fetchOptions });
    expect(r.found).toBe(true);
    if (!r.found) return;
    expect(r.reportUrl).toBe(w.url('/docs/report.pdf'));
    expect(r.clickPath).toEqual([w.url('/'), w.url('/send/'), w.url('/docs/report.pdf')]);
    expect(r.doc.format).toBe('pdf');
    // Most promising first: SEND page, then the report; news and term dates never fetched.
    expect(w.log.filter((p) => p !== '/sitemap.xml')).toEqual(['/', '/send/', '/docs/report.pdf']);
  });

  test('a report listed only in sitemap.xml is found', async () => {
    const w = await site({
      '/': html(page('Willow Bank School', [['About', '/about/']])),
      '/about/': html(page('About', [['Home', '/']])),
      '/sitemap.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(`<urlset><url><loc>http://${req.headers.host}/about/</loc></url><url><loc>http://${req.headers.host}/info/send-information-report/</loc></url></urlset>`);
      },
      '/info/send-information-report/': html(reportHtml('Willow Bank School')),
    });
    const r = await findReport(w.url('/'), httpFetch, { maxPages: 30, maxDepth: 3, fetchOptions });
    expect(r.found && r.clickPath).toEqual([w.url('/'), w.url('/info/send-information-report/')]);
  });

  test('the start page that is itself the report is returned at once', async () => {
    const w = await site({ '/report': html(reportHtml('Ash Grove School')) });
    const r = await findReport(w.url('/report'), httpFetch, { maxPages: 30, maxDepth: 3, fetchOptions });
    expect(r.found && r.clickPath).toEqual([w.url('/report')]);
    expect(w.log).toEqual(['/report']);
  });

  test('nothing there: "not found" with every page searched, within the budget and depth', async () => {
    // A chain of pages 1 -> 2 -> ... -> 8, and a wide fan of pages off the home page.
    const routes: Record<string, Route> = {};
    routes['/'] = html(page('Holly Lane School', [['Page 1', '/p1'], ...Array.from({ length: 20 }, (_, i): [string, string] => [`Club ${i}`, `/club${i}`])]));
    for (let i = 1; i <= 8; i++) routes[`/p${i}`] = html(page(`Page ${i}`, [[`Page ${i + 1}`, `/p${i + 1}`]]));
    for (let i = 0; i < 20; i++) routes[`/club${i}`] = html(page(`Club ${i}`, [['Home', '/']]));
    const w = await site(routes);
    const r = await findReport(w.url('/'), httpFetch, { maxPages: 10, maxDepth: 2, fetchOptions });
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.pagesSearched).toHaveLength(10);
    expect(r.message).toMatch(/^No SEN information report found in 10 pages of http:\/\/127\.0\.0\.1:\d+\//);
    expect(w.log).not.toContain('/p3'); // depth 3 from the home page
  });

  test('a dead link on the site is skipped; an unreachable start page is an error', async () => {
    const w = await site({
      '/': html(page('Oak Hill School', [['SEN Information Report', '/gone.pdf'], ['SEND', '/send/']])),
      '/send/': html(page('SEND', [['SEND Information Report', '/send/report/']])),
      '/send/report/': html(reportHtml('Oak Hill School')),
    });
    const r = await findReport(w.url('/'), httpFetch, { maxPages: 30, maxDepth: 3, fetchOptions });
    expect(r.found && r.reportUrl).toBe(w.url('/send/report/'));
    expect(w.log).toContain('/send/');
    await expect(findReport(w.url('/missing'), httpFetch, { maxPages: 30, maxDepth: 3, fetchOptions })).rejects.toThrow(/HTTP 404/);
  });

  test('the same site gives the same choice every time', async () => {
    const w = await site({
      '/': html(page('Elm School', [['SEN Information Report', '/a/'], ['SEND Information Report', '/b/']])),
      '/a/': html(reportHtml('Elm School')),
      '/b/': html(reportHtml('Elm School')),
    });
    const runs = await Promise.all([1, 2, 3].map(() => findReport(w.url('/'), httpFetch, { maxPages: 30, maxDepth: 3, fetchOptions })));
    expect(new Set(runs.map((r) => r.found && r.reportUrl))).toEqual(new Set([w.url('/a/')]));
  });
});

describe('senaudit audit <home page> --discover', () => {
  test('finds the report, audits it and shows the way there; not found is one line and exit 2', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const w = await site({
      '/': html(page('Maple Lea Primary School', [['Parents', '/parents/']])),
      '/parents/': html(page('Parents', [['SEN Information Report', '/parents/sen-information-report/']])),
      '/parents/sen-information-report/': html(reportHtml('Maple Lea Primary School')),
      '/robots.txt': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nDisallow: /private/\n');
      },
    });
    const r = await runCli(['audit', w.url('/'), '--discover', '--format', 'json', '--as-of', '2026-11-01']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { finalUrl: string; discovery: { clickPath: string[] } };
    expect(report.finalUrl).toBe(w.url('/parents/sen-information-report/'));
    expect(report.discovery.clickPath).toEqual([w.url('/'), w.url('/parents/'), w.url('/parents/sen-information-report/')]);
    const text = await runCli(['audit', w.url('/'), '--discover', '--as-of', '2026-11-01']);
    expect(text.stdout).toContain(`-> ${w.url('/parents/')} -> `);

    const none = await site({ '/': html(page('Poplar School', [['About', '/about/']])) });
    const nf = await runCli(['audit', none.url('/'), '--discover']);
    expect(nf.code).toBe(2);
    expect(nf.stderr).toMatch(/^senaudit: No SEN information report found in 1 page of http:\/\/127\.0\.0\.1:\d+\/.*\n$/);
  });
});

// A fake school website on 127.0.0.1 for discovery and batch tests: a route table of pages,
// documents, robots.txt and sitemaps, with a log of every request (404s included), the
// User-Agent each came with, and how many were open at once. The prose is fictional and written
// for these tests (no real school, no corpus text).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeDocx } from '../extract/make-docx.js';
import { makePdf } from './pdf.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** What a path answers: a web page, a document, a plain status, or a handler of one's own. */
export type FakeRoute =
  | { html: string }
  | { pdf: Buffer; contentType?: string }
  | { docx: Buffer; contentType?: string }
  | { text: string; contentType?: string }
  | { status: number; headers?: Record<string, string>; body?: string }
  | RouteHandler;

export interface FakeSchoolOptions {
  /** Each answer is held this long, so overlapping requests can be seen. */
  delayMs?: number;
}

export interface FakeSchool {
  /** http://127.0.0.1:<port><path> */
  url: (path: string) => string;
  origin: string;
  /** Every request's path (with query), in arrival order: what the crawler asked for. */
  log: string[];
  /** The User-Agent header of each request, in the same order as `log`. */
  userAgents: string[];
  /** Most requests open at once so far. */
  peak: () => number;
  /** Adds or replaces a route while running. */
  set: (path: string, route: FakeRoute) => void;
  close: () => Promise<void>;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Starts a fake school site; unknown paths answer 404 (and are logged). Paths are matched without the query. */
export async function startFakeSchool(routes: Record<string, FakeRoute>, options: FakeSchoolOptions = {}): Promise<FakeSchool> {
  const table = new Map(Object.entries(routes));
  const log: string[] = [];
  const userAgents: string[] = [];
  let open = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    open++;
    peak = Math.max(peak, open);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        open--;
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
    log.push(req.url ?? '/');
    userAgents.push(req.headers['user-agent'] ?? '');
    const answer = () => serve(table.get((req.url ?? '/').split('?')[0]!), req, res);
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: (path) => `${origin}${path}`,
    origin,
    log,
    userAgents,
    peak: () => peak,
    set: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(route: FakeRoute | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (route === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  } else if (typeof route === 'function') {
    route(req, res);
  } else if ('html' in route) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(route.html);
  } else if ('pdf' in route) {
    res.writeHead(200, { 'content-type': route.contentType ?? 'application/pdf' });
    res.end(route.pdf);
  } else if ('docx' in route) {
    res.writeHead(200, { 'content-type': route.contentType ?? DOCX_TYPE });
    res.end(route.docx);
  } else if ('text' in route) {
    res.writeHead(200, { 'content-type': route.contentType ?? 'text/plain; charset=utf-8' });
    res.end(route.text);
  } else {
    res.writeHead(route.status, route.headers ?? {});
    res.end(route.body ?? '');
  }
}

// ---- Pages and documents ----------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An ordinary school web page: a menu (`nav` links, on every page of a real site), a heading,
 * a sentence or two, and the page's own links in its main text.
 */
export function schoolPage(title: string, links: [text: string, href: string][], opts: { nav?: [string, string][]; intro?: string } = {}): string {
  const nav = (opts.nav ?? []).map(([t, h]) => `<li><a href="${esc(h)}">${esc(t)}</a></li>`).join('');
  const body = links.map(([t, h]) => `<li><a href="${esc(h)}">${esc(t)}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<header><nav><ul>${nav}</ul></nav></header>
<main><h1>${esc(title)}</h1><p>${esc(opts.intro ?? 'Welcome to our website. Find out about life at our school below.')}</p><ul>${body}</ul></main>
<footer><p>Copyright our school. <a href="/privacy/">Privacy notice</a></p></footer></body></html>`;
}

/** A short SEND page that points to the report, as many schools have: a link page. */
export function sendLinkPage(reportText: string, reportHref: string, nav: [string, string][] = []): string {
  return schoolPage('Special Educational Needs and Disabilities', [[reportText, reportHref]], {
    nav,
    intro: 'Every child here is helped to do their best. You can read our SEN information report, which sets out how we support pupils with special educational needs, by following the link below.',
  });
}

/** The sections of a fictional SEN information report, for a PDF, a DOCX or a web page. */
export function reportSections(school: string): { heading: string; paragraphs: string[] }[] {
  return [
    {
      heading: `${school} SEN Information Report 2026 to 2027`,
      paragraphs: [
        `This is the SEN information report of ${school}. It tells families how we support pupils with special educational needs and disabilities, and it was last reviewed by our governing board in October 2026. We update it every year.`,
      ],
    },
    {
      heading: 'Which needs we provide for',
      paragraphs: [
        'We are an inclusive mainstream primary school. We support children whose needs are in communication and interaction, cognition and learning, social, emotional and mental health, or sensory and physical development, including children with an education, health and care plan.',
      ],
    },
    {
      heading: 'How we find out that a child needs extra help',
      paragraphs: [
        'Teachers watch how every child is getting on and look at assessments each half term. If a child is not making the progress we hope for, the class teacher first talks with the family, then with our SENCO, and together we decide whether to look more closely, for example with a reading or language screening.',
      ],
    },
    {
      heading: 'Who to talk to',
      paragraphs: [
        'Our SENCO is Mr Tobias Fenwick, who works in school on Monday, Tuesday and Thursday. Please phone the office on 01632 960456 or email inclusion@larkfield.example.sch.uk to arrange a meeting.',
      ],
    },
    {
      heading: 'Teaching and adapting the curriculum',
      paragraphs: [
        'Lessons are planned so that all children can join in. Teachers break tasks into smaller steps, use pictures and objects, and give extra time. Some children work in small groups with a teaching assistant for phonics, number or speaking and listening, and we change the classroom layout when that helps.',
        'Every term we check whether the help is working by reviewing each plan with the child and the family and by looking at progress, and we change what we do when it is not working.',
      ],
    },
    {
      heading: 'Listening to children and families',
      paragraphs: [
        'Parents and carers meet the class teacher at least three times a year to set and review targets. Children tell us what helps them learn through a one-page profile that they write with an adult, and their views are part of every review.',
      ],
    },
    {
      heading: 'Staff expertise and outside help',
      paragraphs: [
        'All staff have training each year, recently on autism, attachment and dyslexia. We ask for advice from the educational psychology service, speech and language therapy, the school nursing team and the local sensory support service when a child needs it.',
      ],
    },
    {
      heading: 'Wellbeing',
      paragraphs: [
        'Each class has a calm corner and a trusted adult. Our emotional literacy support assistant meets children who need help with feelings or friendships, and we take bullying seriously.',
      ],
    },
    {
      heading: 'Starting school and moving on',
      paragraphs: [
        'Before a child joins us we visit their nursery and meet the family. When children move class or go to secondary school we share information with the new teachers, arrange extra visits and make a picture book about the new setting.',
      ],
    },
    {
      heading: 'Disabled pupils and access',
      paragraphs: [
        'Disabled children are admitted on the same basis as all other children. We make reasonable adjustments so that no child is treated less favourably, and our accessibility plan explains how we are improving the building, the curriculum and the information we give.',
      ],
    },
    {
      heading: 'Concerns and complaints',
      paragraphs: [
        'If you are worried about the support your child receives, please speak first to the class teacher or the SENCO. If things are still not right you can use our complaints procedure, and the local authority SEND information and advice service can also help.',
        "The local authority's Local Offer describes the services available to families in the area, and it is linked from this page.",
      ],
    },
  ];
}

/** The report as a web page long enough to be taken for the report on sight. */
export function reportHtml(school: string, nav: [string, string][] = []): string {
  const sections = reportSections(school)
    .map((s, i) => `<h${i === 0 ? 1 : 2}>${esc(s.heading)}</h${i === 0 ? 1 : 2}>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}`)
    .join('\n');
  const navHtml = nav.map(([t, h]) => `<li><a href="${esc(h)}">${esc(t)}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SEN Information Report - ${esc(school)}</title></head><body>
<header><nav><ul>${navHtml}</ul></nav></header><main>${sections}
<p><a href="https://localoffer.example.gov.uk/">Our local authority's Local Offer</a></p></main></body></html>`;
}

/** The report as a real PDF (pdfkit), one section per page. */
export function reportPdf(school: string): Promise<Buffer> {
  return makePdf(reportSections(school));
}

/** The report as a real DOCX. */
export function reportDocx(school: string): Buffer {
  return makeDocx(reportSections(school).flatMap((s) => [{ text: s.heading, style: 'Heading1' }, ...s.paragraphs]));
}

/** A SEN policy: beside the report on many sites, but not the report. */
export function policyHtml(school: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SEND Policy</title></head><body><main>
<h1>${esc(school)} Special Educational Needs and Disabilities Policy</h1>
<p>This policy sets out the aims of the governing board for pupils with special educational needs. This policy was adopted by governors and will be reviewed every two years.</p>
<h2>Aims of this policy</h2><p>The aims of this policy are to make sure that every pupil with SEN is identified early and that staff follow the graduated approach described in the Code of Practice.</p>
<h2>Roles and responsibilities</h2><p>The SENCO will co-ordinate provision. The governing board will monitor how this policy is applied and report each year.</p>
</main></body></html>`;
}

/** A sitemap listing these addresses. */
export function sitemapXml(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${esc(u)}</loc></url>`).join('')}</urlset>`;
}

/** A sitemap index listing these sitemaps. */
export function sitemapIndexXml(sitemaps: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${sitemaps.map((u) => `<sitemap><loc>${esc(u)}</loc></sitemap>`).join('')}</sitemapindex>`;
}

// ---- Whole sites ------------------------------------------------------------------------------

/** Where a ready-made school keeps its report (see `startTypicalSchool`). */
export type ReportPlacement =
  /** home -> SEND page (link page) -> PDF */
  | 'send-page-pdf'
  /** home -> Parents -> SEN information report web page */
  | 'parents-html'
  /** home -> SEND page -> DOCX */
  | 'send-page-docx'
  /** listed only in /sitemap.xml */
  | 'sitemap-only'
  /** the only way to the report is a path robots.txt disallows */
  | 'robots-blocked'
  /** no report anywhere */
  | 'none';

export interface TypicalSchool extends FakeSchool {
  name: string;
  /** The path of the report (null for 'none'). */
  reportPath: string | null;
}

/**
 * A small but realistic school site: home page with a menu, news and term dates pages, a
 * policies page with the SEN policy, and the report placed as asked.
 */
export async function startTypicalSchool(name: string, placement: ReportPlacement, options: FakeSchoolOptions = {}): Promise<TypicalSchool> {
  const nav: [string, string][] = [
    ['Home', '/'],
    ['News', '/news/'],
    ['Term dates', '/term-dates/'],
    ['Policies', '/policies/'],
    ['Contact us', '/contact/'],
  ];
  const routes: Record<string, FakeRoute> = {
    '/news/': { html: schoolPage('News', [['Harvest festival', '/news/harvest/'], ['Sports day', '/news/sports-day/']], { nav }) },
    '/news/harvest/': { html: schoolPage('Harvest festival', [], { nav, intro: 'Thank you for the food donations.' }) },
    '/news/sports-day/': { html: schoolPage('Sports day', [], { nav, intro: 'Sports day will be held in June.' }) },
    '/term-dates/': { html: schoolPage('Term dates', [], { nav, intro: 'The autumn term starts on 3 September.' }) },
    '/policies/': { html: schoolPage('Policies', [['SEND Policy', '/policies/send-policy/'], ['Behaviour policy', '/policies/behaviour/']], { nav }) },
    '/policies/send-policy/': { html: policyHtml(name) },
    '/policies/behaviour/': { html: schoolPage('Behaviour policy', [], { nav, intro: 'We expect everyone to be kind.' }) },
    '/contact/': { html: schoolPage('Contact us', [], { nav, intro: 'Telephone the school office.' }) },
    '/privacy/': { html: schoolPage('Privacy notice', [], { nav, intro: 'How we look after the information we hold.' }) },
  };
  let reportPath: string | null = null;
  const homeLinks: [string, string][] = [['Welcome from the headteacher', '/welcome/']];
  routes['/welcome/'] = { html: schoolPage('Welcome', [], { nav, intro: 'We are a happy village school.' }) };
  switch (placement) {
    case 'send-page-pdf':
      reportPath = '/wp-content/uploads/2026/10/sen-information-report-2026.pdf';
      homeLinks.push(['SEND', '/send/']);
      routes['/send/'] = { html: sendLinkPage('SEN Information Report 2026 (PDF)', reportPath, nav) };
      routes[reportPath] = { pdf: await reportPdf(name) };
      break;
    case 'send-page-docx':
      reportPath = '/docs/send-information-report.docx';
      homeLinks.push(['SEND', '/send/']);
      routes['/send/'] = { html: sendLinkPage('SEND Information Report (Word)', reportPath, nav) };
      routes[reportPath] = { docx: reportDocx(name) };
      break;
    case 'parents-html':
      reportPath = '/parents/sen-information-report/';
      homeLinks.push(['Parents', '/parents/']);
      routes['/parents/'] = { html: schoolPage('Parents', [['Uniform', '/parents/uniform/'], ['SEN Information Report', reportPath]], { nav }) };
      routes['/parents/uniform/'] = { html: schoolPage('Uniform', [], { nav, intro: 'Our uniform is green and grey.' }) };
      routes[reportPath] = { html: reportHtml(name, nav) };
      break;
    case 'sitemap-only':
      reportPath = '/key-information/send-information-report/';
      routes['/sitemap.xml'] = (req, res) => {
        const o = `http://${req.headers.host}`;
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(sitemapXml([`${o}/`, `${o}/news/`, `${o}/term-dates/`, `${o}${reportPath}`]));
      };
      routes[reportPath] = { html: reportHtml(name, nav) };
      break;
    case 'robots-blocked':
      reportPath = '/private/send/sen-information-report/';
      homeLinks.push(['SEN Information Report', reportPath]);
      routes['/robots.txt'] = { text: 'User-agent: *\nDisallow: /private/\n' };
      routes[reportPath] = { html: reportHtml(name, nav) };
      break;
    case 'none':
      break;
  }
  routes['/'] = { html: schoolPage(name, homeLinks, { nav, intro: `Welcome to ${name}, a friendly primary school at the heart of the village.` }) };
  const school = await startFakeSchool(routes, options);
  return { ...school, name, reportPath };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { makePdf } from '../helpers/pdf.js';
import { type Handler, startServer, type TestServer } from '../helpers/server.js';
import { page, reportHtml, reportParagraphs } from './report-text.js';

// A small web of fictional schools on 127.0.0.1, one server (so one host) each, for the batch
// tests: every way a school's report can be found, or not.

export interface FakeSchool {
  id: string;
  name: string;
  urn: string | null;
  /** The address given in the input list. */
  url: string;
  /** Requests this school's server has answered. */
  hits: () => number;
}

export interface FakeWeb {
  schools: FakeSchool[];
  byId: (id: string) => FakeSchool;
  /** A CSV input with name,url,urn,school_type for every school, plus a row without a URL. */
  csv: () => string;
  close: () => Promise<void>;
}

const html = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

const redirect = (status: number, to: string): Handler => (_req, res) => {
  res.writeHead(status, { location: to });
  res.end();
};

function counted(routes: Record<string, Handler>): { routes: Record<string, Handler>; hits: () => number } {
  let n = 0;
  const wrapped = Object.fromEntries(Object.entries(routes).map(([p, h]) => [p, ((req: IncomingMessage, res: ServerResponse) => (n++, h(req, res))) as Handler]));
  return { routes: wrapped, hits: () => n };
}

export async function startFakeWeb(options: { slowMs?: number } = {}): Promise<FakeWeb> {
  const servers: TestServer[] = [];
  const schools: FakeSchool[] = [];
  const add = async (id: string, name: string, urn: string | null, path: string, routes: Record<string, Handler>) => {
    const c = counted(routes);
    const server = await startServer(c.routes);
    servers.push(server);
    schools.push({ id, name, urn, url: server.url(path), hits: c.hits });
  };

  const pdf = await makePdf(reportParagraphs('Larkspur Primary School'), { info: { Title: 'SEN Information Report 2026', CreationDate: new Date('2026-09-10') } });

  // Home -> SEND page -> PDF report.
  await add('pdf-via-send', 'Larkspur Primary School', '910001', '/', {
    '/': html(page('Larkspur Primary School', [['About us', '/about/'], ['Special Educational Needs (SEND)', '/send/'], ['Contact', '/contact/']])),
    '/about/': html(page('About us', [['Home', '/']])),
    '/contact/': html(page('Contact us', [['Home', '/']])),
    '/send/': html(page('SEND', [['SEN Information Report 2026 (PDF)', '/files/sen-information-report-2026.pdf'], ['Home', '/']], 'Read our SEN information report below.')),
    '/files/sen-information-report-2026.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(pdf);
    },
  });

  // The list points straight at the report (an HTML page).
  await add('direct-html', '=HYPERLINK("http://evil.example/","Click me")', '910002', '/send/sen-information-report/', {
    '/send/sen-information-report/': html(reportHtml('Beechwood Primary School')),
  });

  // The report is linked from nowhere but listed in sitemap.xml.
  await add('sitemap-only', 'Cedar Bank School', '910003', '/', {
    '/': html(page('Cedar Bank School', [['News', '/news/'], ['Term dates', '/term-dates/']])),
    '/news/': html(page('News', [['Home', '/']])),
    '/term-dates/': html(page('Term dates', [['Home', '/']])),
    '/sitemap.xml': (req, res) => {
      const base = `http://${req.headers.host}`;
      const locs = ['/', '/news/', '/policies/send-information-report.html'].map((p) => `<url><loc>${base}${p}</loc></url>`).join('');
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs}</urlset>`);
    },
    '/policies/send-information-report.html': html(reportHtml('Cedar Bank School')),
  });

  // robots.txt shuts every robot out.
  await add('robots', 'Dunmore Academy', '910004', '/', {
    '/robots.txt': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /\n');
    },
    '/': html(page('Dunmore Academy', [['SEND', '/send/']])),
  });

  // Busy: every other request is 429 with Retry-After: 1, then 200.
  let tries = 0;
  await add('retry-429', 'Elmfield Infant School', null, '/sen-report.html', {
    '/sen-report.html': (req, res) => {
      if (tries++ % 2 === 0) {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
        res.end('slow down');
      } else html(reportHtml('Elmfield Infant School'))(req, res);
    },
  });

  // An old address that redirects three times before the report.
  await add('redirects', 'Foxglove Church of England School', '910006', '/send', {
    '/send': redirect(301, '/send/'),
    '/send/': redirect(302, '/send/report'),
    '/send/report': redirect(301, '/documents/sen-information-report.html'),
    '/documents/sen-information-report.html': html(reportHtml('Foxglove Church of England School')),
  });

  // A site with no report anywhere.
  await add('nothing', 'Gorsey Lane School', '910007', '/', {
    '/': html(page('Gorsey Lane School', [['About us', '/about/'], ['Clubs', '/clubs/']])),
    '/about/': html(page('About us', [['Home', '/'], ['Our governors', '/governors/']])),
    '/clubs/': html(page('Clubs', [['Home', '/']])),
    '/governors/': html(page('Our governors', [['Home', '/']])),
  });

  // Answers long after the deadline.
  const slowMs = options.slowMs ?? 8000;
  await add('slow', 'Hazelmere High School', '910008', '/', {
    '/': (req, res) => {
      const t = setTimeout(() => html(reportHtml('Hazelmere High School'))(req, res), slowMs);
      res.on('close', () => clearTimeout(t));
    },
  });

  // A dead port: a server started and closed again, so nothing listens there.
  const gone = await startServer({});
  const deadUrl = gone.url('/');
  await gone.close();
  schools.push({ id: 'dead', name: 'Ivybridge Primary School', urn: '910009', url: deadUrl, hits: () => 0 });

  const byId = (id: string) => {
    const s = schools.find((x) => x.id === id);
    if (!s) throw new Error(`no fake school ${id}`);
    return s;
  };
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return {
    schools,
    byId,
    csv: () =>
      [
        'name,url,urn,school_type',
        ...schools.map((s) => [q(s.name), s.url, s.urn ?? '', s.id === 'retry-429' ? 'maintained_nursery' : ''].join(',')),
        '"Juniper Way School",,910010,',
      ].join('\n') + '\n',
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/** The keys the batch gives these schools (urn: when there is a URN, else url:). */
export function keyOf(s: FakeSchool): string {
  return s.urn ? `urn:${s.urn}` : `url:${s.url}`;
}

// The polite fetcher against real servers on 127.0.0.1: robots.txt, per-host and global limits,
// and 429/503 retries that honour Retry-After. Sleeps are injected and recorded, so the waits
// the fetcher chose are asserted without the test waiting for them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { isAuditError } from '../../src/errors.js';
import { httpFetch } from '../../src/fetch/http.js';
import { isRobotsRefusal, politeFetcher, retryAfterMs } from '../../src/fetch/polite.js';
import { startFakeSchool } from '../helpers/fake-school.js';
import { startServer, type TestServer } from '../helpers/server.js';

const fetchOptions = { timeoutMs: 5000, maxBytes: 1_000_000, userAgent: 'senaudit-test' };
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>): Promise<{ server: TestServer; log: string[] }> {
  const log: string[] = [];
  const logged = Object.fromEntries(Object.entries(routes).map(([p, h]) => [p, (req: IncomingMessage, res: ServerResponse) => (log.push(p), h(req, res))]));
  const server = await startServer(logged);
  servers.push(server);
  return { server, log };
}

const ok = (body = 'hello') => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(body);
};

function recorder(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

describe('robots.txt', () => {
  test('a disallowed page is refused without being requested; an allowed one is fetched', async () => {
    const { server, log } = await serve({
      '/robots.txt': ok('User-agent: *\nDisallow: /private/\n\nUser-agent: senaudit\nDisallow: /staff/\n'),
      '/staff/list': ok(),
      '/private/x': ok(),
      '/send/': ok('send page'),
    });
    const fetch = politeFetcher(httpFetch, { concurrency: 4, perHost: 2, maxRetries: 0, robots: true });
    const err = await fetch(server.url('/staff/list'), fetchOptions).catch((e: unknown) => e);
    expect(isAuditError(err) && err.message).toMatch(/^127\.0\.0\.1:\d+'s robots\.txt does not allow senaudit to read \/staff\/list, so it was not fetched\. /);
    expect(isRobotsRefusal(err)).toBe(true);
    // Our own group replaces the * group (RFC 9309), so /private/ is allowed to senaudit.
    expect(new TextDecoder().decode((await fetch(server.url('/send/'), fetchOptions)).bytes)).toBe('send page');
    expect(log).toEqual(['/robots.txt', '/send/']);
  });

  test('robots.txt is read once per site; a missing one allows everything; robots: false skips it', async () => {
    const { server, log } = await serve({ '/a': ok(), '/b': ok() });
    const fetch = politeFetcher(httpFetch, { concurrency: 4, perHost: 2, maxRetries: 0, robots: true });
    await Promise.all([fetch(server.url('/a'), fetchOptions), fetch(server.url('/b'), fetchOptions)]);
    expect(log.sort()).toEqual(['/a', '/b']); // /robots.txt answered 404 (not a route, so not logged)
    const { server: s2, log: log2 } = await serve({ '/robots.txt': ok('User-agent: *\nDisallow: /\n'), '/a': ok() });
    await politeFetcher(httpFetch, { concurrency: 4, perHost: 2, maxRetries: 0, robots: false })(s2.url('/a'), fetchOptions);
    expect(log2).toEqual(['/a']);
  });
});

describe('retries', () => {
  test('429 with Retry-After in seconds: waits that long, then succeeds', async () => {
    let n = 0;
    const { server, log } = await serve({
      '/r': (req, res) => {
        if (n++ === 0) {
          res.writeHead(429, { 'retry-after': '7' });
          res.end();
        } else ok('done')(req, res);
      },
    });
    const r = recorder();
    const fetch = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 3, robots: false, sleep: r.sleep });
    expect(new TextDecoder().decode((await fetch(server.url('/r'), fetchOptions)).bytes)).toBe('done');
    expect(r.waits).toEqual([7000]);
    expect(log).toEqual(['/r', '/r']);
  });

  test('503 every time: three retries with growing backoff, then the error stands', async () => {
    const { server, log } = await serve({
      '/down': (_req, res) => {
        res.writeHead(503);
        res.end();
      },
    });
    const r = recorder();
    const fetch = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 3, robots: false, sleep: r.sleep });
    const err = await fetch(server.url('/down'), fetchOptions).catch((e: unknown) => e);
    expect(isAuditError(err) && err.httpStatus).toBe(503);
    expect(log).toHaveLength(4);
    expect(r.waits).toEqual([1000, 2000, 4000]);
  });

  test('a 404 is not retried; a Retry-After past the cap is cut to it', async () => {
    const { server, log } = await serve({
      '/busy': (_req, res) => {
        res.writeHead(429, { 'retry-after': '86400' });
        res.end();
      },
    });
    const r = recorder();
    const fetch = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 1, robots: false, sleep: r.sleep, maxRetryWaitMs: 30_000 });
    await expect(fetch(server.url('/missing'), fetchOptions)).rejects.toThrow(/HTTP 404/);
    await expect(fetch(server.url('/busy'), fetchOptions)).rejects.toThrow(/HTTP 429/);
    expect(r.waits).toEqual([30_000]);
    expect(log).toEqual(['/busy', '/busy']);
  });

  test('retryAfterMs reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});

describe('concurrency', () => {
  // A server that holds each answer until `release` and records the most requests open at once.
  async function holdingServer(): Promise<{ server: TestServer; peak: () => number; release: () => void }> {
    let open = 0;
    let peak = 0;
    const waiting: (() => void)[] = [];
    let released = false;
    const { server } = await serve({
      '/p': (_req, res) => {
        open++;
        peak = Math.max(peak, open);
        const answer = () => {
          open--;
          ok()(_req, res);
        };
        if (released) setTimeout(answer, 5);
        else waiting.push(answer);
      },
    });
    return {
      server,
      peak: () => peak,
      release: () => {
        released = true;
        waiting.splice(0).forEach((f) => setTimeout(f, 5));
      },
    };
  }

  test('at most perHost requests at once to one host', async () => {
    const h = await holdingServer();
    const fetch = politeFetcher(httpFetch, { concurrency: 8, perHost: 2, maxRetries: 0, robots: false });
    const all = Promise.all(Array.from({ length: 6 }, (_, i) => fetch(`${h.server.url('/p')}?${i}`, fetchOptions)));
    await new Promise((r) => setTimeout(r, 150));
    expect(h.peak()).toBe(2);
    h.release();
    await all;
    expect(h.peak()).toBe(2);
  });

  test('at most `concurrency` requests at once over all hosts', async () => {
    const hosts = await Promise.all([holdingServer(), holdingServer(), holdingServer()]);
    const fetch = politeFetcher(httpFetch, { concurrency: 3, perHost: 2, maxRetries: 0, robots: false });
    const all = Promise.all(hosts.flatMap((h) => [0, 1, 2].map((i) => fetch(`${h.server.url('/p')}?${i}`, fetchOptions))));
    await new Promise((r) => setTimeout(r, 150));
    expect(hosts.reduce((n, h) => n + h.peak(), 0)).toBe(3);
    hosts.forEach((h) => h.release());
    await all;
  });
});

describe('with a fake school site', () => {
  test('robots.txt is fetched once even when many requests start together, and counts toward the per-host limit', async () => {
    const site = await startFakeSchool(
      Object.fromEntries([['/robots.txt', { text: 'User-agent: *\nAllow: /\n' }], ...Array.from({ length: 6 }, (_, i) => [`/p${i}`, { text: `page ${i}` }])]),
      { delayMs: 30 },
    );
    try {
      const fetch = politeFetcher(httpFetch, { concurrency: 8, perHost: 2, maxRetries: 0, robots: true });
      await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(site.url(`/p${i}`), fetchOptions)));
      expect(site.log.filter((p) => p === '/robots.txt')).toHaveLength(1);
      expect(site.log[0]).toBe('/robots.txt');
      expect(site.peak()).toBe(2);
    } finally {
      await site.close();
    }
  });

  test('the userAgent option is sent on every request, robots.txt included', async () => {
    const site = await startFakeSchool({ '/a': { text: 'a' } });
    try {
      const fetch = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 0, robots: true, userAgent: 'senaudit/9 (test)' });
      await fetch(site.url('/a'), fetchOptions);
      expect(site.log).toEqual(['/robots.txt', '/a']);
      expect(site.userAgents).toEqual(['senaudit/9 (test)', 'senaudit/9 (test)']);
    } finally {
      await site.close();
    }
  });

  test('a robots.txt that gives 500, or no answer, allows everything with one note per site; a 404 adds no note', async () => {
    const notes: string[] = [];
    const broken = await startFakeSchool({ '/robots.txt': { status: 500 }, '/a': { text: 'a' }, '/b': { text: 'b' } });
    const missing = await startFakeSchool({ '/a': { text: 'a' } });
    const hangUp = await startFakeSchool({ '/robots.txt': (req) => req.socket.destroy(), '/a': { text: 'a' } });
    try {
      const fetch = politeFetcher(httpFetch, { concurrency: 4, perHost: 2, maxRetries: 2, robots: true, sleep: async () => {}, onNote: (n) => notes.push(n) });
      await fetch(broken.url('/a'), fetchOptions);
      await fetch(broken.url('/b'), fetchOptions);
      await fetch(missing.url('/a'), fetchOptions);
      await fetch(hangUp.url('/a'), fetchOptions);
      expect(broken.log).toEqual(['/robots.txt', '/a', '/b']); // robots.txt is not retried
      expect(notes).toHaveLength(2);
      expect(notes[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/robots\.txt could not be read \(it answered HTTP 500\)/);
      expect(notes[1]).toMatch(/could not be read \(it did not answer\)/);
    } finally {
      await Promise.all([broken.close(), missing.close(), hangUp.close()]);
    }
  });

  test('429 with Retry-After as an HTTP date waits until then', async () => {
    let n = 0;
    const site = await startFakeSchool({
      '/r': (_req, res) => {
        if (n++ === 0) {
          res.writeHead(429, { 'retry-after': 'Sun, 22 Nov 2026 10:00:12 GMT' });
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
        }
      },
    });
    try {
      const r = recorder();
      const now = () => Date.parse('2026-11-22T10:00:00Z');
      const fetch = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 3, robots: false, sleep: r.sleep, now });
      await fetch(site.url('/r'), fetchOptions);
      expect(r.waits).toEqual([12_000]);
      expect(site.log).toEqual(['/r', '/r']);
    } finally {
      await site.close();
    }
  });

  test('an address that is not http(s) gets the base fetcher\'s own error, with no robots.txt lookup', async () => {
    const fetch = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 0, robots: true });
    await expect(fetch('ftp://school.example/report.pdf', fetchOptions)).rejects.toSatisfy(isAuditError);
    await expect(fetch('not a url', fetchOptions)).rejects.toSatisfy(isAuditError);
  });
});

const moved = (location: string) => ({ status: 301, headers: { location } });

describe('robots.txt on redirects', () => {
  const polite = (extra: Partial<Parameters<typeof politeFetcher>[1]> = {}) =>
    politeFetcher(httpFetch, { concurrency: 4, perHost: 2, maxRetries: 0, robots: true, userAgent: 'senaudit/9 (test)', ...extra });

  test('a redirect to a path robots.txt disallows is refused, and the target is never requested', async () => {
    const site = await startFakeSchool({
      '/robots.txt': { text: 'User-agent: *\nDisallow: /private/\n' },
      '/send/': moved('/private/report?v=2'),
      '/private/report': { text: 'the report' },
    });
    try {
      const err = await polite()(site.url('/send/'), fetchOptions).catch((e: unknown) => e);
      expect(isRobotsRefusal(err)).toBe(true);
      expect(isAuditError(err) && err.message).toBe(
        `${site.url('/send/')} redirects to ${site.url('/private/report?v=2')}, which ${new URL(site.origin).host}'s robots.txt ` +
          "does not allow senaudit to read, so it was not fetched. Ask the school for the report's address, or audit a saved copy.",
      );
      expect(site.log).toEqual(['/robots.txt', '/send/']);
    } finally {
      await site.close();
    }
  });

  test("a redirect to another site is checked against that site's robots.txt, read with the same User-Agent; credentials are hidden", async () => {
    const other = await startFakeSchool({ '/robots.txt': { text: 'User-agent: senaudit\nDisallow: /files/\n' }, '/files/report.pdf': { text: 'x' } });
    const port = new URL(other.origin).port;
    const site = await startFakeSchool({ '/report': moved(`http://governor:s3cret@127.0.0.1:${port}/files/report.pdf`) });
    try {
      const err = await polite()(site.url('/report'), fetchOptions).catch((e: unknown) => e);
      expect(isRobotsRefusal(err)).toBe(true);
      const message = isAuditError(err) ? err.message : '';
      expect(message).toContain(`redirects to http://***@127.0.0.1:${port}/files/report.pdf, which 127.0.0.1:${port}'s robots.txt does not allow`);
      expect(message).not.toContain('s3cret');
      expect(other.log).toEqual(['/robots.txt']);
      expect(other.userAgents).toEqual(['senaudit/9 (test)']);
      expect(site.log).toEqual(['/robots.txt', '/report']);
    } finally {
      await Promise.all([site.close(), other.close()]);
    }
  });

  test("an allowed redirect is followed; the target's robots.txt is read once, even with one connection slot in all", async () => {
    const other = await startFakeSchool({ '/robots.txt': { text: 'User-agent: *\nDisallow: /staff/\n' }, '/docs/report.txt': { text: 'the report' } });
    const site = await startFakeSchool({ '/a': moved(other.url('/docs/report.txt')), '/b': moved(other.url('/docs/report.txt')) });
    try {
      // The hop's robots.txt is read inside the slot the request already holds; queueing for another would never end.
      const fetch = polite({ concurrency: 1, perHost: 1 });
      const res = await fetch(site.url('/a'), fetchOptions);
      expect(new TextDecoder().decode(res.bytes)).toBe('the report');
      expect(res.redirects).toEqual([other.url('/docs/report.txt')]);
      await fetch(site.url('/b'), fetchOptions);
      await fetch(other.url('/docs/report.txt'), fetchOptions);
      expect(other.log).toEqual(['/robots.txt', '/docs/report.txt', '/docs/report.txt', '/docs/report.txt']);
    } finally {
      await Promise.all([site.close(), other.close()]);
    }
  });

  test('with robots: false redirects are followed as before, robots.txt unread', async () => {
    const site = await startFakeSchool({
      '/robots.txt': { text: 'User-agent: *\nDisallow: /private/\n' },
      '/send/': moved('/private/report'),
      '/private/report': { text: 'the report' },
    });
    try {
      await polite({ robots: false })(site.url('/send/'), fetchOptions);
      expect(site.log).toEqual(['/send/', '/private/report']);
    } finally {
      await site.close();
    }
  });

  test("a request for a site's robots.txt is answered from the copy read for the checks", async () => {
    const site = await startFakeSchool({ '/robots.txt': { text: 'User-agent: *\nDisallow: /\nSitemap: /maps/site.xml\n' } });
    const none = await startFakeSchool({});
    try {
      const fetch = polite();
      await expect(fetch(site.url('/'), fetchOptions)).rejects.toSatisfy(isRobotsRefusal);
      expect(new TextDecoder().decode((await fetch(site.url('/robots.txt'), fetchOptions)).bytes)).toContain('Sitemap: /maps/site.xml');
      expect(site.log).toEqual(['/robots.txt']);
      // A missing robots.txt stays missing: the same 404, not a second request.
      await expect(fetch(none.url('/robots.txt'), fetchOptions)).rejects.toThrow(/HTTP 404/);
      await fetch(none.url('/robots.txt'), fetchOptions).catch(() => {});
      expect(none.log).toEqual(['/robots.txt']);
    } finally {
      await Promise.all([site.close(), none.close()]);
    }
  });
});

// Every request on the wire holds a slot of the host it goes to: a redirect hop counts against
// its target, and the hop before it gives its slot back first, so no request waits for one slot
// while holding another.
describe('per-host limits on redirect hops', () => {
  const polite = (extra: Partial<Parameters<typeof politeFetcher>[1]> = {}) =>
    politeFetcher(httpFetch, { concurrency: 8, perHost: 2, maxRetries: 0, robots: true, ...extra });
  const text = (r: { bytes: Uint8Array }) => new TextDecoder().decode(r.bytes);

  test('six schools redirecting to one shared file host: it never sees more than perHost at once', async () => {
    const files = await startFakeSchool(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/files/${i}.pdf`, { text: `report ${i}` }])), { delayMs: 30 });
    const schools = await Promise.all(Array.from({ length: 6 }, (_, i) => startFakeSchool({ '/send/': moved(files.url(`/files/${i}.pdf`)) })));
    try {
      const fetch = polite();
      const got = await Promise.all(schools.map((s) => fetch(s.url('/send/'), fetchOptions)));
      expect(got.map(text)).toEqual(Array.from({ length: 6 }, (_, i) => `report ${i}`));
      expect(files.peak()).toBe(2);
    } finally {
      await Promise.all([files, ...schools].map((s) => s.close()));
    }
  });

  test("the robots.txt read for a redirect target counts against the target host", async () => {
    const files = await startFakeSchool({ '/robots.txt': { text: 'User-agent: *\nDisallow: /private/\n' }, '/doc': { text: 'the report' } }, { delayMs: 30 });
    const schools = await Promise.all(Array.from({ length: 4 }, () => startFakeSchool({ '/send/': moved(files.url('/doc')) })));
    try {
      const fetch = polite({ perHost: 1 });
      await Promise.all(schools.map((s) => fetch(s.url('/send/'), fetchOptions)));
      expect(files.log).toEqual(['/robots.txt', '/doc', '/doc', '/doc', '/doc']);
      expect(files.peak()).toBe(1);
    } finally {
      await Promise.all([files, ...schools].map((s) => s.close()));
    }
  });

  test("a redirect target's robots.txt is read without holding the redirecting site's slot", async () => {
    // The file host answers its robots.txt only once the school has served another page, which
    // needs the school's one slot: a fetcher still holding it for the redirect would time out.
    const notes: string[] = [];
    const fetch = polite({ perHost: 1, onNote: (n) => notes.push(n) });
    let school: Awaited<ReturnType<typeof startFakeSchool>> | undefined;
    let page = '';
    const files = await startFakeSchool({
      '/robots.txt': (_req, res) => {
        void fetch(school!.url('/page'), fetchOptions)
          .then((r) => void (page = text(r)), (e: unknown) => void (page = String(e)))
          .finally(() => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('User-agent: *\nDisallow: /private/\n');
          });
      },
      '/doc': { text: 'the report' },
    });
    school = await startFakeSchool({ '/a': moved(files.url('/doc')), '/page': { text: 'another page' } });
    try {
      const res = await fetch(school.url('/a'), { ...fetchOptions, timeoutMs: 2000 });
      expect(text(res)).toBe('the report');
      expect(page).toBe('another page');
      expect(notes).toEqual([]);
      expect(school.log).toEqual(['/robots.txt', '/a', '/page']);
    } finally {
      await Promise.all([files.close(), school.close()]);
    }
  });

  test('waiting for a slot, first or after a redirect, does not use up the deadline', async () => {
    // The file host's one slot is held well past the short deadline of the requests queued for
    // it; the deadline counts time on the wire only, as --timeout says.
    let answerSlow = () => {};
    const files = await startFakeSchool({
      '/slow': (_req, res) => {
        answerSlow = () => res.end('slow');
        res.writeHead(200, { 'content-type': 'text/plain' });
      },
      '/doc': { text: 'the report' },
    });
    const school = await startFakeSchool({ '/a': moved(files.url('/doc')) });
    try {
      const fetch = polite({ perHost: 1, robots: false });
      const slow = fetch(files.url('/slow'), fetchOptions);
      while (!files.log.includes('/slow')) await new Promise((r) => setTimeout(r, 5));
      const short = { ...fetchOptions, timeoutMs: 200 };
      const queued = Promise.all([fetch(files.url('/doc'), short), fetch(school.url('/a'), short)]);
      setTimeout(() => answerSlow(), 600);
      expect((await queued).map(text)).toEqual(['the report', 'the report']);
      expect(text(await slow)).toBe('slow');
    } finally {
      await Promise.all([files.close(), school.close()]);
    }
  });

  test('no deadlock: A redirects to B and B to A, both at once, with one slot in all', async () => {
    const a = await startFakeSchool({ '/y': { text: 'a/y' } });
    const b = await startFakeSchool({ '/x': moved(a.url('/y')), '/y': { text: 'b/y' } });
    a.set('/x', moved(b.url('/y')));
    try {
      const fetch = polite({ concurrency: 1, perHost: 1 });
      const got = await Promise.all([fetch(a.url('/x'), fetchOptions), fetch(b.url('/x'), fetchOptions)]);
      expect(got.map(text)).toEqual(['b/y', 'a/y']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

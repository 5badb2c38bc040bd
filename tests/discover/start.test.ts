// The start page: https then http for an address given without a scheme, with or without www,
// over the fake web (a loopback server standing in for many hosts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, page } from '../../fixtures/fake-web/schools.mjs';
import { startFakeWeb, throughFakeWeb } from '../../fixtures/fake-web/server.mjs';
import type { FakeWeb } from '../../fixtures/fake-web/types.d.mts';
import { findReport } from '../../src/discover/index.js';
import { openStart, startAddresses } from '../../src/discover/start.js';
import { httpFetch } from '../../src/fetch/http.js';
import { politeFetcher } from '../../src/fetch/polite.js';
import type { Fetcher } from '../../src/fetch/types.js';

const fetchOptions = { timeoutMs: 5000, maxBytes: 5_000_000, userAgent: 'senaudit-test' };
let web: FakeWeb;
let fetcher: Fetcher;
beforeAll(async () => {
  const home = html(page('Oak School', [['About', '/about/']], '<p>Welcome.</p>'));
  web = await startFakeWeb({
    'http-only.sch.test': { schemes: ['http'], routes: { '/': home } },
    'www.www-only.sch.test': { routes: { '/': home } },
    'gone-404.sch.test': { routes: {} },
    'http-404.sch.test': { schemes: ['http'], routes: {} },
    'trust.test': {
      routes: {
        '/policies/': html(page('Trust policies', Array.from({ length: 12 }, (_, i) => [`School ${i} policies`, `/policies/${i}/`] as [string, string]))),
        '*': html(page('Policies', [['More policies', '/policies/more/']])),
      },
    },
    'frameset.sch.test': {
      routes: {
        '/': html('<!doctype html><html><head><title>Birch School</title></head><frameset cols="200,*"><frame src="/menu.html"><frame src="/welcome.html"></frameset></html>'),
        '/menu.html': html(page('Menu', [['SEN Information Report', '/send/report.html']])),
        '/welcome.html': html(page('Welcome', [], '<p>Welcome to Birch School.</p>')),
        '/send/report.html': html(page('SEN Information Report', [], `<p>${'Our SENCO is Mrs Ada Lark. We provide for pupils with autism, dyslexia and speech and language needs. '.repeat(60)}</p>`)),
      },
    },
    'many-links.sch.test': { routes: { '/': html(page('Elm School', [['Trust policies', 'https://trust.test/policies/']], '<p>Welcome.</p>')) } },
  });
  fetcher = politeFetcher(throughFakeWeb(web, httpFetch), { concurrency: 4, perHost: 2, maxRetries: 0, robots: true, sleep: async () => {} });
});
afterAll(async () => {
  await web?.close();
});

describe('the start page', () => {
  it('lists https then http when the scheme was guessed, then the other www. form', () => {
    expect(startAddresses('https://oak.sch.test/', true)).toEqual(['https://oak.sch.test/', 'http://oak.sch.test/', 'https://www.oak.sch.test/', 'http://www.oak.sch.test/']);
    expect(startAddresses('https://www.oak.sch.test/send', false)).toEqual(['https://www.oak.sch.test/send', 'https://oak.sch.test/send']);
    expect(startAddresses('http://127.0.0.1:8080/', true)).toEqual(['http://127.0.0.1:8080/']);
  });

  it('opens the first address a server answers', async () => {
    const a = await openStart(startAddresses('https://http-only.sch.test/', true), fetcher, fetchOptions);
    expect(a.url).toBe('http://http-only.sch.test/');
    expect(a.tried.map((t) => t.url)).toEqual(['https://http-only.sch.test/']);
    const b = await openStart(startAddresses('https://www-only.sch.test/', true), fetcher, fetchOptions);
    expect(b.url).toBe('https://www.www-only.sch.test/');
  });

  it('an answer with an error status ends the search there: the site exists', async () => {
    await expect(openStart(startAddresses('https://gone-404.sch.test/', true), fetcher, fetchOptions)).rejects.toThrow(/HTTP 404/);
    expect(web.log.filter((l) => l.host === 'gone-404.sch.test' && l.path === '/').map((l) => l.scheme)).toEqual(['https']);
  });

  it('when https:// fails and http:// answers with an error, the message says both', async () => {
    const e = await openStart(startAddresses('https://http-404.sch.test/', true), fetcher, fetchOptions).catch((x: Error) => x);
    expect((e as Error).message).toMatch(/HTTP 404 Not Found\..*Tried first: https:\/\/http-404\.sch\.test\/ \(.+\)\.$/);
  });

  it('when no address answers, the one error names each address tried and why', async () => {
    const e = await openStart(startAddresses('https://nowhere.sch.test/', true), fetcher, fetchOptions).catch((x: Error) => x);
    expect((e as Error).message).toMatch(
      /^Could not connect to nowhere\.sch\.test: .+\. Also tried http:\/\/nowhere\.sch\.test\/ \(.+\), https:\/\/www\.nowhere\.sch\.test\/ \(.+\), http:\/\/www\.nowhere\.sch\.test\/ \(.+\)\. Check the school's website address in a browser\.$/,
    );
  });

  it('a frameset home page (no words of its own) is searched through its frames', async () => {
    const r = await findReport('https://frameset.sch.test/', fetcher, { maxPages: 30, maxDepth: 3, fetchOptions });
    expect(r.found && r.reportUrl).toBe('https://frameset.sch.test/send/report.html');
  });

  it('another host’s pages are read within a small budget, and the message says so', async () => {
    const r = await findReport('https://many-links.sch.test/', fetcher, { maxPages: 30, maxDepth: 3, fetchOptions });
    expect(r.found).toBe(false);
    const trustPages = web.log.filter((l) => l.host === 'trust.test' && l.path !== '/robots.txt');
    expect(trustPages.length).toBeGreaterThan(1);
    expect(trustPages.length).toBeLessThanOrEqual(6);
    if (!r.found) expect(r.message).toMatch(/\d+ on other hosts; \d+ common addresses tried \(\/send, /);
  });
});

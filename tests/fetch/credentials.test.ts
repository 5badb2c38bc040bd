import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditError } from '../../src/errors.js';
import { classifyTarget, httpFetch, redactUrl } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { deadPort, failure, options } from './support.js';

// Credentials typed into an address must never reach a message, a report or another site.
const SECRETS = ['alice', 's3cret', 'bob', 'hunter2'];

function withCredentials(url: string, user = 'alice', pass = 's3cret'): string {
  return url.replace('http://', `http://${user}:${pass}@`);
}

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

let site: TestServer;
let other: TestServer;
const seen: Record<string, IncomingHttpHeaders> = {};

beforeAll(async () => {
  other = await startServer({
    '/elsewhere': (req, res) => {
      seen.elsewhere = req.headers;
      res.end('other site');
    },
  });
  site = await startServer({
    '/private': (req, res) => {
      seen.private = req.headers;
      res.end('members only');
    },
    '/moved': (_req, res) => {
      res.writeHead(302, { location: '/private' });
      res.end();
    },
    '/offsite': (_req, res) => {
      res.writeHead(302, { location: other.url('/elsewhere') });
      res.end();
    },
    '/location-with-credentials': (_req, res) => {
      res.writeHead(302, { location: withCredentials(site.url('/gone'), 'bob', 'hunter2') });
      res.end();
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/to-ftp': (_req, res) => {
      res.writeHead(302, { location: 'ftp://bob:hunter2@127.0.0.1/x.pdf' });
      res.end();
    },
    '/big': (_req, res) => res.end(Buffer.alloc(2048)),
    '/drip': (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    },
  });
});
afterAll(async () => {
  await site.close();
  await other.close();
});

describe('credentials in the address', () => {
  it('are sent as Basic auth to the site they were given for, and left out of finalUrl', async () => {
    const res = await httpFetch(withCredentials(site.url('/moved')), options());
    expect(seen.private?.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    expect(res.finalUrl).toBe(site.url('/private'));
    expectNoSecrets(JSON.stringify({ finalUrl: res.finalUrl, redirects: res.redirects }));
  });

  it('are not sent on to another site after a redirect', async () => {
    const res = await httpFetch(withCredentials(site.url('/offsite')), options());
    expect(new TextDecoder().decode(res.bytes)).toBe('other site');
    expect(seen.elsewhere?.authorization).toBeUndefined();
  });

  const failures: Array<[string, () => Promise<string>]> = [
    ['HTTP 404', async () => withCredentials(site.url('/nothing-here'))],
    ['a 404 after a Location with its own credentials', async () => withCredentials(site.url('/location-with-credentials'))],
    ['too many redirects', async () => withCredentials(site.url('/loop'))],
    ['a redirect to ftp:', async () => withCredentials(site.url('/to-ftp'))],
    ['the byte cap', async () => withCredentials(site.url('/big'))],
    ['the deadline', async () => withCredentials(site.url('/drip'))],
    ['a refused connection', async () => withCredentials(`http://127.0.0.1:${await deadPort()}/report`)],
  ];
  for (const [what, makeUrl] of failures) {
    it(`never appear in the message for ${what}`, async () => {
      const err = await failure(httpFetch(await makeUrl(), options({ maxBytes: 1024, timeoutMs: 400 })));
      expect(err.code).toBe('fetch');
      expectNoSecrets(err.message);
    });
  }

  it('show as *** where the message names the address, so the user knows they were there', async () => {
    const err = await failure(httpFetch(withCredentials(site.url('/nothing-here')), options()));
    expect(err.message).toContain(site.url('/nothing-here').replace('http://', 'http://***@'));
  });

  it('never appear in the message for a scheme that cannot be audited', () => {
    let caught: unknown;
    try {
      classifyTarget('ftp://alice:s3cret@files.example.sch.uk/send.pdf');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AuditError);
    expectNoSecrets((caught as AuditError).message);
  });
});

describe('redactUrl', () => {
  it('hides user and password', () => {
    expect(redactUrl('https://alice:s3cret@school.example.sch.uk/send?x=1')).toBe('https://***@school.example.sch.uk/send?x=1');
    expect(redactUrl('https://alice@school.example.sch.uk/')).toBe('https://***@school.example.sch.uk/');
  });

  it('leaves an address without credentials as it is', () => {
    expect(redactUrl('https://school.example.sch.uk/send')).toBe('https://school.example.sch.uk/send');
  });

  it('hides credentials even in an address that does not parse', () => {
    const out = redactUrl('http://alice:s3cret@exa mple/');
    expectNoSecrets(out);
  });

  it('takes the last @ before the path, as the URL parser does', () => {
    expectNoSecrets(redactUrl('http://alice:s3c@ret@host.example/'));
    expectNoSecrets(redactUrl('http://alice:s3c@ret@ho st/'));
  });
});

// The network boundary after DNS (issue #6): a name that resolves to a link-local (metadata)
// address is refused, on the first request and on a redirect hop, before any connection. DNS is
// replaced for a few made-up names (node:dns is mocked for this file; every other name, and so
// the loopback server, resolves as usual): the test never touches real DNS.
import type { LookupAddress, LookupOptions } from 'node:dns';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const FAKE: Record<string, string[]> = {
  'metadata.school.test': ['169.254.169.254'],
  'v6-metadata.school.test': ['fd00:ec2::254'],
  'link-local-v6.school.test': ['fe80::1'],
  // One good answer does not make a bad one safe: the connection could go to either.
  'mixed.school.test': ['93.184.216.34', '169.254.169.254'],
  'intranet.school.test': ['10.0.0.5'],
};
const looked: string[] = [];

vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  type Callback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
  const lookup = (hostname: string, options: LookupOptions | Callback, callback?: Callback) => {
    const cb = (typeof options === 'function' ? options : callback)!;
    const opts = typeof options === 'function' ? {} : options;
    const answers = FAKE[hostname];
    if (!answers) return real.lookup(hostname, opts, cb as never);
    looked.push(hostname);
    const all = answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (opts.all) return process.nextTick(cb, null, all);
    process.nextTick(cb, null, all[0]!.address, all[0]!.family);
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

const { httpFetch } = await import('../../src/fetch/http.js');
const { startServer } = await import('../helpers/server.js');
type TestServer = Awaited<ReturnType<typeof startServer>>;

const base = { timeoutMs: 5000, maxBytes: 1_000_000, userAgent: 'senaudit-test' };
let server: TestServer;
beforeAll(async () => {
  server = await startServer(
    Object.fromEntries(
      Object.keys(FAKE).map((name) => [
        `/to/${name}`,
        (_req: unknown, res: import('node:http').ServerResponse) => {
          res.writeHead(302, { location: `http://${name}/latest/meta-data/` });
          res.end();
        },
      ]),
    ),
  );
});
afterAll(() => server.close());

describe('names that resolve to link-local addresses are refused after DNS', () => {
  test.each(['metadata.school.test', 'v6-metadata.school.test', 'link-local-v6.school.test', 'mixed.school.test'])('%s, as the first address', async (name) => {
    await expect(httpFetch(`http://${name}/latest/meta-data/`, base)).rejects.toThrow(new RegExp(`^Refused to fetch from ${name.replace(/\./g, '\\.')}: it is a link-local address`));
    expect(looked).toContain(name);
  });

  test.each(['metadata.school.test', 'mixed.school.test'])('%s, as a redirect hop from 127.0.0.1, even where private addresses are allowed', async (name) => {
    const err = await httpFetch(server.url(`/to/${name}`), { ...base, allowPrivate: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AuditError', code: 'fetch' });
    expect((err as Error).message).toMatch(/^Refused to fetch from [\w.-]+: it is a link-local address \(169\.254\.169\.254\), where cloud metadata services live/);
  });

  test('through the polite fetcher (robots on): refused for the address, with no note that its robots.txt did not answer', async () => {
    const { politeFetcher } = await import('../../src/fetch/polite.js');
    const notes: string[] = [];
    const polite = politeFetcher(httpFetch, { concurrency: 2, perHost: 2, maxRetries: 0, robots: true, onNote: (n) => notes.push(n) });
    const err = await polite(server.url('/to/metadata.school.test'), { ...base, allowPrivate: true }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Refused to fetch from metadata\.school\.test: it is a link-local address/);
    expect(notes).toEqual([]);
  });

  test('a name on a private network: refused with allowPrivate false, by the same lookup', async () => {
    await expect(httpFetch(server.url('/to/intranet.school.test'), { ...base, allowPrivate: false })).rejects.toThrow(/loopback address \(127\.0\.0\.1\)/);
    await expect(httpFetch('http://intranet.school.test/', { ...base, allowPrivate: false })).rejects.toThrow(
      /^Refused to fetch from intranet\.school\.test: it is a private-network address \(10\.0\.0\.5\); batch runs fetch only public addresses unless --allow-private/,
    );
  });
});

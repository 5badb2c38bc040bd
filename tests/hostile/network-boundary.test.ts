// The network boundary (issue #6): only http(s); link-local / metadata addresses refused always,
// on every redirect hop and after DNS; loopback and private ranges refused when allowPrivate is
// false (batch runs without --allow-private). Each case would pass the request through if its
// guard were removed: the servers below answer 200 to anything.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addressRefusal, classifyAddress } from '../../src/fetch/address-policy.js';
import { httpFetch } from '../../src/fetch/http.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const base = { timeoutMs: 5000, maxBytes: 1_000_000, userAgent: 'senaudit-test' };
let server: TestServer;
let hits = 0;
beforeAll(async () => {
  const ok = (_req: unknown, res: import('node:http').ServerResponse) => {
    hits++;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('fine');
  };
  const to = (location: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(302, { location });
    res.end();
  };
  server = await startServer({
    '/ok': ok,
    '/to-metadata': to('http://169.254.169.254/latest/meta-data/'),
    '/to-metadata-v6': to('http://[fe80::1]/'),
    '/to-mapped': to('http://[::ffff:169.254.169.254]/'),
    '/to-file': to('file:///etc/passwd'),
  });
});
afterAll(() => server.close());

describe('classifyAddress', () => {
  test.each([
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'link-local'],
    ['::ffff:169.254.0.1', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:7f00:1', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['172.32.0.1', 'public'],
    ['93.184.216.34', 'public'],
    ['2001:db8::1', 'public'],
  ])('%s is %s', (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  test('link-local is refused even when private addresses are allowed', () => {
    expect(addressRefusal('169.254.169.254', true)).toMatch(/link-local/);
    expect(addressRefusal('127.0.0.1', true)).toBeNull();
    expect(addressRefusal('127.0.0.1', false)).toMatch(/--allow-private/);
  });
});

describe('httpFetch', () => {
  test.each(['/to-metadata', '/to-metadata-v6', '/to-mapped'])('a redirect hop %s to a link-local address is refused before connecting', async (path) => {
    await expect(httpFetch(server.url(path), base)).rejects.toThrow(/^Refused to fetch from .*link-local/);
  });

  test('a redirect to a file: URL is refused', async () => {
    await expect(httpFetch(server.url('/to-file'), base)).rejects.toThrow(/file:/);
  });

  test('loopback: allowed by default, refused with allowPrivate false, by address and after DNS', async () => {
    const before = hits;
    expect((await httpFetch(server.url('/ok'), base)).status).toBe(200);
    await expect(httpFetch(server.url('/ok'), { ...base, allowPrivate: false })).rejects.toThrow(/loopback address \(127\.0\.0\.1\).*--allow-private/);
    // "localhost" is a name: the check happens in the DNS lookup, not on the URL.
    const byName = server.url('/ok').replace('127.0.0.1', 'localhost');
    await expect(httpFetch(byName, { ...base, allowPrivate: false })).rejects.toThrow(/^Refused to fetch from localhost: it is a loopback address/);
    expect(hits).toBe(before + 1);
  });
});

test('--check-links never probes a link-local address, even through a redirect', async () => {
  const { httpProbe } = await import('../../src/fetch/probe.js');
  const o = { timeoutMs: 3000, userAgent: 'senaudit-test' };
  expect(await httpProbe(server.url('/ok'), o)).toBe(true);
  expect(await httpProbe('http://169.254.169.254/latest/meta-data/', o)).toBe(false);
  expect(await httpProbe(server.url('/to-mapped'), o)).toBe(false);
});

describe('batch', () => {
  test('refuses loopback schools unless --allow-private, as error rows, and goes on', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'senaudit-boundary-'));
    writeFileSync(join(dir, 'list.txt'), `${server.url('/ok')}\nhttp://169.254.169.254/\n`);
    const r = await runCli(['batch', join(dir, 'list.txt'), '--out', join(dir, 'out'), '--quiet', '--as-of', '2026-11-01']);
    expect(r.code).toBe(2);
    const lines = readFileSync(join(dir, 'out', 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string; error?: { message: string } });
    expect(lines.map((l) => l.status)).toEqual(['error', 'error']);
    expect(lines.map((l) => l.error!.message).join('\n')).toMatch(/loopback[\s\S]*link-local|link-local[\s\S]*loopback/);
  });
});

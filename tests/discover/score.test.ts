// The pieces of discovery that need no network: link scores, what counts as one site and one
// page, and the order the crawl takes its to-do list in.
import { describe, expect, test } from 'vitest';
import { looksLikeFile, scoreLink } from '../../src/discover/index.js';
import { Frontier } from '../../src/discover/frontier.js';
import { pageKey, Site } from '../../src/discover/site.js';

const s = (text: string, path = '/x') => scoreLink(text, new URL(`https://school.example${path}`));

describe('scoreLink', () => {
  test('the report by name scores highest, then "SEN report", then other SEN words, a policy half', () => {
    expect(s('SEND Information Report 2026')).toBe(100);
    expect(s('SEN information report')).toBe(100);
    expect(s('Special Educational Needs Information Report')).toBe(100);
    expect(s('SEN Report')).toBe(80);
    expect(s('Information Report')).toBe(70);
    expect(s('Local Offer')).toBe(50);
    expect(s('SEND')).toBe(40);
    expect(s('Special Educational Needs')).toBe(40);
    expect(s('Inclusion')).toBe(30);
    expect(s('SEND Policy')).toBe(20);
    expect(s('Parents')).toBe(10);
    expect(s('Sports day photos')).toBe(0);
  });

  test('the strict order the crawl relies on', () => {
    const order = ['SEND Information Report', 'SEN Report', 'Local Offer', 'SEND', 'Inclusion', 'SEND Policy', 'Parents', 'News'].map((t) => s(t)!);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  test('the address counts as much as the text; a document with report words gets a little more', () => {
    expect(s('', '/wp-content/uploads/sen-information-report.pdf')).toBe(105);
    expect(s('Download', '/send-information-report/')).toBe(100);
    expect(s('Click here', '/key-info/local-offer/')).toBe(50);
    expect(s('', '/docs/send_policy.docx')).toBe(25);
  });

  test('"send" inside a word or as a verb in a longer word is not SEND', () => {
    expect(s('Sending letters home')).toBe(0);
    expect(s('Godsend appeal', '/appeal')).toBe(0);
  });

  test('never followed: other schemes, images, video, archives, log-in and log-out, calendar explosions', () => {
    expect(scoreLink('Email us', new URL('mailto:office@school.example'))).toBeNull();
    expect(scoreLink('Call us', new URL('tel:+441632960000'))).toBeNull();
    expect(scoreLink('SEND', new URL('javascript:void(0)'))).toBeNull();
    expect(scoreLink('Files', new URL('ftp://school.example/send/'))).toBeNull();
    expect(s('Logo', '/images/logo.png')).toBeNull();
    expect(s('SEND photos', '/gallery/send-trip.JPG')).toBeNull();
    expect(s('Assembly video', '/media/assembly.mp4')).toBeNull();
    expect(s('All documents', '/docs/all.zip')).toBeNull();
    expect(s('Log out')).toBeNull();
    expect(s('Staff login', '/wp-login')).toBeNull();
    expect(s('Events', '/calendar?month=2026-11')).toBeNull();
    expect(s('Next', `/news?${'tag=a&'.repeat(30)}`)).toBeNull();
  });
});

describe('looksLikeFile', () => {
  test('documents by ending, and by the way school website systems serve files', () => {
    for (const p of ['/a/report.pdf', '/a/REPORT.PDF', '/a/b.docx', '/uploads/9912', '/docs/123', '/download?file=77', '/getfile.aspx?id=4'])
      expect(looksLikeFile(new URL(`https://school.example${p}`)), p).toBe(true);
    for (const p of ['/send/', '/parents/sen-information-report/', '/news?page=2'])
      expect(looksLikeFile(new URL(`https://school.example${p}`)), p).toBe(false);
  });
});

describe('Site and pageKey', () => {
  test('www. and the bare name are one site; other hosts and ports are not', () => {
    const site = new Site(new URL('https://www.oak.example/'));
    expect(site.has(new URL('https://oak.example/send/'))).toBe(true);
    expect(site.has(new URL('http://WWW.OAK.EXAMPLE/x'))).toBe(true);
    expect(site.has(new URL('https://oak.example:8443/x'))).toBe(false);
    expect(site.has(new URL('https://council.example/local-offer'))).toBe(false);
    expect(site.has(new URL('https://send.oak.example/'))).toBe(false);
    expect(site.has(new URL('mailto:head@oak.example'))).toBe(false);
  });

  test('a site that redirected to a new name covers both', () => {
    const site = new Site(new URL('https://old-name.example/'), new URL('https://new-name.example/home'));
    expect(site.has(new URL('https://new-name.example/send/'))).toBe(true);
    expect(site.has(new URL('https://old-name.example/send/'))).toBe(true);
  });

  test('one key per page: fragment, credentials, www. and http/https do not make a new page', () => {
    const k = pageKey(new URL('https://oak.example/send/?a=1'));
    expect(pageKey(new URL('http://www.oak.example/send/?a=1#top'))).toBe(k);
    expect(pageKey(new URL('https://user:pw@oak.example/send/?a=1'))).toBe(k);
    expect(pageKey(new URL('https://oak.example/send/?a=2'))).not.toBe(k);
  });
});

describe('Frontier', () => {
  const add = (f: Frontier, path: string, score: number, depth: number) => {
    const url = new URL(`https://oak.example${path}`);
    return f.add(pageKey(url), url, { score, depth, via: [] });
  };

  test('highest score first, then shallowest, then first found; each page once', () => {
    const f = new Frontier();
    add(f, '/news/', 0, 1);
    add(f, '/deep-send/', 40, 2);
    add(f, '/send/', 40, 1);
    add(f, '/send-again/', 40, 1);
    add(f, '/report.pdf', 105, 3);
    expect(add(f, '/send/#menu', 90, 1)).toBe(false);
    const order: string[] = [];
    for (let s = f.take(); s; s = f.take()) order.push(new URL(s.url).pathname);
    expect(order).toEqual(['/report.pdf', '/send/', '/send-again/', '/deep-send/', '/news/']);
  });

  test('one path with many query strings is queued a few times only', () => {
    const f = new Frontier();
    const queued = Array.from({ length: 10 }, (_, i) => add(f, `/news?item=${i}`, 0, 1)).filter(Boolean).length;
    expect(queued).toBe(3);
    expect(add(f, '/news', 0, 1)).toBe(true);
  });
});

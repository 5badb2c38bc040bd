// The `link:` matcher (host or URL pattern, link text, live) and how the engine reports link checks.
import { describe, expect, test } from 'vitest';
import { checkLinks, linksToCheck } from '../../src/audit/link-check.js';
import { DocumentBuilder } from '../../src/document/build.js';
import type { SenDocument } from '../../src/document/types.js';
import { AuditError } from '../../src/errors.js';
import { compileMatcher } from '../../src/rules/compile.js';
import { runRules } from '../../src/rules/engine.js';
import { Evaluator, type EngineFacts } from '../../src/rules/evaluate.js';
import { compileRule } from '../../src/rules/compile-rule.js';
import { loadRuleset } from '../../src/rules/loader.js';
import { prepareDocument } from '../../src/rules/prepare.js';
import { ruleSchema, type MatcherSpec, type RuleSpec } from '../../src/rules/schema.js';
import type { Ruleset } from '../../src/rules/types.js';

const NO_FACTS: EngineFacts = { reportDate: null, reportDateQuote: null, monthsSinceReportDate: null, readingEase: null, textLayer: true };

/** A short report from the (fictional) county of Wexley, with its Local Offer linked. */
function report(localOfferUrl: string, linkText = 'Wexley Local Offer'): SenDocument {
  const b = new DocumentBuilder('html');
  b.heading('Where to find more help', 2);
  b.block('paragraph', `Families can find services across the county on the ${linkText} website.`);
  b.link(linkText, localOfferUrl);
  b.block('paragraph', 'Our SEN policy explains how we plan support.');
  b.link('SEN policy', 'https://brambles.example.sch.uk/docs/sen-policy.pdf');
  b.link('Governors', 'https://brambles.example.sch.uk/governors');
  b.link('here', 'https://www.wexley.example.gov.uk/send/old-offer');
  return b.build();
}

function hits(d: SenDocument, spec: MatcherSpec, facts: EngineFacts = NO_FACTS): string[] {
  const ev = new Evaluator(prepareDocument(d), facts);
  return ev.run(compileMatcher(spec)).map((i) => ev.sentence(i).text);
}

describe('link: host', () => {
  const good = report('https://localoffer.wexley.example.gov.uk/');
  test('a link to the host: evidence is the sentence holding the link', () => {
    expect(hits(good, { link: { host: ['localoffer.wexley.example.gov.uk'] } })).toEqual([
      'Families can find services across the county on the Wexley Local Offer website.',
    ]);
  });
  test('a subdomain of the host matches; a host that only ends the same way does not', () => {
    const sub = report('https://www.localoffer.wexley.example.gov.uk/services');
    expect(hits(sub, { link: { host: ['localoffer.wexley.example.gov.uk'] } })).toHaveLength(1);
    const other = report('https://notlocaloffer.wexley.example.gov.uk/');
    expect(hits(other, { link: { host: ['localoffer.wexley.example.gov.uk'] } })).toEqual([]);
  });
  test('another host fails', () => {
    const elsewhere = report('https://www.oldcounty.example.gov.uk/localoffer');
    expect(hits(elsewhere, { link: { host: ['localoffer.wexley.example.gov.uk'] } })).toEqual([]);
  });
  test('host names are compared without case; relative links have no host', () => {
    const upper = report('HTTPS://LocalOffer.Wexley.Example.gov.uk/');
    expect(hits(upper, { link: { host: ['localoffer.wexley.example.gov.uk'] } })).toHaveLength(1);
    const relative = report('/localoffer');
    expect(hits(relative, { link: { host: ['localoffer.wexley.example.gov.uk'] } })).toEqual([]);
  });
});

describe('link: url and text', () => {
  const d = report('https://www.wexley.example.gov.uk/localoffer');
  test('url is a case-insensitive pattern over the whole address', () => {
    expect(hits(d, { link: { url: 'wexley\\.example\\.gov\\.uk/LOCALOFFER' } })).toHaveLength(1);
    expect(hits(d, { link: { url: '\\.pdf$' } })).toEqual(['Our SEN policy explains how we plan support.']);
  });
  test('text narrows to links whose text mentions a phrase (SEN = SEND as elsewhere)', () => {
    expect(hits(d, { link: { url: 'example', text: ['send policy'] } })).toEqual(['Our SEN policy explains how we plan support.']);
    expect(hits(d, { link: { text: ['accessibility plan'] } })).toEqual([]);
  });
  test('a link that cannot be placed in a sentence is a virtual evidence line', () => {
    expect(hits(d, { link: { url: 'old-offer' } })).toEqual(['Link: here -> https://www.wexley.example.gov.uk/send/old-offer']);
    expect(hits(d, { link: { url: 'governors' } })).toEqual(['Link: Governors -> https://brambles.example.sch.uk/governors']);
  });
  test('composes with other matchers', () => {
    expect(hits(d, { all: [{ phrases: ['local offer'] }, { link: { url: 'localoffer' } }] })).toHaveLength(1);
    expect(hits(d, { any: [{ phrases: ['no such words'] }, { link: { url: 'governors' } }] })).toHaveLength(1);
  });
});

describe('link: live', () => {
  const d = report('https://localoffer.wexley.example.gov.uk/');
  const spec: MatcherSpec = { link: { host: ['localoffer.wexley.example.gov.uk'], live: true } };
  test('without link checks (no linkLive fact) any matching link counts', () => {
    expect(hits(d, spec)).toHaveLength(1);
  });
  test('a link that did not answer does not count; one that did does', () => {
    const url = 'https://localoffer.wexley.example.gov.uk/';
    expect(hits(d, spec, { ...NO_FACTS, linkLive: new Map([[url, false]]) })).toEqual([]);
    expect(hits(d, spec, { ...NO_FACTS, linkLive: new Map([[url, true]]) })).toHaveLength(1);
  });
});

const RULE: RuleSpec = ruleSchema.parse({
  id: 'wexley-local-offer-link',
  title: 'Links to the Wexley Local Offer',
  source: 'Wexley local expectations',
  severity: 'error',
  appliesTo: ['maintained_mainstream'],
  why: 'Parents use the county site.',
  advice: 'Link to localoffer.wexley.example.gov.uk.',
  check: {
    met: { link: { host: ['localoffer.wexley.example.gov.uk'], live: true } },
    partial: { link: { host: ['localoffer.wexley.example.gov.uk'] } },
  },
});
const SET: Ruleset = { info: { id: 'wexley', version: '1' }, rules: [compileRule(RULE, 'wexley.yaml')] };

describe('a local link rule in the engine', () => {
  test('passes with a link to the host, fails with a link elsewhere', () => {
    expect(runRules(SET, report('https://localoffer.wexley.example.gov.uk/'), NO_FACTS, 'maintained_mainstream')[0]!.status).toBe('met');
    const other = runRules(SET, report('https://www.oldcounty.example.gov.uk/localoffer'), NO_FACTS, 'maintained_mainstream')[0]!;
    expect(other.status).toBe('missing');
    expect(other.searched).toEqual(['a link to localoffer.wexley.example.gov.uk that answers']);
    expect(other.notes).toBeUndefined();
  });
  test('says when the link was not checked, and which link did not answer', () => {
    const d = report('https://localoffer.wexley.example.gov.uk/');
    const unchecked = runRules(SET, d, NO_FACTS, 'maintained_mainstream')[0]!;
    expect(unchecked.status).toBe('met');
    expect(unchecked.notes).toEqual([
      'Whether the linked document answers was not checked (https://localoffer.wexley.example.gov.uk/): run with --check-links to check it.',
    ]);
    const dead = runRules(SET, d, { ...NO_FACTS, linkLive: new Map([['https://localoffer.wexley.example.gov.uk/', false]]) }, 'maintained_mainstream')[0]!;
    expect(dead.status).toBe('partial');
    expect(dead.notes).toEqual(['Link checked: https://localoffer.wexley.example.gov.uk/ did not answer (an error, or a status of 400 or more).']);
  });
  test('the pre-pass checks only the links live-link rules read', async () => {
    const d = report('https://localoffer.wexley.example.gov.uk/');
    expect(linksToCheck(SET, d)).toEqual(['https://localoffer.wexley.example.gov.uk/']);
    const asked: string[] = [];
    const map = await checkLinks(['https://a.example/', 'https://b.example/', 'https://a.example/'], {
      userAgent: 'test',
      probe: async (url) => {
        asked.push(url);
        if (url.includes('b.')) throw new Error('boom');
        return true;
      },
    });
    expect(asked.sort()).toEqual(['https://a.example/', 'https://b.example/']);
    expect(map).toEqual(new Map([['https://a.example/', true], ['https://b.example/', false]]));
  });
});

describe('link matcher mistakes are refused with the line', () => {
  const header = 'id: demo\ntitle: Demo\nsource: Local\nseverity: error\nappliesTo: [maintained_mainstream]\nwhy: Because.\nadvice: Add it.\n';
  async function errorFor(check: string): Promise<string> {
    try {
      await loadRuleset('/r/one.yaml', async () => `${header}check:\n  met:\n${check}`);
    } catch (e) {
      expect(e).toBeInstanceOf(AuditError);
      return (e as AuditError).message;
    }
    throw new Error('expected an error');
  }
  test('a host written as a URL', async () => {
    expect(await errorFor('    link:\n      host: [https://localoffer.wexley.gov.uk/]\n')).toBe(
      '/r/one.yaml line 11: check.met.link.host[0]: give a host name like localoffer.anyshire.gov.uk, without https:// or a path.',
    );
  });
  test('both host and url', async () => {
    expect(await errorFor('    link:\n      host: [a.example]\n      url: "b"\n')).toContain('/r/one.yaml line 11: check.met.link: a link matcher needs');
  });
  test('a misspelt key', async () => {
    expect(await errorFor('    link:\n      hosts: [a.example]\n')).toContain('did you mean "host"?');
  });
});

// Property tests (issue #6): whatever a school website sends, the extractors and the rule engine
// return a result instead of throwing, and the engine judges every rule exactly once.
// 10,000 generated cases per property (fast-check), small inputs so CI stays quick.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isAuditError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/index.js';
import { extractHtml } from '../../src/extract/html.js';
import { extractText } from '../../src/extract/text.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import { runRules } from '../../src/rules/engine.js';
import { SCHOOL_TYPES } from '../../src/rules/vocabulary.js';

const RUNS = 10_000;
const STATUSES = new Set(['met', 'partial', 'missing', 'not_applicable']);

// Text with the shapes reports have: headings, list markers, questions, colons, acronyms,
// contact details, quotes, and stray control and non-Latin characters.
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('\n', '\n\n', '# ', '## ', '- ', '* ', '1. ', '?', ':', '"', '“', '’', '&', 'SENCO', 'SEND', 'Local Offer', 'senco@example.sch.uk', '01632 960123', 'Mrs A Smith', 'Updated September 2026', 'www.example.org', '\u0000', '\u202e', '\t'),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const reportish = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
// For the engine, shorter: its time grows with the text (0.4 ms empty, 1.7 ms at 1,100
// characters), and 10,000 runs must fit the CI budget on two loaded cores.
const shortReport = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

const tag = fc.constantFrom('p', 'div', 'h1', 'h2', 'h3', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'nav', 'main', 'article', 'script', 'style', 'a', 'span', 'br', 'header', 'footer');
const htmlPiece = fc.oneof(
  reportish,
  tag.map((t) => `<${t}>`),
  tag.map((t) => `</${t}>`),
  fc.tuple(tag, reportish).map(([t, s]) => `<${t} class="${s.slice(0, 8)}">${s}</${t}>`),
  fc.constantFrom('<a href="javascript:x">', '<a href="//evil">', '<base href="::">', '<!--', '-->', '<![CDATA[', '&amp;', '&#0;', '&bogus;', '<meta charset="utf-16">'),
);
const htmlish = fc.oneof(fc.string({ maxLength: 200 }), fc.array(htmlPiece, { maxLength: 25 }).map((p) => p.join('')));

describe('extractors never throw', () => {
  test('text and Markdown', () => {
    fc.assert(
      fc.property(reportish, fc.boolean(), (s, md) => {
        const doc = extractText(s, md);
        expect(Array.isArray(doc.blocks)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('HTML', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(htmlish, fc.constantFrom(null, 'https://school.example/send/'), async (s, base) => {
        const doc = await extractHtml(s, base);
        expect(Array.isArray(doc.links)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('arbitrary bytes as any format: a document, or an AuditError saying why', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(null, 'text/html', 'text/html; charset=windows-1252', 'text/plain; charset=utf-16', 'application/octet-stream'),
        async (bytes, contentType) => {
          try {
            await extractDocument({ bytes, contentType, name: 'input', baseUrl: null });
          } catch (e) {
            if (!isAuditError(e)) throw e;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the rule engine', async () => {
  const ruleset = await loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8'));
  const ids = ruleset.rules.map((r) => r.spec.id);
  expect(new Set(ids).size).toBe(26);
  const facts = fc.record({
    reportDate: fc.constantFrom(null, '2026', '2026-09', '2025-01-15'),
    reportDateQuote: fc.constantFrom(null, 'Updated September 2026'),
    monthsSinceReportDate: fc.option(fc.integer({ min: -5, max: 200 })),
    readingEase: fc.option(fc.double({ min: -500, max: 200, noNaN: true })),
    textLayer: fc.boolean(),
  });

  test('never throws and judges every rule exactly once', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(shortReport, fc.boolean(), facts, fc.constantFrom(...SCHOOL_TYPES), (s, md, f, type) => {
        // Plain checks, not expect(): 26 expect() calls a case were most of this test's time.
        const findings = runRules(ruleset, extractText(s, md), f, type);
        if (findings.length !== ids.length || findings.some((x, i) => x.id !== ids[i])) {
          throw new Error(`rules judged: ${findings.map((x) => x.id).join(', ')}`);
        }
        const bad = findings.find((x) => !STATUSES.has(x.status));
        if (bad) throw new Error(`${bad.id} has status ${String(bad.status)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

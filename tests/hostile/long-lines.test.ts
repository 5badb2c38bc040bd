// Lines built to make a pattern backtrack (issue #19, items 1 and 2): before, 'a@' repeated 5,000
// times took 81 s to audit and 200,000 letters 56 s, so one published document could stall a
// batch. Each is audited whole here; npm run bench measures that the time grows linearly.
import { describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { auditDocument } from '../../src/audit/audit-document.js';
import { extractText } from '../../src/extract/text.js';
import { redactText } from '../../src/fetch/redact.js';
import { hasEntity } from '../../src/rules/entities.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';

const ruleset = await loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8'));
const audit = (text: string) => auditDocument(extractText(text, false), ruleset, { target: 't', finalUrl: null, asOf: '2026-11-01', schoolType: 'maintained_mainstream', toolVersion: 'test' });

describe('documents of one hostile line are audited, not hung on', () => {
  test.each([
    ["'a@' x 5,000 (10 KB): the email and address patterns", 'a@'.repeat(5_000)],
    ["'a@' x 500,000 (1 MB)", 'a@'.repeat(500_000)],
    ['200,000 letters in one word', 'a'.repeat(200_000)],
    ['a 1 MB line of words with no full stop', 'support pupils with '.repeat(50_000)],
    ['a line of 100,000 "**" openers with no closer (Markdown bold)', '**a '.repeat(100_000)],
  ])('%s', (_, text) => {
    const report = audit(text);
    expect(report.results.length).toBe(ruleset.rules.length);
    expect(report.results.every((r) => ['met', 'partial', 'missing', 'not_applicable'].includes(r.status))).toBe(true);
  });
});

test('the email shape still finds addresses, and not in a run of "a@a@"', () => {
  expect(hasEntity('email', 'Write to senco@kestrel-rise.sch.uk today.')).toBe(true);
  expect(hasEntity('email', "o'brien.j@school.org.uk")).toBe(true);
  expect(hasEntity('email', 'a@'.repeat(5_000))).toBe(false);
});

test('credentials are redacted from text in linear time: a 70 KB address and a long line without "://"', () => {
  const long = `https://user:${'p'.repeat(70_000)}@example.org/x`;
  expect(redactText(`failed: ${long}`)).toBe('failed: https://***@example.org/x');
  const letters = 'a'.repeat(200_000);
  expect(redactText(letters)).toBe(letters);
});

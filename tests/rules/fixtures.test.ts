// Fixture-per-case tests (textlint style): fixtures/rules/<rule id>/<case>.md is the input and
// <case>.expected.yaml beside it the expected status (and a piece of the first evidence quote, and
// words it must not hold).
// The whole built-in set runs on each fixture, as in a real audit; only that rule is asserted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractText } from '../../src/extract/text.js';
import type { Ruleset } from '../../src/rules/types.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';

const ROOT = resolve(import.meta.dirname, '../../fixtures/rules');

interface Expected {
  status: 'met' | 'partial' | 'missing';
  evidence?: string;
  /** Words the first evidence quote must not hold (the next person on a contact card, say). */
  notInEvidence?: string;
}

let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await builtinRuleset();
});

const ruleDirs = readdirSync(ROOT).sort();

test('every built-in rule has met and missing fixtures', () => {
  for (const dir of ruleDirs) {
    expect(existsSync(join(ROOT, dir, 'met.md')), `${dir}/met.md`).toBe(true);
    expect(existsSync(join(ROOT, dir, 'missing.md')), `${dir}/missing.md`).toBe(true);
  }
});

test('rules with a partial judgement have a partial fixture', () => {
  for (const id of ['kinds-of-sen', 'senco-contact', 'support-services-contacts', 'local-offer']) {
    expect(existsSync(join(ROOT, id, 'partial.md')), `${id}/partial.md`).toBe(true);
  }
});

for (const rule of ruleDirs) {
  const cases = readdirSync(join(ROOT, rule))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
  describe(rule, () => {
    for (const name of cases) {
      test(name, () => {
        const expected = parse(readFileSync(join(ROOT, rule, `${name}.expected.yaml`), 'utf8')) as Expected;
        const doc = extractText(readFileSync(join(ROOT, rule, `${name}.md`), 'utf8'), true);
        const report = auditWith(ruleset, doc, `${rule}/${name}.md`);
        const finding = report.results.find((r) => r.id === rule);
        expect(finding, `no rule "${rule}" in the built-in set`).toBeDefined();
        expect(finding!.status, JSON.stringify(finding!.evidence)).toBe(expected.status);
        if (expected.evidence) {
          expect(finding!.evidence[0]?.quote ?? '').toContain(expected.evidence);
        }
        if (expected.notInEvidence) expect(finding!.evidence[0]?.quote ?? '').not.toContain(expected.notInEvidence);
      });
    }
  });
}

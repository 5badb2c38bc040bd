// A report that has a requirement's words only in sentences not read as the school's own
// arrangement (the law's words copied in, an aim, a template's prompt) is missing it, and the
// finding says which sentence and why, so a SENCO learns to say what this school does.
import { beforeAll, expect, test } from 'vitest';
import { extractText } from '../../src/extract/text.js';
import type { Ruleset } from '../../src/rules/types.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';

let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await builtinRuleset();
});

function finding(body: string, id: string) {
  const doc = extractText(`# Oakridge Primary School: SEN Information Report 2026-27\n\n${body}\n`, true);
  return auditWith(ruleset, doc, 'set-aside.md').results.find((r) => r.id === id)!;
}

const notCounted = (notes: string[] | undefined) => (notes ?? []).filter((n) => n.startsWith('A sentence names this but was not counted'));

test("the law's words copied in: missing, with the sentence and the reason", () => {
  const f = finding("Schools must consult parents about their child's special educational needs.", 'consulting-parents');
  expect(f.status).toBe('missing');
  expect(notCounted(f.notes)).toEqual([
    "A sentence names this but was not counted, as it reads as what the law or national guidance says schools must do, not what this school does: \"Schools must consult parents about their child's special educational needs.\"",
  ]);
});

test('an aim with no arrangement named: missing, with the sentence and what to add', () => {
  const f = finding('We aim to create a flexible learning environment that is adapted to every child.', 'adapting-curriculum-environment');
  expect(f.status).toBe('missing');
  expect(notCounted(f.notes)[0]).toMatch(/as it reads as an aim or hope, with no arrangement named \(say what is done, by whom and how often\): "We aim to create/);
});

test('no such note when the school says what it does, when nothing names it, or on a page that is not the school\'s', () => {
  // Met by the school's own sentence: no gap to explain.
  const met = finding("Schools must consult parents. We meet parents every term to review their child's plan.", 'consulting-parents');
  expect(met.status).toBe('met');
  expect(notCounted(met.notes)).toEqual([]);
  // Nothing in the report names it.
  expect(notCounted(finding('Pupils enjoy our forest school every Friday.', 'consulting-parents').notes)).toEqual([]);
  // A council's page for parents is not the school's: its kind says so once, not a note per requirement.
  const doc = extractText(
    'Anyshire County Council\n\nSEN Support in schools: a guide for parents\n\nYour child\'s school must consult you about their special educational needs and review their support with you three times a year. Every school must publish a SEN information report.\n',
    false,
  );
  const la = auditWith(ruleset, doc, 'council.txt');
  expect(la.document.kind).toBe('la_page');
  expect(la.results.flatMap((r) => notCounted(r.notes))).toEqual([]);
});

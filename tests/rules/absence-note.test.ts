// A school saying what it does not have ("We do not currently have a sensory room") meets nothing
// (the `absence` statement, src/facts/sentence-facts.ts), and the missing finding says so in the
// report's own words, so a governor reading the gap report sees why it is a gap.
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
  return auditWith(ruleset, doc, 'absence.md').results.find((r) => r.id === id)!;
}

test('a missing requirement the report says is not in place quotes that sentence in a note', () => {
  const f = finding('We do not currently have a sensory room.', 'equipment-facilities');
  expect(f.status).toBe('missing');
  expect(f.notes).toContain('The report says this is not in place: "We do not currently have a sensory room."');
  const access = finding('There is no accessible toilet on the site at present.', 'disabled-access-facilities');
  expect(access.status).toBe('missing');
  expect(access.notes?.[0]).toMatch(/^The report says this is not in place: "There is no accessible toilet/);
});

test('no such note where the report says nothing of it, or says what is done instead', () => {
  expect(finding('Pupils enjoy our forest school every Friday.', 'equipment-facilities').notes ?? []).toEqual([]);
  // The arrangement after "but" stands, so the requirement is met and there is no gap to explain.
  const instead = finding('The school does not have a sensory room, but each class has a quiet corner with ear defenders.', 'equipment-facilities');
  expect(instead.status).toBe('met');
  expect(instead.notes ?? []).toEqual([]);
  // Another requirement's absence is not this one's.
  expect(finding('We do not currently have a sensory room.', 'staff-expertise-training').notes ?? []).toEqual([]);
});

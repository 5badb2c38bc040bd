// One audit with the built-in rules, as the fixture tests run it: as of 2026-11-01, for a
// maintained mainstream school. The rule set is loaded once per test file.
import { readFile } from 'node:fs/promises';
import { auditDocument } from '../../src/audit/audit-document.js';
import type { AuditReport } from '../../src/audit/report.js';
import type { SenDocument } from '../../src/document/types.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import type { Ruleset } from '../../src/rules/types.js';

let builtin: Promise<Ruleset> | null = null;

export function builtinRuleset(): Promise<Ruleset> {
  return (builtin ??= loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8')));
}

export function auditWith(ruleset: Ruleset, doc: SenDocument, target: string): AuditReport {
  return auditDocument(doc, ruleset, { target, finalUrl: null, asOf: '2026-11-01', schoolType: 'maintained_mainstream', toolVersion: 'test' });
}

import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { formatJson } from '../../src/format/json.js';
import { formatText } from '../../src/format/text.js';
import type { Finding } from '../../src/rules/types.js';

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'x', title: 'X', severity: 'error', status: 'met', source: 'Src', evidence: [], searched: [], advice: 'Add it.', why: 'The law asks.', docs: null,
    ...over,
  };
}

const report: AuditReport = {
  schemaVersion: 1,
  tool: { name: 'senaudit', version: '9.9.9' },
  target: 'report.pdf',
  finalUrl: null,
  asOf: '2026-11-01',
  schoolType: 'maintained_mainstream',
  ruleset: { id: 'test', version: '1' },
  document: {
    format: 'pdf', kind: 'policy', kindReason: 'It calls itself "this policy".', title: 'T', date: '2025-09', dateSource: 'pdf-metadata',
    dateQuote: null, pages: 4, words: 900, readingEase: 48.5, textLayer: true, warnings: ['Page 3 could not be read and was skipped.'],
  },
  summary: { met: 1, partial: 1, missing: 2, notApplicable: 1 },
  results: [
    finding({ id: 'met-one', status: 'met', evidence: [{ quote: 'We do it.', page: 2, heading: 'How?' }] }),
    finding({ id: 'warn-gap', status: 'missing', severity: 'warning', searched: ['a sentence mentioning "y"'] }),
    finding({ id: 'err-gap', status: 'missing', severity: 'error', searched: ['a sentence mentioning "z"'] }),
    finding({ id: 'half', status: 'partial', evidence: [{ quote: 'Our SENCO is Mrs A.', page: null, heading: null }] }),
    finding({ id: 'na', status: 'not_applicable', reason: 'Does not apply to pru schools.' }),
  ],
};

describe('text format', () => {
  const text = formatText(report, { color: false });

  it('says at the top when the document is not a report', () => {
    expect(text.split("\n")[1]).toMatch(/^! This looks like the school.s SEN policy rather than its SEN information report\. /);
  });

  it('labels a fallback date with where it came from, and prints extraction warnings', () => {
    expect(text).toContain('report date: 2025-09 (from pdf metadata)');
    expect(text).toContain('! Page 3 could not be read and was skipped.');
  });

  it('groups by status, missing first, errors before warnings within a group', () => {
    const order = ['Missing (2)', 'err-gap', 'warn-gap', 'Partly there (1)', 'half', 'Met (1)', 'met-one', 'Not applicable (1)', 'na'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('gives evidence with page and heading, and for gaps what was searched, why and what to add', () => {
    expect(text).toContain('"We do it." (page 2, under "How?")');
    expect(text).toContain('Looked for: a sentence mentioning "z"');
    expect(text).toContain('What to add: Add it.');
    expect(text).toContain('Summary: 1 met, 1 partly there, 2 missing, 1 not applicable.');
  });

  it('uses colour only when asked', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(formatText(report, { color: true })).toMatch(/\u001b\[/);
  });
});

describe('json format', () => {
  it('is the report itself, parseable, with a trailing newline', () => {
    const json = formatJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(report);
  });
});

import type { AuditReport } from '../audit/report.js';
import type { ResultLine } from '../batch/types.js';
import type { Finding, Severity } from '../rules/types.js';
import { batchSchoolName, batchWhyNot, type BatchMeta } from './batch-common.js';
import { clean, evidenceWhere, failsAt, isGap, STATUS_LABEL } from './common.js';

export interface JunitOptions {
  /** The lowest severity of gap that is a failure (the same as --fail-on). */
  failOn: Severity;
}

interface Suite {
  name: string;
  properties: [string, string][];
  cases: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * `--format junit`: one testsuite per school, one testcase per rule. A gap at or above
 * --fail-on is a failure, a rule that does not apply is skipped; a gap below --fail-on passes
 * and says so in system-out. No timestamps: the same input gives the same file.
 */
export function formatJunit(report: AuditReport, options: JunitOptions): string {
  return document([auditSuite(report.finalUrl ?? report.target, report, options.failOn)]);
}

/**
 * Several audits in one document (`audit a.pdf b.pdf`): a suite per report, and for a target that
 * could not be audited a suite with one errored testcase.
 */
export function formatJunitMany(reports: AuditReport[], failed: { target: string; message: string }[], options: JunitOptions): string {
  const suites = reports.map((r) => auditSuite(r.finalUrl ?? r.target, r, options.failOn));
  for (const f of failed) {
    const suite: Suite = { name: f.target, properties: [], cases: [], tests: 1, failures: 0, errors: 1, skipped: 0 };
    suite.cases.push(testcase(f.target, 'audit', `<error message="${attr(f.message)}" type="cannot-audit">${text(f.message)}</error>`));
    suites.push(suite);
  }
  return document(suites);
}

/**
 * The batch variant: a testsuite per school (audited schools as for `formatJunit`); a school that
 * could not be audited or had no report found is a suite with one errored testcase, a skipped
 * school a suite with one skipped testcase.
 */
export function formatBatchJunit(lines: Iterable<ResultLine>, meta: BatchMeta = {}): string {
  const failOn = meta.failOn ?? 'error';
  const suites: Suite[] = [];
  for (const l of lines) {
    const name = `${batchSchoolName(l)}${l.school.urn ? ` (URN ${l.school.urn})` : ''}`;
    if (l.status === 'audited') {
      suites.push(auditSuite(name, l.report, failOn, l.reportUrl));
      continue;
    }
    const why = batchWhyNot(l) ?? '';
    const suite: Suite = { name, properties: schoolProperties(l), cases: [], tests: 1, failures: 0, errors: 0, skipped: 0 };
    if (l.status === 'skipped') {
      suite.skipped = 1;
      suite.cases.push(testcase(name, 'audit', `<skipped message="${attr(why)}"/>`));
    } else {
      suite.errors = 1;
      const type = l.status === 'error' ? l.error.code : 'not_found';
      suite.cases.push(testcase(name, 'audit', `<error message="${attr(why)}" type="${attr(type)}">${text(why)}</error>`));
    }
    suites.push(suite);
  }
  return document(suites);
}

function auditSuite(name: string, report: AuditReport, failOn: Severity, reportUrl?: string): Suite {
  const suite: Suite = {
    name,
    properties: [
      ['target', report.target],
      ['report', reportUrl ?? report.finalUrl ?? report.target],
      ['asOf', report.asOf],
      ['schoolType', report.schoolType],
      ['ruleset', `${report.ruleset.id} ${report.ruleset.version}`],
      ['documentKind', report.document.kind],
      ['failOn', failOn],
    ],
    cases: [],
    tests: report.results.length,
    failures: 0,
    errors: 0,
    skipped: 0,
  };
  for (const f of report.results) {
    let body = '';
    if (f.status === 'not_applicable') {
      suite.skipped += 1;
      body = `<skipped message="${attr(f.reason ?? 'Does not apply to this school type.')}"/>`;
    } else if (failsAt(f, failOn)) {
      suite.failures += 1;
      body = `<failure message="${attr(`${STATUS_LABEL[f.status]}: ${f.title} (${f.source})`)}" type="${f.status}">${text(details(f))}</failure>`;
    } else if (isGap(f)) {
      body = `<system-out>${text(`${STATUS_LABEL[f.status]} (${f.severity}, below --fail-on ${failOn}).\n${details(f)}`)}</system-out>`;
    }
    suite.cases.push(testcase(name, `${f.id}: ${f.title}`, body));
  }
  return suite;
}

function details(f: Finding): string {
  const lines = [`${STATUS_LABEL[f.status]} (${f.severity}): ${f.title}`, `The law: ${f.source}`];
  for (const e of f.evidence) {
    const where = evidenceWhere(e);
    lines.push(`Found only: "${clean(e.quote)}"${where ? ` (${where})` : ''}`);
  }
  lines.push(`Why it matters: ${f.why}`, `What to add: ${f.advice}`);
  if (f.searched.length) lines.push(`Looked for: ${f.searched.join('; ')}`);
  for (const n of f.notes ?? []) lines.push(`Note: ${n}`);
  if (f.docs) lines.push(`Rule: ${f.docs}`);
  return lines.map(clean).join('\n');
}

function schoolProperties(l: ResultLine): [string, string][] {
  const p: [string, string][] = [['key', l.school.key], ['asOf', l.asOf], ['outcome', l.status]];
  if (l.school.url) p.push(['url', l.school.url]);
  return p;
}

function testcase(classname: string, name: string, body: string): string {
  return `    <testcase classname="${attr(classname)}" name="${attr(name)}" time="0"${body ? `>\n      ${body}\n    </testcase>` : '/>'}`;
}

function document(suites: Suite[]): string {
  const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="senaudit" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="0">`,
  ];
  suites.forEach((s, i) => {
    out.push(
      `  <testsuite name="${attr(s.name)}" id="${i}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="0">`,
    );
    if (s.properties.length) {
      out.push('    <properties>');
      for (const [k, v] of s.properties) out.push(`      <property name="${attr(k)}" value="${attr(v)}"/>`);
      out.push('    </properties>');
    }
    out.push(...s.cases, '  </testsuite>');
  });
  out.push('</testsuites>', '');
  return out.join('\n');
}

// XML 1.0: control characters are not allowed at all (even escaped), so they are removed first.
function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An attribute value: one line. */
function attr(s: string): string {
  return xml(clean(s));
}

/** Element text: line breaks kept, every line cleaned. */
function text(s: string): string {
  return s.split('\n').map((l) => xml(clean(l))).join('\n');
}

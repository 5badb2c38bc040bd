import type { AuditReport } from '../audit/report.js';
import type { ResultLine } from '../batch/types.js';
import type { Finding } from '../rules/types.js';
import { batchOutcomeLabel, batchSchoolName, type BatchMeta } from './batch-common.js';
import { clean, evidenceWhere, groupByStatus, isWebUrl, reportDate, reportHeading, schoolTypeName, STATUS_LABEL, summaryLine } from './common.js';
import { kindNotice } from './kind-notice.js';

/**
 * `--format markdown`: a report a governor or officer can paste into an email or a board paper.
 * What is missing comes first, each with the law it comes from, why it matters and what to add;
 * then what is partly there, what is met with its evidence, and what does not apply.
 */
export function formatMarkdown(report: AuditReport): string {
  return `${auditSection(report, 1, `SEN information report audit: ${md(reportHeading(report))}`).join('\n')}\n`;
}

/** The batch report in markdown: a table of schools by outcome, then a section per school. */
export function formatBatchMarkdown(lines: Iterable<ResultLine>, meta: BatchMeta = {}): string {
  const all = [...lines];
  const out: string[] = [`# ${md(meta.title ?? 'SEN information report audit')}`, ''];
  const asOf = [...new Set(all.map((l) => l.asOf))].sort();
  out.push(`${all.length} schools${asOf.length ? `, judged as of ${asOf.join(', ')}` : ''}.`, '');
  out.push('| school | outcome | missing | partly there | met |', '|---|---|---:|---:|---:|');
  for (const l of all) {
    const s = l.status === 'audited' ? l.report.summary : null;
    out.push(`| ${md(batchSchoolName(l))} | ${md(batchOutcomeLabel(l))} | ${s?.missing ?? ''} | ${s?.partial ?? ''} | ${s?.met ?? ''} |`);
  }
  for (const l of all) {
    out.push('');
    const name = `${md(batchSchoolName(l))}${l.school.urn ? ` (URN ${md(l.school.urn)})` : ''}`;
    if (l.status === 'audited') {
      out.push(...auditSection(l.report, 2, name, l.reportUrl));
      continue;
    }
    out.push(`## ${name}`, '');
    if (l.school.url) out.push(`- **Website:** ${link(l.school.url)}`);
    out.push(`- **Outcome:** ${md(batchOutcomeLabel(l))}`);
    if (l.status === 'not_found') out.push(`- **Why:** ${md(l.message)}`);
    if (l.status === 'error') out.push(`- **Why:** ${md(l.error.message)}`);
    if (l.status === 'skipped') out.push(`- **Why:** ${md(l.reason)}`);
  }
  return `${out.join('\n')}\n`;
}

function auditSection(report: AuditReport, level: number, heading: string, reportUrl?: string): string[] {
  const h = (n: number) => '#'.repeat(Math.min(level + n, 6));
  const d = report.document;
  const out: string[] = [`${h(0)} ${heading}`, ''];
  const notice = kindNotice(d.kind, d.kindReason);
  if (notice) out.push(`> **Check the document first.** ${md(notice)}`, '');
  out.push(
    `- **Report:** ${link(reportUrl ?? report.finalUrl ?? report.target)}`,
    `- **Date of the report:** ${md(reportDate(d))}`,
    `- **Judged as:** ${md(schoolTypeName(report.schoolType))} school, as of ${md(report.asOf)}`,
    `- **Rules:** ${md(`${report.ruleset.id} ${report.ruleset.version}`)}`,
    `- **Result:** ${summaryLine(report.summary)}`,
  );
  for (const w of d.warnings) out.push(`- **Note:** ${md(w)}`);
  for (const group of groupByStatus(report.results)) {
    out.push('', `${h(1)} ${STATUS_LABEL[group.status]} (${group.items.length})`);
    // Gaps get a heading each; what is met or does not apply is one tight list.
    if (group.status === 'met' || group.status === 'not_applicable') out.push('');
    for (const f of group.items) {
      if (group.status === 'missing' || group.status === 'partial') out.push('', ...gap(f, h(2)));
      else if (group.status === 'met') out.push(...met(f));
      else out.push(`- **${md(f.title)}** (${code(f.id)}): ${md(f.reason ?? 'does not apply to this school type.')}`);
    }
  }
  return out;
}

function gap(f: Finding, h: string): string[] {
  const out = [`${h} ${md(f.title)} (${f.severity})`, ''];
  for (const e of f.evidence) out.push(`- **Found only:** ${quote(e.quote)}${where(e)}`);
  out.push(`- **The law:** ${md(f.source)}`, `- **Why it matters:** ${md(f.why)}`, `- **What to add:** ${md(f.advice)}`);
  if (f.searched.length) out.push(`- **Looked for:** ${f.searched.map(md).join('; ')}`);
  for (const n of f.notes ?? []) out.push(`- **Note:** ${md(n)}`);
  out.push(`- **Rule:** ${f.docs && isWebUrl(f.docs) ? `[${code(f.id)}](${f.docs})` : code(f.id)}`);
  return out;
}

function met(f: Finding): string[] {
  const out = [`- **${md(f.title)}** (${md(f.source)})`];
  for (const e of f.evidence) out.push(`  - ${quote(e.quote)}${where(e)}`);
  for (const n of f.notes ?? []) out.push(`  - Note: ${md(n)}`);
  return out;
}

function where(e: Finding['evidence'][number]): string {
  const w = evidenceWhere(e);
  return w ? ` (${md(w)})` : '';
}

function quote(s: string): string {
  return `\u201c${md(s)}\u201d`;
}

function code(id: string): string {
  return `\`${clean(id).replace(/`/g, "'")}\``;
}

export function link(target: string): string {
  // Characters that would end or break a link destination are percent-encoded.
  if (isWebUrl(target)) return `[${md(target)}](${target.replace(/[()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
  return md(target);
}

/**
 * Quoted and rule text made literal in markdown: the characters that start emphasis, links,
 * code, HTML, tables and strikethrough are backslash-escaped, and an "&" that would read as an
 * entity. Text is always placed mid-line, so line-start markers need no escaping.
 */
export function md(s: string): string {
  return clean(s)
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

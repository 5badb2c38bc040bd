import type { AuditReport } from '../audit/report.js';
import type { Finding } from '../rules/types.js';
import { evidenceWhere, groupByStatus, reportDate, reportHeading, schoolTypeName, STATUS_LABEL, summaryLine } from './common.js';
import { type Block, bullet, heading, labelled, linkLine, packDocx, para } from './docx-parts.js';
import { kindNotice } from './kind-notice.js';

/**
 * `audit --format docx`: the gap report as a Word document a governor can attach to board papers,
 * in the order of the Markdown report: what is missing first (the law, why, what to add), then
 * what is partly there, what is met with its evidence, and what does not apply.
 */
export function formatDocx(report: AuditReport): Promise<Buffer> {
  const d = report.document;
  const title = `SEN information report audit: ${reportHeading(report)}`;
  const b: Block[] = [heading(title, 1)];
  const notice = kindNotice(d.kind, d.kindReason);
  if (notice) b.push(labelled('Check the document first.', notice));
  b.push(
    linkLine('Report:', report.finalUrl ?? report.target),
    labelled('Date of the report:', reportDate(d)),
    labelled('Judged as:', `${schoolTypeName(report.schoolType)} school, as of ${report.asOf}`),
    labelled('Rules:', `${report.ruleset.id} ${report.ruleset.version}`),
    labelled('Result:', summaryLine(report.summary)),
  );
  for (const w of d.warnings) b.push(labelled('Note:', w));
  for (const group of groupByStatus(report.results)) {
    b.push(heading(`${STATUS_LABEL[group.status]} (${group.items.length})`, 2));
    for (const f of group.items) {
      if (group.status === 'missing' || group.status === 'partial') b.push(...gap(f));
      else if (group.status === 'met') b.push(bullet(`${f.title}: \u201c${f.evidence[0]?.quote ?? ''}\u201d${where(f)}`));
      else b.push(bullet(`${f.title}: ${f.reason ?? 'does not apply to this school type.'}`));
    }
  }
  return packDocx(title, b);
}

function gap(f: Finding): Block[] {
  const out = [heading(`${f.title} (${f.severity})`, 3)];
  for (const e of f.evidence) out.push(labelled('Found only:', `\u201c${e.quote}\u201d${evidenceWhere(e) ? ` (${evidenceWhere(e)})` : ''}`));
  out.push(labelled('The law:', f.source), labelled('Why it matters:', f.why), labelled('What to add:', f.advice));
  if (f.searched.length) out.push(labelled('Looked for:', f.searched.join('; ')));
  for (const n of f.notes ?? []) out.push(labelled('Note:', n));
  return out;
}

function where(f: Finding): string {
  const w = f.evidence[0] ? evidenceWhere(f.evidence[0]) : '';
  return w ? ` (${w})` : '';
}

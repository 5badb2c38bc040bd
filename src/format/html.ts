import type { AuditReport } from '../audit/report.js';
import type { ResultLine } from '../batch/types.js';
import type { Finding, Status } from '../rules/types.js';
import {
  batchOutcome,
  batchSchoolName,
  batchWhyNot,
  OUTCOME_LABEL,
  OUTCOME_ORDER,
  ruleShares,
  type BatchMeta,
  type BatchOutcome,
  type RuleShare,
} from './batch-common.js';
import { clean, evidenceWhere, groupByStatus, isWebUrl, reportDate, reportHeading, schoolTypeName, STATUS_LABEL, STATUS_ORDER, summaryLine } from './common.js';
import { kindNotice } from './kind-notice.js';

/**
 * `--format html`: one self-contained page (inline CSS, no scripts, no external assets) that
 * reads on screen and prints well. Status is always shown in words as well as colour.
 */
export function formatHtml(report: AuditReport): string {
  const title = `SEN information report audit: ${clean(reportHeading(report))}`;
  return page(title, `<h1>${esc(title)}</h1>\n${auditBody(report, 1)}`);
}

/**
 * The batch report: an overview table of schools by outcome, an inline SVG chart of the share of
 * audited schools meeting each requirement, and a section per school. Accepts any iterable of
 * result lines (read once), in the order they should appear.
 */
export function formatBatchHtml(lines: Iterable<ResultLine>, meta: BatchMeta = {}): string {
  const all = [...lines];
  const title = clean(meta.title ?? 'SEN information report audit');
  const out: string[] = [`<h1>${esc(title)}</h1>`];
  const asOf = [...new Set(all.map((l) => l.asOf))].sort();
  const audited = all.filter((l) => l.status === 'audited').length;
  out.push(`<p>${all.length} schools, ${audited} audited${asOf.length ? `; judged as of ${esc(asOf.join(', '))}` : ''}.</p>`);

  out.push('<section aria-labelledby="overview">', '<h2 id="overview">Schools by outcome</h2>');
  out.push('<table class="counts">', '<caption>Number of schools with each outcome</caption>');
  out.push('<thead><tr><th scope="col">Outcome</th><th scope="col">Schools</th></tr></thead>', '<tbody>');
  for (const o of OUTCOME_ORDER) {
    const n = all.filter((l) => batchOutcome(l) === o).length;
    out.push(`<tr><th scope="row">${outcomeBadge(o)}</th><td>${n}</td></tr>`);
  }
  out.push('</tbody>', '</table>');
  out.push('<table class="schools">', '<caption>Each school, in input order</caption>');
  out.push(
    '<thead><tr><th scope="col">School</th><th scope="col">URN</th><th scope="col">Outcome</th>' +
      '<th scope="col">Missing</th><th scope="col">Partly there</th><th scope="col">Met</th><th scope="col">Report</th></tr></thead>',
    '<tbody>',
  );
  all.forEach((l, i) => {
    const s = l.status === 'audited' ? l.report.summary : null;
    const report =
      l.status === 'audited' && isWebUrl(l.reportUrl) ? `<a href="${esc(l.reportUrl)}">report<span class="vh"> of ${esc(batchSchoolName(l))}</span></a>` : '';
    out.push(
      `<tr><th scope="row"><a href="#${schoolAnchor(l, i)}">${esc(batchSchoolName(l))}</a></th><td>${esc(l.school.urn ?? '')}</td>` +
        `<td>${outcomeBadge(batchOutcome(l))}</td><td class="num">${s?.missing ?? ''}</td><td class="num">${s?.partial ?? ''}</td>` +
        `<td class="num">${s?.met ?? ''}</td><td>${report}</td></tr>`,
    );
  });
  out.push('</tbody>', '</table>', '</section>');

  const shares = ruleShares(all);
  if (shares.length) {
    out.push('<section aria-labelledby="chart">', '<h2 id="chart">Share of audited schools meeting each requirement</h2>');
    out.push(chart(shares), '</section>');
  }

  all.forEach((l, i) => {
    const name = `${batchSchoolName(l)}${l.school.urn ? ` (URN ${clean(l.school.urn)})` : ''}`;
    out.push(`<section class="school" aria-labelledby="${schoolAnchor(l, i)}">`, `<h2 id="${schoolAnchor(l, i)}">${esc(name)}</h2>`);
    if (l.status === 'audited') out.push(auditBody(l.report, 2, l.reportUrl));
    else {
      out.push('<dl class="meta">');
      if (l.school.url) out.push(`<dt>Website</dt><dd>${webLink(l.school.url)}</dd>`);
      out.push(`<dt>Outcome</dt><dd>${outcomeBadge(batchOutcome(l))}</dd>`);
      out.push(`<dt>Why</dt><dd>${esc(clean(batchWhyNot(l) ?? ''))}</dd>`, '</dl>');
    }
    out.push('</section>');
  });
  return page(title, out.join('\n'));
}

function auditBody(report: AuditReport, level: number, reportUrl?: string): string {
  const h = (n: number, text: string, attrs = '') => `<h${Math.min(level + n, 6)}${attrs}>${text}</h${Math.min(level + n, 6)}>`;
  const d = report.document;
  const out: string[] = [];
  const notice = kindNotice(d.kind, d.kindReason);
  if (notice) out.push(`<p class="notice"><strong>Check the document first.</strong> ${esc(notice)}</p>`);
  out.push(
    '<dl class="meta">',
    `<dt>Report</dt><dd>${webLink(reportUrl ?? report.finalUrl ?? report.target)}</dd>`,
    `<dt>Date of the report</dt><dd>${esc(reportDate(d))}</dd>`,
    `<dt>Judged as</dt><dd>${esc(schoolTypeName(report.schoolType))} school, as of ${esc(report.asOf)}</dd>`,
    `<dt>Rules</dt><dd>${esc(`${report.ruleset.id} ${report.ruleset.version}`)}</dd>`,
    `<dt>Result</dt><dd>${esc(summaryLine(report.summary))}</dd>`,
    '</dl>',
  );
  for (const w of d.warnings) out.push(`<p class="notice"><strong>Note:</strong> ${esc(w)}</p>`);
  out.push('<table class="counts">', '<caption>Rules by status</caption>', '<thead><tr><th scope="col">Status</th><th scope="col">Rules</th></tr></thead>', '<tbody>');
  const counts: Record<Status, number> = {
    missing: report.summary.missing,
    partial: report.summary.partial,
    met: report.summary.met,
    not_applicable: report.summary.notApplicable,
  };
  for (const s of STATUS_ORDER) out.push(`<tr><th scope="row">${statusBadge(s)}</th><td>${counts[s]}</td></tr>`);
  out.push('</tbody>', '</table>');
  for (const group of groupByStatus(report.results)) {
    out.push(h(1, `${esc(STATUS_LABEL[group.status])} (${group.items.length})`));
    for (const f of group.items) out.push(finding(f, (text) => h(2, text)));
  }
  return out.join('\n');
}

function finding(f: Finding, heading: (text: string) => string): string {
  const out = [`<article class="finding ${f.status}">`, heading(`${statusBadge(f.status)} ${esc(f.title)}`), '<dl>'];
  const gap = f.status === 'missing' || f.status === 'partial';
  if (gap) out.push(`<dt>Severity</dt><dd>${esc(f.severity)}</dd>`);
  out.push(`<dt>The law</dt><dd>${esc(f.source)}</dd>`);
  if (f.evidence.length) {
    out.push(`<dt>${gap ? 'Found only' : 'Evidence'}</dt>`);
    for (const e of f.evidence) {
      const where = evidenceWhere(e);
      out.push(`<dd><q>${esc(e.quote)}</q>${where ? ` <span class="where">(${esc(where)})</span>` : ''}</dd>`);
    }
  }
  if (gap) {
    out.push(`<dt>Why it matters</dt><dd>${esc(f.why)}</dd>`, `<dt>What to add</dt><dd>${esc(f.advice)}</dd>`);
    if (f.searched.length) out.push(`<dt>Looked for</dt><dd>${esc(f.searched.join('; '))}</dd>`);
  }
  for (const n of f.notes ?? []) out.push(`<dt>Note</dt><dd>${esc(n)}</dd>`);
  if (f.status === 'not_applicable' && f.reason) out.push(`<dt>Why not</dt><dd>${esc(f.reason)}</dd>`);
  out.push(`<dt>Rule</dt><dd>${isWebUrl(f.docs) ? `<a href="${esc(f.docs)}"><code>${esc(f.id)}</code></a>` : `<code>${esc(f.id)}</code>`}</dd>`);
  out.push('</dl>', '</article>');
  return out.join('\n');
}

// The chart: one row per requirement, a bar for the share met (and partly met), the numbers in
// words beside it, and a <title> per row for screen readers and hover.
const CHART = { width: 900, label: 430, bar: 300, row: 26, top: 8, gap: 8 };
// SVG text does not wrap and anything past the viewBox is clipped, so the chart is made wide
// enough for its longest value ("3334 of 10002 met (33%), 6668 partly"). The browser's font is
// not known here, so each character is counted at 0.62em, above the average advance of these
// digits and words in common sans-serif faces (about 0.55em in DejaVu Sans and Arial), at the
// 13px of the value text.
const VALUE_CHAR_WIDTH = 13 * 0.62;

function chart(shares: RuleShare[]): string {
  const height = CHART.top * 2 + shares.length * CHART.row;
  const barX = CHART.label + 10;
  const valueX = barX + CHART.bar + CHART.gap;
  const longest = Math.max(...shares.map((s) => shareText(s).length));
  const width = Math.max(CHART.width, Math.ceil(valueX + longest * VALUE_CHAR_WIDTH + CHART.gap));
  const out = [
    `<figure><svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="chart-title">Share of audited schools meeting each requirement</title>',
    `<desc id="chart-desc">${esc(shares.map((s) => `${s.title}: ${shareText(s)}`).join('; '))}.</desc>`,
  ];
  shares.forEach((s, i) => {
    const y = CHART.top + i * CHART.row;
    const metW = s.applies ? Math.round((CHART.bar * s.met) / s.applies) : 0;
    const partW = s.applies ? Math.round((CHART.bar * s.partial) / s.applies) : 0;
    const label = s.title.length > 62 ? `${s.title.slice(0, 61).trimEnd()}\u2026` : s.title;
    out.push(
      `<g><title>${esc(`${s.title}: ${shareText(s)}`)}</title>`,
      `<text x="${CHART.label}" y="${y + 17}" text-anchor="end" class="label">${esc(clean(label))}</text>`,
      `<rect x="${barX}" y="${y + 4}" width="${CHART.bar}" height="18" class="track"/>`,
      metW ? `<rect x="${barX}" y="${y + 4}" width="${metW}" height="18" class="met"/>` : '',
      partW ? `<rect x="${barX + metW}" y="${y + 4}" width="${partW}" height="18" class="partial"/>` : '',
      `<text x="${valueX}" y="${y + 17}" class="value">${esc(shareText(s))}</text></g>`,
    );
  });
  out.push('</svg>');
  out.push(
    '<figcaption>Bars: <span class="key met-key">met</span>, <span class="key partial-key">partly there</span>, of the audited schools the requirement applies to.</figcaption>',
    '</figure>',
  );
  return out.filter((line) => line !== '').join('\n');
}

function shareText(s: RuleShare): string {
  if (!s.applies) return 'applies to none';
  const pct = Math.round((100 * s.met) / s.applies);
  return `${s.met} of ${s.applies} met (${pct}%)${s.partial ? `, ${s.partial} partly` : ''}`;
}

function statusBadge(s: Status): string {
  return `<span class="badge s-${s}">${esc(STATUS_LABEL[s])}</span>`;
}

function outcomeBadge(o: BatchOutcome): string {
  return `<span class="badge o-${o}">${esc(OUTCOME_LABEL[o])}</span>`;
}

function schoolAnchor(l: ResultLine, i: number): string {
  return `school-${i + 1}-row-${l.school.row}`;
}

function webLink(target: string, text?: string): string {
  const shown = esc(clean(text ?? target));
  return isWebUrl(target) ? `<a href="${esc(target)}">${shown}</a>` : shown;
}

/** Escapes text for HTML content and quoted attributes, after removing control characters. */
export function esc(s: string): string {
  return clean(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Colours: dark text on pale fills, every pair above 7:1 contrast; the words carry the meaning.
const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2rem; overflow-wrap: anywhere; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 0 0 .4rem; }
a { color: #0b4f8a; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border: 1px solid #6b6b6b; padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.num { text-align: right; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.finding { border: 1px solid #6b6b6b; border-left-width: 6px; padding: .6rem .9rem; margin: .8rem 0; break-inside: avoid; }
.finding dl { margin: 0; }
.finding dt { font-weight: 600; margin-top: .3rem; }
.finding dd { margin-left: 1rem; }
.finding.missing { border-left-color: #a4000f; }
.finding.partial { border-left-color: #8a5a00; }
.finding.met { border-left-color: #1e6b30; }
.finding.not_applicable { border-left-color: #595959; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: .25rem; padding: 0 .4rem; font-size: .9em; font-weight: 600; white-space: nowrap; }
.s-missing, .o-gaps, .o-error { color: #7a0010; background: #fde7e9; }
.s-partial, .o-not_found { color: #5c3b00; background: #fff2cc; }
.s-met, .o-all_met { color: #0f4d1f; background: #e3f4e6; }
.s-not_applicable, .o-skipped { color: #3d3d3d; background: #efefef; }
.notice { border: 2px solid #5c3b00; background: #fff2cc; color: #3d2700; padding: .5rem .8rem; }
.where { color: #4a4a4a; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
q { font-style: italic; }
figure { margin: 1rem 0; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart .label, svg.chart .value { font-size: 13px; fill: #1a1a1a; }
svg.chart .track { fill: #efefef; stroke: #6b6b6b; stroke-width: 1; }
svg.chart .met { fill: #1e6b30; }
svg.chart .partial { fill: #c98a00; }
.key { display: inline-block; padding: 0 .4rem; border-radius: .2rem; }
.met-key { background: #1e6b30; color: #fff; }
.partial-key { background: #c98a00; color: #1a1a1a; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h2, h3, h4 { break-after: avoid; }
  section.school { break-before: page; }
  .finding, tr, figure { break-inside: avoid; }
  .badge, .notice, svg.chart, .key { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

import type { Finding } from '../rules/types.js';
import { reportDateAgrees } from './dates.js';
import { addConfusion, emptyConfusion, gapCounts, ratio, STATUSES } from './metrics.js';
import type { AuditedDocument, DateComparison, Disagreement, DocumentLabel, EvalResult, LabelStatus, RequirementScore } from './types.js';

/**
 * Compares our reports with the labels, requirement by requirement. Pure arithmetic: the
 * requirements scored are those the labels give (the 23 content requirements), in the order
 * of the first labelled document; documents without a report are left out.
 */
export function compareWithLabels(reports: AuditedDocument[], labels: DocumentLabel[]): EvalResult {
  const byId = new Map(reports.map((r) => [r.id, r.report]));
  const docs = labels.filter((l) => byId.has(l.id));
  const requirements = [...new Set(docs.flatMap((d) => Object.keys(d.labels)))];
  const confusions = new Map(requirements.map((id) => [id, emptyConfusion()]));
  const disagreements: Disagreement[] = [];

  for (const doc of docs) {
    const report = byId.get(doc.id)!;
    const findings = new Map(report.results.map((f) => [f.id, f]));
    for (const req of requirements) {
      const label = doc.labels[req];
      if (!label) continue;
      const finding = findings.get(req);
      const ours = ourStatus(finding);
      confusions.get(req)![label.status][ours]++;
      if (ours !== label.status) {
        disagreements.push({
          doc: doc.id,
          requirement: req,
          ours,
          label: label.status,
          evidence: finding?.evidence ?? [],
          searched: finding ? finding.searched : ['(no rule with this id in the rule set)'],
          labelQuote: label.quote,
        });
      }
    }
  }

  const perRequirement = requirements.map((id) => score(id, confusions.get(id)!));
  const total = emptyConfusion();
  for (const c of confusions.values()) addConfusion(total, c);
  const pairs = perRequirement.reduce((n, r) => n + r.pairs, 0);
  const agree = perRequirement.reduce((n, r) => n + r.agree, 0);

  const kindMisses = docs
    .map((d) => ({ doc: d.id, ours: byId.get(d.id)!.document.kind, label: d.kind }))
    .filter((k) => k.ours !== k.label);

  const dates: DateComparison[] = docs.map((d) => {
    const ours = textDate(byId.get(d.id)!);
    return { doc: d.id, ours, label: d.report_date, agrees: reportDateAgrees(ours, d.report_date) };
  });
  const dated = dates.filter((d) => d.label !== null);
  const undated = dates.filter((d) => d.label === null);

  return {
    documents: docs.length,
    requirements,
    overall: { pairs, agree, agreement: pairs ? agree / pairs : 0, gaps: gapCounts(total) },
    perRequirement,
    kind: { total: docs.length, correct: docs.length - kindMisses.length, accuracy: docs.length ? (docs.length - kindMisses.length) / docs.length : 0, misses: kindMisses },
    reportDate: {
      dated: dated.length,
      datedAgree: dated.filter((d) => d.agrees).length,
      datedAgreement: ratio(dated.filter((d) => d.agrees).length, dated.length),
      undated: undated.length,
      undatedCorrect: undated.filter((d) => d.agrees).length,
      nullCorrectShare: ratio(undated.filter((d) => d.agrees).length, undated.length),
      misses: dates.filter((d) => !d.agrees),
    },
    disagreements,
  };
}

/** A rule that does not apply, or is absent, reports no content: it counts as missing. */
function ourStatus(finding: Finding | undefined): LabelStatus {
  if (!finding || finding.status === 'not_applicable') return 'missing';
  return finding.status;
}

/**
 * The labels judge the text only, so a date we fell back to from PDF metadata or HTTP headers
 * is compared as "no date in the text".
 */
function textDate(report: AuditedDocument['report']): string | null {
  return report.document.dateSource === 'text' ? report.document.date : null;
}

function score(id: string, confusion: RequirementScore['confusion']): RequirementScore {
  let pairs = 0;
  let agree = 0;
  for (const l of STATUSES) {
    for (const o of STATUSES) {
      pairs += confusion[l][o];
      if (l === o) agree += confusion[l][o];
    }
  }
  return { id, pairs, agree, agreement: pairs ? agree / pairs : 0, gaps: gapCounts(confusion), confusion };
}

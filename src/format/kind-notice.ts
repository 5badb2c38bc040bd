import type { DocumentKind } from '../audit/report.js';

const KIND_NAMES: Record<DocumentKind, string> = {
  report: "a school's SEN information report",
  policy: "a school SEN policy, not the SEN information report",
  la_page: "a local authority or advice-service page, not a school's SEN information report",
  template: 'a blank template, not a completed SEN information report',
  link_page: 'a page that only links to the SEN information report',
  other: "not a school's SEN information report",
};

/** The plain sentence put at the top of the output when the input is not a report. */
export function kindNotice(kind: DocumentKind, reason: string): string | null {
  if (kind === 'report') return null;
  return `This does not look like a SEN information report: it looks like ${KIND_NAMES[kind]}. ${reason} The findings below judge it as if it were the report.`;
}

import type { DocumentKind } from '../audit/report.js';

/** What the document looks like instead, as the first sentence of the notice. */
const LEADS: Record<Exclude<DocumentKind, 'report'>, string> = {
  policy: "This looks like the school's SEN policy rather than its SEN information report.",
  la_page: "This looks like a local authority or advice-service page rather than a school's SEN information report.",
  template: 'This looks like a blank template rather than a completed SEN information report.',
  link_page: 'This looks like a page that links to the SEN information report rather than the report itself.',
  other: "This does not look like a school's SEN information report.",
};

/**
 * The plain sentences put at the top of the output when the input is not a report: what it looks
 * like, why (the classifier's reason, without its own "This looks like ...:" lead), and what the
 * findings below are worth.
 */
export function kindNotice(kind: DocumentKind, reason: string): string | null {
  if (kind === 'report') return null;
  const why = reason.replace(/^This (?:looks like|does not look like)[^:]*:\s*/, '');
  const because = why ? ` ${why.charAt(0).toUpperCase()}${why.slice(1)}` : '';
  return `${LEADS[kind]}${because} The findings below judge it as if it were the report: audit the report itself for a fair result.`;
}

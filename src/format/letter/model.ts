import type { AuditReport } from '../../audit/report.js';
import type { ResultLine } from '../../batch/types.js';
import type { Finding } from '../../rules/types.js';
import { clean, isGap, reportDate } from '../common.js';
import { fillPlaceholders, type LetterSettings } from './settings.js';

// One school's letter as plain data: what the Markdown and Word renderings both show. Every
// sentence about a requirement comes from the rule's own fields (title, why, fix as `advice`,
// source), never retyped here.

export interface LetterGap {
  title: string;
  status: 'missing' | 'partial';
  severity: Finding['severity'];
  why: string;
  source: string;
  fix: string;
  /** For a partial gap: what the report says now. */
  quote: string | null;
}

export interface Letter {
  /** The authority, the service and the address lines. */
  heading: string[];
  /** "5 December 2026". */
  date: string;
  school: string;
  urn: string | null;
  subject: string;
  greeting: string;
  opening: string;
  /** The report audited: its address and the date found in it (null when the report was not found). */
  report: { url: string; date: string } | null;
  /** Said instead of the gaps when no report was found on the site. */
  notFound: string | null;
  gaps: LetterGap[];
  /** Titles of what the report already does (empty when `includeMet` is off). */
  met: string[];
  closing: string;
  replyBy: string;
  signOff: string[];
}

export const NOTHING_MISSING = 'We found nothing missing: the report covers every requirement we check.';

export function replyLine(l: Letter): string {
  return `Please reply by ${l.replyBy}.`;
}

/** Which results get a letter: a school audited, or whose report could not be found. */
export function wantsLetter(line: ResultLine): line is Extract<ResultLine, { status: 'audited' | 'not_found' }> {
  return line.status === 'audited' || line.status === 'not_found';
}

export function buildLetter(line: Extract<ResultLine, { status: 'audited' | 'not_found' }>, settings: LetterSettings): Letter {
  const school = clean(line.school.name ?? '') || (line.school.urn ? `URN ${line.school.urn}` : 'your school');
  const urn = line.school.urn ? clean(line.school.urn) : null;
  const replyBy = longDate(settings.replyBy ?? addDays(line.asOf, settings.replyWithinDays));
  const values = { school, urn: urn ?? '', replyBy };
  const audited = line.status === 'audited' ? line.report : null;
  return {
    heading: [settings.authority, settings.service, ...settings.address].filter((s): s is string => Boolean(s)),
    date: longDate(line.asOf),
    school,
    urn,
    subject: `SEN information report: ${school}${urn ? ` (URN ${urn})` : ''}`,
    greeting: 'Dear Headteacher and SENCO,',
    opening: fillPlaceholders(settings.opening, values),
    report: line.status === 'audited' ? { url: clean(line.reportUrl), date: reportDate(line.report.document) } : null,
    notFound: line.status === 'not_found' ? notFoundParagraph(line.message) : null,
    gaps: audited ? gapsOf(audited) : [],
    met: audited && settings.includeMet ? audited.results.filter((f) => f.status === 'met').map((f) => clean(f.title)) : [],
    closing: fillPlaceholders(settings.closing, values),
    replyBy,
    signOff: settings.officer
      ? [settings.officer.name, settings.officer.role, settings.service ?? settings.authority, settings.officer.email, settings.officer.phone].filter(
          (s): s is string => Boolean(s),
        )
      : [settings.service ?? settings.authority],
  };
}

function gapsOf(report: AuditReport): LetterGap[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return report.results
    .filter(isGap)
    .sort((a, b) => rank[a.severity] - rank[b.severity] || (a.status === b.status ? 0 : a.status === 'missing' ? -1 : 1))
    .map((f) => ({
      title: clean(f.title),
      status: f.status as LetterGap['status'],
      severity: f.severity,
      why: clean(f.why),
      source: clean(f.source),
      fix: clean(f.advice),
      quote: f.status === 'partial' && f.evidence[0] ? clean(f.evidence[0].quote) : null,
    }));
}

function notFoundParagraph(message: string): string {
  return `We could not find an SEN information report on your website. Section 69 of the Children and Families Act 2014 and regulation 51 of the SEND Regulations 2014 require schools to publish one on their website, and the SEND Code of Practice (paragraph 6.79) says it should be updated every year. ${clean(message)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-12-05" -> "5 December 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

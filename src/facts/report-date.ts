// The report's own date (judging-guide.md, "report_date"): the latest date the document gives
// for itself, written, reviewed, updated, approved, or the school year it is for. Only when the
// text gives none do we fall back to a PDF's own metadata, and say so. A file's modification
// time or a server's Last-Modified header is never the report's date: copying, uploading or
// re-saving a file changes it.

import type { MetadataDate, SenDocument } from '../document/types.js';
import { judgeDate } from './date-context.js';
import { findDateMentions, type DateMention } from './date-mentions.js';

export { isWithinMonths, monthsBetween } from './months.js';

export type ReportDateSource = 'text' | MetadataDate['source'];

export interface ReportDate {
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (a school year is its start year: "2024-25" -> '2024'). */
  value: string | null;
  /** The words the date was taken from (text dates only). */
  quote: string | null;
  source: ReportDateSource | null;
}

interface Candidate {
  mention: DateMention;
  quote: string;
}

/** A date standing alone in one of the first blocks is a cover-page date. */
const TOP_BLOCKS = 12;
const MAX_COVER_DATES = 2;
const FALLBACK_ORDER: MetadataDate['source'][] = ['pdf-metadata'];
/**
 * A document that names itself an accessibility plan in its first lines: there, "Accessibility
 * Plan ... approved ..." dates this document, not another plan the report points to.
 */
const NAME_BLOCKS = 2;
/** A name line, not a sentence about a plan ("Our Accessibility Plan was approved in 2025."). */
const SELF_NAMED_PLAN = /^(?!(?:our|see|please|the\s+school['’]s|this)\b)[^.!?]{0,80}\baccessibility\s+plan\b(?![^.!?]*\b(?:see|read|found|available|was|is|were)\b)/i;
const SELF_NAMED_PLAN_ALL = /\baccessibility\s+plans?\b/gi;

/** Orders dates in time; a year alone sits at its sortMonth (September for a school year). */
function ordinal(m: DateMention): number {
  const [y, mo, d] = m.value.split('-').map(Number);
  return (y ?? 0) * 400 + ((mo ?? m.sortMonth) - 1) * 32 + (d ?? 1);
}

/**
 * Every date the text gives for the document itself. A date standing alone
 * near the top counts as a cover date, unless several do: then they are a list (news items,
 * term dates), not the document's date.
 */
function ownDates(doc: SenDocument): Candidate[] {
  const texts = [...(doc.title ? [doc.title] : []), ...doc.blocks.map((b) => b.text)];
  const itself = texts.slice(0, NAME_BLOCKS).some((t) => SELF_NAMED_PLAN.test(t)) ? SELF_NAMED_PLAN_ALL : null;
  const cued: Candidate[] = [];
  const placed: Candidate[] = [];
  texts.forEach((text, i) => {
    const mentions = findDateMentions(text);
    if (mentions.length === 0) return;
    const previous = [texts[i - 1] ?? '', texts[i - 2] ?? ''];
    for (const mention of mentions) {
      const verdict = judgeDate(text, mention, previous, i < TOP_BLOCKS, itself);
      if (verdict.role !== 'self') continue;
      (verdict.byPosition ? placed : cued).push({ mention, quote: verdict.quote });
    }
  });
  return placed.length <= MAX_COVER_DATES ? [...cued, ...placed] : cued;
}

/**
 * The latest of the document's own dates. Where the document names a school year and also a
 * day or month of its own within that year ("2020-21" and "agreed April 2020"), the guide's
 * label is the school year alone, so the year is what we give.
 */
function latest(candidates: Candidate[]): Candidate {
  let best = candidates[0]!;
  for (const c of candidates) if (ordinal(c.mention) > ordinal(best.mention)) best = c;
  if (best.mention.academic) return best;
  const [by, bm] = best.mention.value.split('-').map(Number) as [number, number | undefined];
  const month = bm ?? best.mention.sortMonth;
  const years = candidates.filter((c) => c.mention.academic).sort((a, b) => Number(b.mention.value) - Number(a.mention.value));
  for (const year of years) {
    const y = Number(year.mention.value);
    // Within: any month of calendar year y, or January to August of y+1 (the rest of that school year).
    if (by === y || (by === y + 1 && month <= 8)) return year;
  }
  return best;
}

/** The document's own date, or a labelled container date when the text gives none. */
export function findReportDate(doc: SenDocument): ReportDate {
  const own = ownDates(doc);
  if (own.length > 0) {
    const best = latest(own);
    return { value: best.mention.value, quote: best.quote, source: 'text' };
  }
  for (const source of FALLBACK_ORDER) {
    const found = doc.metadataDates.find((d) => d.source === source);
    if (found) return { value: found.date, quote: null, source };
  }
  return { value: null, quote: null, source: null };
}

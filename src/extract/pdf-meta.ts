import type { MetadataDate } from '../document/types.js';

// What a PDF's Info dictionary says about itself: a title, and the dates it was made and
// last changed (a labelled fallback for reports that do not say when they were reviewed).

/**
 * The calendar date of a PDF date string ("D:20240311133045+00'00'") as the author's clock
 * had it: the digits are read directly, since converting to UTC can move it a day.
 */
export function pdfDate(raw: unknown, fallback?: Date | null): string | null {
  if (typeof raw === 'string') {
    const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw.trim());
    if (m) {
      const [y, mo = '01', d = '01'] = [m[1]!, m[2], m[3]];
      if (validDate(Number(y), Number(mo), Number(d))) return `${y}-${mo}-${d}`;
    }
  }
  if (fallback instanceof Date && !Number.isNaN(fallback.getTime())) return fallback.toISOString().slice(0, 10);
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ModDate first (when it last changed), then CreationDate when it is a different day. */
export function metadataDates(
  info: Record<string, unknown> | undefined,
  parsed: { ModDate?: Date | null; CreationDate?: Date | null },
): MetadataDate[] {
  const out: MetadataDate[] = [];
  for (const key of ['ModDate', 'CreationDate'] as const) {
    const date = pdfDate(info?.[key], parsed[key]);
    if (date && !out.some((d) => d.date === date)) out.push({ date, source: 'pdf-metadata' });
  }
  return out;
}

/**
 * The Info Title when it names the document: "Microsoft Word - SEN report.docx" becomes
 * "SEN report"; empty or placeholder titles give null (the first heading is used instead).
 */
export function pdfTitle(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const title = raw
    .replace(/^Microsoft (?:Word|PowerPoint) - /i, '')
    .replace(/\.(?:docx?|pdf|pptx?|odt|rtf)$/i, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (!title || /^(?:untitled|title|document\d*|slide \d+)$/i.test(title)) return null;
  return title;
}

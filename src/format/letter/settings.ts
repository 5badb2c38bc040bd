import type { LettersConfig } from '../../config/schema.js';

/** A letter's settings with the defaults filled in (the `letters:` block of senaudit.config.yaml). */
export interface LetterSettings {
  authority: string;
  service: string | null;
  address: string[];
  officer: { name: string; role: string | null; email: string | null; phone: string | null } | null;
  /** A fixed reply date (YYYY-MM-DD), else `replyWithinDays` after the letter's date. */
  replyBy: string | null;
  replyWithinDays: number;
  opening: string;
  closing: string;
  includeMet: boolean;
}

export const DEFAULT_OPENING =
  'As part of our review of the SEN information reports that schools publish, we have read the report {school} publishes on its website. We checked it against what the law asks a report to contain: the Children and Families Act 2014 (section 69), the SEND Regulations 2014 (Schedule 1), the SEND Code of Practice (paragraphs 6.79 to 6.83) and the Equality Act 2010 (Schedule 10).';

export const DEFAULT_CLOSING =
  'Please update the report and let us know when the new version is on your website, by {replyBy}. If you think something listed here is already in your report, tell us where it is and we will look again.';

export function letterSettings(config: LettersConfig | undefined): LetterSettings {
  const c = config ?? {};
  return {
    authority: c.authority ?? 'The local authority',
    service: c.service ?? null,
    address: c.address ?? [],
    officer: c.officer ? { name: c.officer.name, role: c.officer.role ?? null, email: c.officer.email ?? null, phone: c.officer.phone ?? null } : null,
    replyBy: c.replyBy ?? null,
    replyWithinDays: c.replyWithinDays ?? 28,
    opening: c.opening ?? DEFAULT_OPENING,
    closing: c.closing ?? DEFAULT_CLOSING,
    includeMet: c.includeMet ?? true,
  };
}

/** {school}, {urn} and {replyBy} filled in (the config schema has already refused any other). */
export function fillPlaceholders(template: string, values: { school: string; urn: string; replyBy: string }): string {
  return template.replace(/\{(school|urn|replyBy)\}/g, (_, key: keyof typeof values) => values[key]);
}

import { z } from 'zod';
import { ruleSchema, rulesetInfoSchema } from '../rules/schema.js';
import { SCHOOL_TYPES, SEVERITIES } from '../rules/vocabulary.js';

/**
 * senaudit.config.yaml: which rules run (the built-in set and other files, extra rules,
 * severity overrides, disabled rules) and the defaults for --school-type, --as-of, --fail-on
 * and --check-links. Strict like rule files, so a misspelt key is an error, not ignored.
 */

/** The name `extends` uses for the built-in rule set. */
export const BUILTIN_NAME = 'senaudit:builtin';

const isoDate = z.string().refine(
  (v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  },
  { message: 'give a date as YYYY-MM-DD, e.g. 2026-09-01' },
);

const fileName = z.string().trim().min(1, 'a file name must not be empty');

/** The placeholders a letter's opening and closing paragraphs may use. */
export const LETTER_PLACEHOLDERS = ['school', 'urn', 'replyBy'] as const;

const letterText = z
  .string()
  .trim()
  .min(1, 'write the paragraph, or leave the key out for the default')
  .superRefine((v, ctx) => {
    for (const m of v.matchAll(/\{([^{}]*)\}/g)) {
      if (!(LETTER_PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
        ctx.addIssue({ code: 'custom', message: `"{${m[1]}}" is not a placeholder: use ${LETTER_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
      }
    }
  });

/**
 * `letters:` — what `batch --letters` and `merge --letters` put in each school's letter. Every
 * key is optional; the defaults are in src/format/letter/settings.ts.
 */
export const lettersSchema = z
  .strictObject({
    /** The authority's name, first line of the heading block (e.g. "Anyshire County Council"). */
    authority: z.string().trim().min(1).optional(),
    /** The service writing (e.g. "SEND Service"). */
    service: z.string().trim().min(1).optional(),
    /** Address lines under the authority's name. */
    address: z.array(z.string().trim().min(1)).optional(),
    officer: z
      .strictObject({
        name: z.string().trim().min(1),
        role: z.string().trim().min(1).optional(),
        email: z.string().trim().min(1).optional(),
        phone: z.string().trim().min(1).optional(),
      })
      .optional(),
    /** The date a reply is asked for, or... */
    replyBy: isoDate.optional(),
    /** ...the number of days after the letter's date (default 28). */
    replyWithinDays: z.number().int().min(1).max(365).optional(),
    /** The paragraph after the greeting; {school}, {urn} and {replyBy} are filled in. */
    opening: letterText.optional(),
    /** The paragraph before the sign-off; the same placeholders. */
    closing: letterText.optional(),
    /** List what the report already does well after the gaps (default true). */
    includeMet: z.boolean().optional(),
  })
  .refine((l) => !(l.replyBy && l.replyWithinDays), { message: 'give replyBy or replyWithinDays, not both' });
export type LettersConfig = z.infer<typeof lettersSchema>;

export const configFileSchema = z.strictObject({
  /** Names this configuration's rule set in reports (default: the first extended set's). */
  ruleset: rulesetInfoSchema.optional(),
  /** "senaudit:builtin", or rule or config files relative to this file, loaded in order. */
  extends: z.union([fileName, z.array(fileName).min(1, 'give at least one entry')]).optional(),
  /** Extra rules: a rule written here, or a rule file relative to this file. */
  rules: z.array(z.union([fileName, ruleSchema])).optional(),
  /** Rule id -> the severity to use instead of the rule's own. */
  severity: z.record(z.string(), z.enum(SEVERITIES)).optional(),
  /** Rule ids not to run. */
  disable: z.array(z.string().min(1)).optional(),
  schoolType: z.enum(SCHOOL_TYPES).optional(),
  asOf: isoDate.optional(),
  failOn: z.enum(SEVERITIES).optional(),
  checkLinks: z.boolean().optional(),
  /** The letters `batch --letters` writes to each school. */
  letters: lettersSchema.optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

/** Keys only a config file has: an `extends` entry with one of these is read as a config, not a rule file. */
export const CONFIG_ONLY_KEYS = ['extends', 'severity', 'disable', 'schoolType', 'asOf', 'failOn', 'checkLinks', 'letters'] as const;

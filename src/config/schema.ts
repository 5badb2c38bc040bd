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
});
export type ConfigFile = z.infer<typeof configFileSchema>;

/** Keys only a config file has: an `extends` entry with one of these is read as a config, not a rule file. */
export const CONFIG_ONLY_KEYS = ['extends', 'severity', 'disable', 'schoolType', 'asOf', 'failOn', 'checkLinks'] as const;

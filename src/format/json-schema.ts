import { z } from 'zod';
import { configFileSchema } from '../config/schema.js';
import { MATCHER_KINDS, matcherSchema, ruleIndexFileSchema, ruleListFileSchema, ruleSchema } from '../rules/schema.js';

/** Where the committed schema is published, for `# yaml-language-server: $schema=...`. */
export const RULE_SCHEMA_URL = 'https://raw.githubusercontent.com/senaudit/senaudit/main/docs/senaudit-rules.schema.json';
export const CONFIG_SCHEMA_URL = 'https://raw.githubusercontent.com/senaudit/senaudit/main/docs/senaudit-config.schema.json';

export const SCHEMA_KINDS = ['rule', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

type JsonObject = { [k: string]: unknown };

/**
 * The JSON Schema (draft-07, which editors support best) of a rule file: one rule, a `rules:`
 * list or a `files:` index, generated from the zod schemas the loader validates with. Checks zod
 * does in code (a regex compiles, a fact names one thing) stay with the loader; the one a
 * schema can say (a matcher has exactly one kind) is added here.
 */
export function ruleFileJsonSchema(): JsonObject {
  return generate(z.union([ruleSchema, ruleListFileSchema, ruleIndexFileSchema]), {
    $id: RULE_SCHEMA_URL,
    title: 'senaudit rule file',
    description: 'One rule (with "id"), a list of rules ("rules:") or an index of rule files ("files:"). See docs/rules.md and the README.',
  });
}

/** The JSON Schema of senaudit.config.yaml (extends, extra rules, severity overrides, disabled rules, defaults). */
export function configFileJsonSchema(): JsonObject {
  return generate(configFileSchema, {
    $id: CONFIG_SCHEMA_URL,
    title: 'senaudit configuration (senaudit.config.yaml)',
    description: 'Which rules run (extends, extra rules, severity overrides, disabled rules) and defaults for --school-type, --as-of, --fail-on and --check-links.',
  });
}

export function jsonSchemaFor(kind: SchemaKind): JsonObject {
  return kind === 'config' ? configFileJsonSchema() : ruleFileJsonSchema();
}

function generate(root: z.ZodType, head: { $id: string; title: string; description: string }): JsonObject {
  const registry = z.registry<{ id: string; title?: string; description?: string }>();
  registry.add(ruleSchema, { id: 'rule', title: 'A rule', description: 'One requirement: what the law asks for, and how to tell whether a report gives it.' });
  registry.add(matcherSchema, {
    id: 'matcher',
    title: 'A matcher',
    description: `What to look for: exactly one of ${MATCHER_KINDS.join(', ')}, with optional "in" (sentence roles), "within" (for all) and "matchCase" (for regex).`,
  });
  const schema = z.toJSONSchema(root, { target: 'draft-7', metadata: registry, unrepresentable: 'any' }) as JsonObject;
  const defs = schema['definitions'] as Record<string, JsonObject> | undefined;
  const matcher = defs?.['matcher'];
  // zod checks "exactly one matcher kind" in code; a schema can say it too.
  if (matcher) matcher['oneOf'] = MATCHER_KINDS.map((k) => ({ required: [k] }));
  return { $schema: schema['$schema'], ...head, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')) };
}

export function formatJsonSchema(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

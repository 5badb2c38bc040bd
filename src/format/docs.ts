import { BUILTIN_RULESET, loadRuleset, type ReadText } from '../rules/loader.js';
import { configFileJsonSchema, formatJsonSchema, ruleFileJsonSchema } from './json-schema.js';
import { formatRulesMarkdown } from './rules-markdown.js';

/**
 * The generated files committed under docs/ (path relative to the repository -> content), from
 * the built-in rules and the zod schemas. `npm run docs` writes them; a test fails when a
 * committed file differs, so a rule change without regenerated docs does not pass.
 */
export async function generatedDocs(readText: ReadText): Promise<Record<string, string>> {
  return {
    'docs/rules.md': formatRulesMarkdown(await loadRuleset(BUILTIN_RULESET, readText)),
    'docs/senaudit-rules.schema.json': formatJsonSchema(ruleFileJsonSchema()),
    'docs/senaudit-config.schema.json': formatJsonSchema(configFileJsonSchema()),
  };
}

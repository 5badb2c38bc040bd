import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../../src/format/docs.js';
import { configFileJsonSchema, ruleFileJsonSchema } from '../../src/format/json-schema.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import { REPO_ROOT } from '../helpers/cli.js';

// The files under docs/ are generated (npm run docs). These tests fail when a rule or a schema
// changes and the committed docs were not regenerated.

const readText = (p: string) => readFile(p, 'utf8');

describe('generated docs are up to date', async () => {
  const files = await generatedDocs(readText);
  for (const [path, text] of Object.entries(files)) {
    it(path, () => {
      let committed = '';
      try {
        committed = readFileSync(join(REPO_ROOT, path), 'utf8');
      } catch {
        // missing: the comparison below fails with the message
      }
      expect(committed === text, `${path} is out of date: run "npm run docs" and commit the result`).toBe(true);
    });
  }
});

describe('docs/rules.md', () => {
  it("has a heading for every built-in rule's docs anchor", async () => {
    const ruleset = await loadRuleset(BUILTIN_RULESET, readText);
    const doc = readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    const headings = new Set([...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]));
    for (const { spec } of ruleset.rules) {
      expect(spec.docs, spec.id).toBe(`https://github.com/senaudit/senaudit/blob/main/docs/rules.md#${spec.id}`);
      expect(headings.has(spec.id), `## ${spec.id}`).toBe(true);
    }
  });
});

// A small JSON Schema (draft-07 subset) validator: enough for what zod generates here.
type Schema = Record<string, unknown>;
function validate(schema: Schema, value: unknown, root: Schema, path = '$'): string[] {
  if (schema['$ref']) {
    const ref = String(schema['$ref']);
    if (ref === '#') return validate(root, value, root, path);
    const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Schema)[k], root) as Schema;
    return validate(target, value, root, path);
  }
  const errors: string[] = [];
  const type = schema['type'];
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);
  if (type) {
    const types = Array.isArray(type) ? type : [type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: expected ${types.join('|')}, got ${t}`];
  }
  if (schema['enum'] && !(schema['enum'] as unknown[]).includes(value)) errors.push(`${path}: not one of the enum`);
  if (schema['const'] !== undefined && schema['const'] !== value) errors.push(`${path}: not the const`);
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) errors.push(`${path}: too short`);
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) errors.push(`${path}: does not match pattern`);
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${path}: below minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${path}: above maximum`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) errors.push(`${path}: not above exclusiveMinimum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errors.push(`${path}: too few items`);
    if (schema['items']) value.forEach((v, i) => errors.push(...validate(schema['items'] as Schema, v, root, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const r of (schema['required'] ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing required "${r}"`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(props[k]!, v, root, `${path}.${k}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}: "${k}" is not allowed`);
      else if (typeof schema['additionalProperties'] === 'object') errors.push(...validate(schema['additionalProperties'] as Schema, v, root, `${path}.${k}`));
    }
  }
  if (schema['anyOf'] && !(schema['anyOf'] as Schema[]).some((s) => validate(s, value, root, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (schema['oneOf'] && (schema['oneOf'] as Schema[]).filter((s) => validate(s, value, root, path).length === 0).length !== 1) {
    errors.push(`${path}: must match exactly one of oneOf`);
  }
  if (schema['allOf']) for (const s of schema['allOf'] as Schema[]) errors.push(...validate(s, value, root, path));
  return errors;
}

describe('JSON Schema for rule files', () => {
  const schema = ruleFileJsonSchema();
  const check = (v: unknown) => validate(schema, v, schema);

  it('is draft-07 with an $id where the committed copy is published', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toMatch(/docs\/senaudit-rules\.schema\.json$/);
  });

  it('accepts every built-in rule file, and the index', () => {
    const dir = join(REPO_ROOT, 'rules/builtin');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      expect(check(parse(readFileSync(join(dir, f), 'utf8'))), f).toEqual([]);
    }
  });

  it('rejects what the loader rejects: a misspelt key, two matcher kinds in one matcher, a bad severity', () => {
    const rule = parse(readFileSync(join(REPO_ROOT, 'rules/builtin/complaints.yaml'), 'utf8')) as Record<string, unknown>;
    expect(check({ ...rule, sevrity: 'error' }).length).toBeGreaterThan(0);
    expect(check({ ...rule, severity: 'fatal' }).length).toBeGreaterThan(0);
    expect(check({ ...rule, check: { met: { phrases: ['a'], regex: 'b' } } }).length).toBeGreaterThan(0);
    expect(check({ ...rule, check: { met: { phrase: ['a'] } } }).length).toBeGreaterThan(0);
    expect(check({ ...rule, check: { met: { any: [{ phrases: ['a'] }, { entity: 'email', in: ['body'] }] } } })).toEqual([]);
  });
});

describe('JSON Schema for senaudit.config.yaml', () => {
  const schema = configFileJsonSchema();
  const check = (v: unknown) => validate(schema, v, schema);

  it('accepts a config with extends, local rules, overrides and defaults, and rejects a misspelt key', () => {
    const rule = parse(readFileSync(join(REPO_ROOT, 'rules/builtin/complaints.yaml'), 'utf8')) as Record<string, unknown>;
    const config = {
      extends: 'senaudit:builtin',
      rules: ['local.yaml', { ...rule, id: 'local-complaints' }],
      severity: { 'plain-language': 'info' },
      disable: ['annual-update'],
      schoolType: 'academy_mainstream',
      failOn: 'warning',
    };
    expect(check(config)).toEqual([]);
    expect(check({ ...config, disabled: ['x'] }).length).toBeGreaterThan(0);
  });
});

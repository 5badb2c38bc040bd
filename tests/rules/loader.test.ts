// Loading the built-in rule set, and the one-sentence errors a bad rule file gives
// (file, line and key named, as a person fixing the file needs them).
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { AuditError } from '../../src/errors.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';

const REQUIREMENTS = resolve(import.meta.dirname, '../../../shared/reference/requirements.yaml');

describe('the built-in rule set', () => {
  test('loads 26 rules with the requirement ids, severities and school types', async () => {
    const set = await loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8'));
    expect(set.info).toEqual({ id: 'senaudit-builtin', version: '2026.11' });
    expect(set.rules).toHaveLength(26);
    for (const r of set.rules) {
      expect(r.spec.docs).toBe(`https://github.com/senaudit/senaudit/blob/main/docs/rules.md#${r.spec.id}`);
      expect(r.file.endsWith(`${r.spec.id}.yaml`)).toBe(true);
    }
  });

  test.runIf(existsSync(REQUIREMENTS))('matches requirements.yaml: ids in order, strength, applies_to', async () => {
    const set = await loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8'));
    const reqs = (parse(readFileSync(REQUIREMENTS, 'utf8')) as { requirements: { id: string; strength: string; applies_to: string[] }[] }).requirements;
    expect(set.rules.map((r) => r.spec.id)).toEqual(reqs.map((r) => r.id));
    for (const [i, req] of reqs.entries()) {
      const spec = set.rules[i]!.spec;
      expect(spec.severity, req.id).toBe(req.strength === 'must' ? 'error' : 'warning');
      expect([...spec.appliesTo].sort(), req.id).toEqual([...req.applies_to].sort());
    }
  });
});

const HEADER = `id: demo-rule
title: Demo
source: SEND Regulations 2014 Sch 1 para 1
severity: error
appliesTo: [maintained_mainstream]
why: Because.
advice: Add it.
`;

/** Loads one in-memory rule file and returns the AuditError it throws. */
async function errorFor(files: Record<string, string>, entry = '/rules/one.yaml'): Promise<AuditError> {
  try {
    await loadRuleset(entry, async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    });
  } catch (e) {
    expect(e).toBeInstanceOf(AuditError);
    expect((e as AuditError).code).toBe('rules');
    return e as AuditError;
  }
  throw new Error('expected the rule file to be refused');
}

describe('a bad rule file is refused with file, line and key', () => {
  test('YAML syntax error', async () => {
    const e = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    phrases: [a, b\n` });
    expect(e.message).toMatch(/^\/rules\/one\.yaml line \d+: this is not valid YAML/);
  });

  test('unknown key, with a suggestion', async () => {
    const e = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    phrase: [autism]\n` });
    expect(e.message).toContain('/rules/one.yaml line 10');
    expect(e.message).toContain('check.met.phrase');
    expect(e.message).toContain('did you mean "phrases"?');
  });

  test('wrong type', async () => {
    const e = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    phrases: autism\n` });
    expect(e.message).toContain('/rules/one.yaml line 10');
    expect(e.message).toContain('check.met.phrases');
  });

  test('missing key', async () => {
    const text = HEADER.replace('advice: Add it.\n', '') + 'check:\n  met:\n    phrases: [autism]\n';
    const e = await errorFor({ '/rules/one.yaml': text });
    expect(e.message).toMatch(/\/rules\/one\.yaml line \d+: advice: this key is required but missing\./);
  });

  test('matchCase on a matcher that is not a regex', async () => {
    const e = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    phrases: [autism]\n    matchCase: true\n` });
    expect(e.message).toContain('check.met.matchCase');
    expect(e.message).toContain('line 11');
  });

  test('a voice or statement that is not one of the known ones, or on a matcher that reads no text', async () => {
    const bad = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    phrases: [autism]\n    voice: [governors]\n` });
    expect(bad.message).toContain('check.met.voice');
    expect(bad.message).toContain('line 11');
    const misplaced = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    fact: {textLayer: true}\n    statement: [practice]\n` });
    expect(misplaced.message).toContain('"statement" only applies to a text matcher');
  });

  test('duplicate id across files', async () => {
    const rule = `${HEADER}check:\n  met:\n    phrases: [autism]\n`;
    const e = await errorFor(
      { '/rules/index.yaml': 'files: [a.yaml, b.yaml]\n', '/rules/a.yaml': rule, '/rules/b.yaml': rule },
      '/rules/index.yaml',
    );
    expect(e.message).toContain('/rules/b.yaml');
    expect(e.message).toContain('"demo-rule" is used twice');
    expect(e.message).toContain('/rules/a.yaml');
  });

  test('a regular expression that does not compile', async () => {
    const e = await errorFor({ '/rules/one.yaml': `${HEADER}check:\n  met:\n    regex: "(unclosed"\n` });
    expect(e.message).toBe('/rules/one.yaml line 10: check.met.regex: this regular expression does not compile.');
  });
});

describe('named word lists', () => {
  /** Loads in-memory rule files. */
  const load = (files: Record<string, string>, entry: string) =>
    loadRuleset(entry, async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    });

  test('a list defined in the index is written out wherever a rule names it, among other words', async () => {
    const set = await load(
      {
        '/rules/index.yaml': 'lists:\n  pupils: [pupil, pupils, learners]\nfiles: [a.yaml]\n',
        '/rules/a.yaml': `${HEADER}check:\n  met:\n    near:\n      a: [$pupils, young people]\n      b: [asked]\n      words: 3\n`,
      },
      '/rules/index.yaml',
    );
    expect(set.rules[0]!.spec.check.met).toMatchObject({ near: { a: ['pupil', 'pupils', 'learners', 'young people'], b: ['asked'] } });
  });

  test('a list defined in a rules: file serves its own rules', async () => {
    const rule = `  - ${HEADER.trimEnd().split('\n').join('\n    ')}\n    check:\n      met:\n        phrases: [$staff]\n`;
    const set = await load({ '/rules/list.yaml': `lists:\n  staff: [teachers, teaching assistants]\nrules:\n${rule}` }, '/rules/list.yaml');
    expect(set.rules[0]!.spec.check.met).toEqual({ phrases: ['teachers', 'teaching assistants'] });
  });

  test('a list that is not defined is named, with the line and key and the lists there are', async () => {
    const e = await errorFor(
      {
        '/rules/index.yaml': 'lists:\n  pupils: [pupil, pupils]\nfiles: [a.yaml]\n',
        '/rules/a.yaml': `${HEADER}check:\n  met:\n    phrases: [autism, $pupil]\n`,
      },
      '/rules/index.yaml',
    );
    expect(e.message).toBe('/rules/a.yaml line 10: check.met.phrases[1]: "$pupil" names no word list (the lists are $pupils; define it under "lists:" in this file or in the index that loads it).');
  });

  test('a list defined again by a file its index loads, or with a bad name, is refused', async () => {
    const again = await errorFor(
      { '/rules/index.yaml': 'lists:\n  pupils: [pupil]\nfiles: [list.yaml]\n', '/rules/list.yaml': `lists:\n  pupils: [child]\nrules:\n  - id: x\n` },
      '/rules/index.yaml',
    );
    expect(again.message).toMatch(/^\/rules\/list\.yaml line 2: lists\.pupils: the word list "pupils" is already defined by the built-in rule set or the file that loads this one/);
    const badName = await errorFor({ '/rules/index.yaml': 'lists:\n  Pupils: [pupil]\nfiles: [a.yaml]\n' }, '/rules/index.yaml');
    expect(badName.message).toContain('lists.Pupils');
    expect(badName.message).toContain('use lower-case letters');
  });
});

// senaudit.config.yaml: extends, extra rules, severity overrides, disabled rules, defaults,
// and the one-sentence, line-numbered errors a bad config gives.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig, type ResolveConfigOptions } from '../../src/config/resolve.js';
import { AuditError } from '../../src/errors.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';

const LOCAL_RULE = `id: ravensfield-passport
title: Names the Ravensfield pupil passport
source: Ravensfield local expectations
severity: warning
appliesTo: [maintained_mainstream, academy_mainstream]
why: Parents know the passport by name.
advice: Say who writes the pupil passport.
check:
  met:
    phrases: [pupil passport]
`;

/** An in-memory folder /cfg; every other path (the built-in rules) is read from disk. */
function files(map: Record<string, string>): ResolveConfigOptions['readText'] {
  return async (p) => {
    if (p in map) return map[p]!;
    if (p.startsWith('/cfg/')) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return readFile(p, 'utf8');
  };
}

async function resolveIn(map: Record<string, string>, extra: Partial<ResolveConfigOptions> = {}) {
  return resolveConfig({ cwd: '/cfg', readText: files(map), ...extra });
}

async function errorFor(map: Record<string, string>, extra: Partial<ResolveConfigOptions> = {}): Promise<AuditError> {
  try {
    await resolveIn(map, extra);
  } catch (e) {
    expect(e).toBeInstanceOf(AuditError);
    expect((e as AuditError).code).toBe('rules');
    return e as AuditError;
  }
  throw new Error('expected the config to be refused');
}

const builtinIds = async () => (await loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8'))).rules.map((r) => r.spec.id);

describe('resolveConfig', () => {
  test('no senaudit.config.yaml in the folder: the built-in rules and no defaults', async () => {
    const got = await resolveIn({});
    expect(got.file).toBeNull();
    expect(got.ruleset.info.id).toBe('senaudit-builtin');
    expect(got.ruleset.rules.map((r) => r.spec.id)).toEqual(await builtinIds());
    expect(got.defaults).toEqual({});
  });

  test('extends the built-in set and a rule file, plus an inline rule', async () => {
    const got = await resolveIn({
      '/cfg/senaudit.config.yaml': `extends:\n  - senaudit:builtin\n  - local/passport.yaml\nrules:\n  - ${LOCAL_RULE.replace(/\n/g, '\n    ').replace('ravensfield-passport', 'ravensfield-inline').trimEnd()}\n`,
      '/cfg/local/passport.yaml': LOCAL_RULE,
    });
    const ids = got.ruleset.rules.map((r) => r.spec.id);
    expect(ids.slice(0, 26)).toEqual(await builtinIds());
    expect(ids.slice(26)).toEqual(['ravensfield-passport', 'ravensfield-inline']);
    expect(got.ruleset.info.id).toBe('senaudit-builtin');
    expect(got.file).toBe(resolve('/cfg/senaudit.config.yaml'));
  });

  test('extends another config file: its overrides and defaults apply, this file wins', async () => {
    const got = await resolveIn({
      '/cfg/senaudit.config.yaml': 'ruleset: {id: ravensfield, version: "1"}\nextends: shared/county.config.yaml\nfailOn: info\n',
      '/cfg/shared/county.config.yaml': 'extends: senaudit:builtin\nrules: [passport.yaml]\nseverity:\n  ravensfield-passport: error\ndisable: [plain-language]\nfailOn: warning\nschoolType: academy_mainstream\n',
      '/cfg/shared/passport.yaml': LOCAL_RULE,
    });
    const ids = got.ruleset.rules.map((r) => r.spec.id);
    expect(ids).toContain('ravensfield-passport');
    expect(ids).not.toContain('plain-language');
    expect(got.ruleset.rules.find((r) => r.spec.id === 'ravensfield-passport')!.spec.severity).toBe('error');
    expect(got.ruleset.info).toEqual({ id: 'ravensfield', version: '1' });
    expect(got.defaults).toEqual({ failOn: 'info', schoolType: 'academy_mainstream' });
  });

  test('severity override and disable', async () => {
    const got = await resolveIn({
      '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\nseverity:\n  plain-language: error\n  complaints: info\ndisable:\n  - consulting-pupils\n  - sen-policy-link\n',
    });
    const byId = new Map(got.ruleset.rules.map((r) => [r.spec.id, r.spec]));
    expect(byId.get('plain-language')!.severity).toBe('error');
    expect(byId.get('complaints')!.severity).toBe('info');
    expect(byId.has('consulting-pupils')).toBe(false);
    expect(byId.has('sen-policy-link')).toBe(false);
    expect(got.ruleset.rules).toHaveLength(24);
  });

  test('defaults: schoolType, asOf, failOn, checkLinks', async () => {
    const got = await resolveIn({
      '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\nschoolType: academy_special\nasOf: 2026-09-01\nfailOn: warning\ncheckLinks: true\n',
    });
    expect(got.defaults).toEqual({ schoolType: 'academy_special', asOf: '2026-09-01', failOn: 'warning', checkLinks: true });
  });

  test('--config names the file; --no-config ignores the one in the folder; --rules replaces the rules but keeps the defaults', async () => {
    const map = {
      '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\ndisable: [complaints]\nfailOn: info\n',
      '/cfg/other.yaml': 'extends: senaudit:builtin\nfailOn: warning\n',
      '/cfg/passport.yaml': LOCAL_RULE,
    };
    expect((await resolveIn(map, { config: 'other.yaml' })).defaults).toEqual({ failOn: 'warning' });
    const none = await resolveIn(map, { config: false });
    expect(none.file).toBeNull();
    expect(none.ruleset.rules).toHaveLength(26);
    const replaced = await resolveIn(map, { rules: 'passport.yaml' });
    expect(replaced.ruleset.rules.map((r) => r.spec.id)).toEqual(['ravensfield-passport']);
    expect(replaced.defaults).toEqual({ failOn: 'info' });
  });

  test('a config with only extra rules runs just those', async () => {
    const got = await resolveIn({ '/cfg/senaudit.config.yaml': 'rules: [passport.yaml]\n', '/cfg/passport.yaml': LOCAL_RULE });
    expect(got.ruleset.rules.map((r) => r.spec.id)).toEqual(['ravensfield-passport']);
    expect(got.ruleset.info).toEqual({ id: 'custom', version: '0' });
  });
});

describe('a bad config is refused with file, line and key', () => {
  test('unknown key, with a suggestion', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\nfailOn: warning\nseverty:\n  complaints: info\n' });
    expect(e.message).toBe('/cfg/senaudit.config.yaml line 3: severty: "severty" is not a key this file understands (did you mean "severity"?).');
  });

  test('unknown rule id in disable, naming the line and the close match', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\ndisable:\n  - complaints\n  - consulting-pupil\n' });
    expect(e.message).toContain('/cfg/senaudit.config.yaml line 4: disable[1]: no rule has the id "consulting-pupil" (did you mean "consulting-pupils"?)');
  });

  test('unknown rule id in a severity override', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\nseverity:\n  local-ofer: info\n' });
    expect(e.message).toContain('line 3: severity.local-ofer: no rule has the id "local-ofer" (did you mean "local-offer"?)');
  });

  test('a bad severity value', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\nseverity:\n  complaints: fatal\n' });
    expect(e.message).toMatch(/^\/cfg\/senaudit\.config\.yaml line 3: severity\.complaints: /);
  });

  test('a bad date', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'asOf: 2026-02-30\n' });
    expect(e.message).toBe('/cfg/senaudit.config.yaml line 1: asOf: give a date as YYYY-MM-DD, e.g. 2026-09-01.');
  });

  test('a mistake inside an inline rule points into the rule', async () => {
    const inline = LOCAL_RULE.replace('    phrases: [pupil passport]', '    phrase: [pupil passport]').replace(/\n/g, '\n    ').trimEnd();
    const e = await errorFor({ '/cfg/senaudit.config.yaml': `rules:\n  - ${inline}\n` });
    expect(e.message).toContain('/cfg/senaudit.config.yaml line 11: rules[0].check.met.phrase: "phrase" is not a key this file understands (did you mean "phrases"?)');
  });

  test('an extends entry that does not exist', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends:\n  - senaudit:builtin\n  - county.yaml\n' });
    expect(e.message).toContain('/cfg/senaudit.config.yaml line 3: extends[1]: cannot read /cfg/county.yaml');
  });

  test('an unknown built-in set name', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends: senaudit:recommended\n' });
    expect(e.message).toContain('line 1: extends: there is no built-in rule set called "senaudit:recommended"');
  });

  test('a missing --config file', async () => {
    const e = await errorFor({}, { config: 'nope.yaml' });
    expect(e.message).toContain('Check the path given to --config');
  });

  test('configs that extend each other in a loop', async () => {
    const e = await errorFor({ '/cfg/senaudit.config.yaml': 'extends: b.config.yaml\n', '/cfg/b.config.yaml': 'extends: senaudit.config.yaml\n' });
    expect(e.message).toContain('in a loop');
  });

  test('a local rule with the id of a built-in one', async () => {
    const e = await errorFor({
      '/cfg/senaudit.config.yaml': 'extends: senaudit:builtin\nrules: [mine.yaml]\n',
      '/cfg/mine.yaml': LOCAL_RULE.replace('ravensfield-passport', 'complaints'),
    });
    expect(e.message).toContain('rule id "complaints" is used twice');
  });
});

describe('the built-in word lists in local rules', () => {
  const withWords = (words: string) => LOCAL_RULE.replace('phrases: [pupil passport]', `near:\n      a: [${words}]\n      b: [passport]\n      words: 3`);

  test('a rule file and a rule written in the config may name the built-in set\'s $pupils', async () => {
    const got = await resolveIn({
      '/cfg/senaudit.config.yaml': `rules:\n  - local/passport.yaml\n  - ${withWords('$pupils').replace('ravensfield-passport', 'ravensfield-inline').replace(/\n/g, '\n    ').trimEnd()}\n`,
      '/cfg/local/passport.yaml': withWords('$pupils, trainees'),
    });
    const near = (id: string) => (got.ruleset.rules.find((r) => r.spec.id === id)!.spec.check.met as { near: { a: string[] } }).near.a;
    expect(near('ravensfield-passport')).toEqual(expect.arrayContaining(['pupils', 'learners', 'young people', 'trainees']));
    expect(near('ravensfield-inline')).toContain('learners');
  });

  test('a list the built-in set does not have is refused where it is named', async () => {
    const inline = await errorFor({ '/cfg/senaudit.config.yaml': `rules:\n  - ${withWords('$pupil').replace(/\n/g, '\n    ').trimEnd()}\n` });
    expect(inline.message).toMatch(/^\/cfg\/senaudit\.config\.yaml line \d+: rules\[0\]\.check\.met\.near\.a\[0\]: "\$pupil" names no word list of the built-in rule set/);
    const inFile = await errorFor({ '/cfg/senaudit.config.yaml': 'rules:\n  - local/passport.yaml\n', '/cfg/local/passport.yaml': withWords('$pupil') });
    expect(inFile.message).toMatch(/^\/cfg\/local\/passport\.yaml line \d+: check\.met\.near\.a\[0\]: "\$pupil" names no word list \(the lists are \$pupils, \$parents;/);
  });
});

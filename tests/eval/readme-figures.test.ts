// The README's accuracy figures are those a fresh `npm run eval` prints (issue #13): they are
// written by `eval --readme` and cannot go stale. Needs ../shared/corpus beside the checkout.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/eval/index.js';
import { evalFiguresBlock, readEvalFigures } from '../../src/eval/readme.js';
import { extractDocument } from '../../src/extract/index.js';
import { extractText } from '../../src/extract/text.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const README = new URL('../../README.md', import.meta.url);

describe.skipIf(!existsSync(CORPUS))('README accuracy figures', () => {
  it('are the figures a fresh eval of ../shared/corpus prints, as of 2026-11-01', async () => {
    const ruleset = await loadRuleset(BUILTIN_RULESET, (p) => Promise.resolve(readFileSync(p, 'utf8')));
    const result = await runEval({
      corpusDir: CORPUS.pathname,
      ruleset,
      asOf: '2026-11-01',
      loadDocument: async (e) =>
        e.isOriginal
          ? extractDocument({ bytes: readFileSync(e.path), contentType: null, name: e.path, baseUrl: null })
          : extractText(readFileSync(e.textPath, 'utf8'), false),
    });
    const inReadme = readEvalFigures(readFileSync(README, 'utf8'));
    expect(inReadme, 'README.md has no eval figures block').not.toBeNull();
    expect(inReadme, 'run `npm run eval -- --readme README.md` and commit the README').toBe(evalFiguresBlock(result, result.slices));
  });
});

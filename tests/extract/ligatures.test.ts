// Text copied from a PDF set in some fonts carries typographic ligatures ("eﬀectiveness", "staﬀ",
// "ﬁnd") and soft hyphens. Read as they stand, the rules' words do not match them, and the same
// report is judged differently from its clean text (issue #13, class 8).
import { expect, test } from 'vitest';
import { extractHtml } from '../../src/extract/html.js';
import { extractText } from '../../src/extract/text.js';
import { auditWith, builtinRuleset } from '../helpers/audit.js';

const SENTENCE = 'The e\ufb00ectiveness of our provision is reported to governors each term, and the sta\ufb00 \ufb01nd out what works; identi\u00adfication is early.';
const CLEAN = 'The effectiveness of our provision is reported to governors each term, and the staff find out what works; identification is early.';

test('ligatures become their letters and soft hyphens go, in text and in a web page', async () => {
  const text = extractText(`Oakridge Primary School SEN Information Report\n\n${SENTENCE}\n`, false);
  expect(text.blocks.map((b) => b.text)).toContain(CLEAN);
  const page = await extractHtml(`<html><body><main><h1>SEN Information Report</h1><p>${SENTENCE}</p></main></body></html>`, null);
  expect(page.blocks.map((b) => b.text)).toContain(CLEAN);
});

test('a sentence whose only word for the requirement has a ligature meets it', async () => {
  const ruleset = await builtinRuleset();
  const doc = extractText('Oakridge Primary School SEN Information Report\n\nThe e\ufb00ectiveness of our provision is reported to governors.\n', false);
  expect(auditWith(ruleset, doc, 'lig.txt').results.find((r) => r.id === 'evaluating-effectiveness')?.status).toBe('met');
});

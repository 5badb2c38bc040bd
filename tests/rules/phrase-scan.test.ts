// The evaluator finds a phrase list's sentences with one scan of the whole document
// (src/rules/evaluate.ts phraseHits) rather than one regex call per sentence. That is only a
// speed-up if it gives exactly the per-sentence answer: these properties compare the two on
// generated documents whose sentences sit next to each other in every way that could fool a
// whole-text scan (a term split across two sentences, a term at a sentence's very start or
// end, acronyms, hyphens and punctuation at the joins).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DocumentBuilder } from '../../src/document/build.js';
import { compileMatcher } from '../../src/rules/compile.js';
import { Evaluator, type EngineFacts } from '../../src/rules/evaluate.js';
import { compilePhrases, testPhrases } from '../../src/rules/phrases.js';
import { prepareDocument } from '../../src/rules/prepare.js';

const NO_FACTS: EngineFacts = { reportDate: null, reportDateQuote: null, monthsSinceReportDate: null, readingEase: null, textLayer: true };
const PHRASES = ['speech and language', 'senco', 'well-being', 'EP', 'ASD', 'one to one', 'interven*', 'local offer'];

const word = fc.constantFrom(
  'speech', 'and', 'language', '&', 'SENCO', 'SENDCo', 'well', 'being', 'wellbeing', 'well-being', 'EP', 'ep', 'ASD', 'asd',
  'one', 'to', 'one-to-one', 'intervention', 'interventions', 'local', 'offer', 'Offer.', 'the', 'We', 'our', '-', '.', '?', ':',
  '2024', '\u2019', '\n', 'Language.', 'Speech', 'EPs', 'XEP', 'EP-led', 'support',
);
const blockText = fc.array(word, { minLength: 0, maxLength: 14 }).map((ws) => ws.join(' '));
const blocks = fc.array(fc.tuple(fc.constantFrom('paragraph', 'list_item', 'heading') as fc.Arbitrary<'paragraph' | 'list_item' | 'heading'>, blockText), { maxLength: 12 });

describe('phrase lists found by one scan of the document', () => {
  test('match exactly the sentences a per-sentence test matches', () => {
    const compiled = compilePhrases(PHRASES);
    fc.assert(
      fc.property(blocks, fc.subarray(PHRASES, { minLength: 1 }), (bs, chosen) => {
        const b = new DocumentBuilder('text');
        for (const [kind, text] of bs) {
          if (kind === 'heading') b.heading(text, 2);
          else b.block(kind, text);
        }
        const prepared = prepareDocument(b.build());
        const roles = ['body', 'heading', 'question', 'glossary', 'generic'] as const;
        const ev = new Evaluator(prepared, NO_FACTS);
        const viaScan = ev.run(compileMatcher({ phrases: chosen, in: [...roles] }));
        const own = compilePhrases(chosen);
        const perSentence = prepared.sentences.flatMap((s, i) => (testPhrases(own, s.norm, s.text) ? [i] : []));
        expect(viaScan).toEqual(perSentence);
        // The full list too, compiled once and shared across documents as the engine does.
        const all = new Evaluator(prepared, NO_FACTS).run({ kind: 'phrases', phrases: compiled, roles: { roles: [...roles], voice: null, statement: null } } as never);
        expect(all).toEqual(prepared.sentences.flatMap((s, i) => (testPhrases(compiled, s.norm, s.text) ? [i] : [])));
      }),
      { numRuns: 3000 },
    );
  });
});

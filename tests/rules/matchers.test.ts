// Unit tests of each matcher primitive on small documents built block by block.
import { describe, expect, test } from 'vitest';
import { DocumentBuilder } from '../../src/document/build.js';
import type { SenDocument } from '../../src/document/types.js';
import { compileMatcher } from '../../src/rules/compile.js';
import { Evaluator, type EngineFacts } from '../../src/rules/evaluate.js';
import { prepareDocument } from '../../src/rules/prepare.js';
import type { MatcherSpec } from '../../src/rules/schema.js';

type Part = string | { h: string; level?: number } | { li: string };

function doc(...parts: Part[]): SenDocument {
  const b = new DocumentBuilder('text');
  for (const p of parts) {
    if (typeof p === 'string') b.block('paragraph', p);
    else if ('h' in p) b.heading(p.h, p.level ?? 2);
    else b.block('list_item', p.li);
  }
  return b.build();
}

const NO_FACTS: EngineFacts = { reportDate: null, reportDateQuote: null, monthsSinceReportDate: null, readingEase: null, textLayer: true };

/** The texts of the sentences a matcher finds. */
function hits(d: SenDocument, spec: MatcherSpec, facts: EngineFacts = NO_FACTS): string[] {
  const ev = new Evaluator(prepareDocument(d), facts);
  return ev.run(compileMatcher(spec)).map((i) => ev.sentence(i).text);
}

describe('phrases', () => {
  test('case-insensitive whole words', () => {
    const d = doc('We support pupils with Autism.', 'Autistically is not a word here; autismo neither.');
    expect(hits(d, { phrases: ['autism'] })).toEqual(['We support pupils with Autism.']);
  });
  test('co-ordinator = coordinator, & = and, SEN = SEND, SENCO = SENDCo', () => {
    const d = doc('The SEND Co-ordinator leads.', 'Speech & language therapy helps.', 'Ask our SENDCo.');
    expect(hits(d, { phrases: ['sen coordinator'] })).toEqual(['The SEND Co-ordinator leads.']);
    expect(hits(d, { phrases: ['speech and language'] })).toEqual(['Speech & language therapy helps.']);
    expect(hits(d, { phrases: ['senco'] })).toEqual(['Ask our SENDCo.']);
  });
  test('a hyphen may be dropped between words but not between numbers', () => {
    const d = doc('We promote wellbeing.', 'There are 11 classes.', 'Some pupils have 1-1 support.');
    expect(hits(d, { phrases: ['well-being'] })).toEqual(['We promote wellbeing.']);
    expect(hits(d, { phrases: ['1-1'] })).toEqual(['Some pupils have 1-1 support.']);
  });
  test('a trailing * matches any ending', () => {
    const d = doc('We never discriminate.', 'Discrimination is unlawful.', 'Disc golf is fun.');
    expect(hits(d, { phrases: ['discriminat*'] })).toHaveLength(2);
  });
  test('short capital acronyms match case-sensitively', () => {
    const d = doc('A TA works in class.', 'We eat pasta at lunch.', 'Ta very much.');
    expect(hits(d, { phrases: ['TA'] })).toEqual(['A TA works in class.']);
  });
  test('body sentences only by default; `in` widens the roles', () => {
    const d = doc({ h: 'Autism support' }, 'Which needs do you support?', 'We support autism.');
    expect(hits(d, { phrases: ['autism'] })).toEqual(['We support autism.']);
    expect(hits(d, { phrases: ['autism'], in: ['heading', 'body'] })).toEqual(['Autism support', 'We support autism.']);
  });
});

describe('sentence roles', () => {
  test('glossary lines and sections are not body', () => {
    const d = doc('CPD – Continuing Professional Development', { h: 'Glossary' }, 'Training means learning at work.');
    expect(hits(d, { phrases: ['professional development', 'training'] })).toEqual([]);
    expect(hits(d, { phrases: ['training'], in: ['glossary'] })).toEqual(['Training means learning at work.']);
  });
  test('"schools should" sentences and the list after a generic lead-in are generic', () => {
    const d = doc('Schools should identify needs early.', 'The Code of Practice identifies four areas:', { li: 'Cognition and learning' });
    expect(hits(d, { phrases: ['identify', 'cognition and learning'] })).toEqual([]);
    expect(hits(d, { phrases: ['cognition and learning'], in: ['generic'] })).toEqual(['Cognition and learning']);
  });
  test('a glossary ends where prose or the next question starts, whatever the levels extraction guessed', () => {
    // "KEY TERMS" in capitals is read as a level-2 heading and the sections after it as level 3:
    // waiting for a heading of the glossary's own level read a whole report as its glossary.
    const d = doc(
      { h: 'KEY TERMS', level: 2 },
      'SENCO - Special Educational Needs Co-ordinator',
      { li: 'Training is learning done at work.' },
      { h: 'Staff', level: 3 },
      'Teachers attended training on autism in September. Teaching assistants followed in October.',
    );
    expect(hits(d, { phrases: ['training'] })).toEqual(['Teachers attended training on autism in September.']);
    expect(hits(d, { phrases: ['training'], in: ['glossary'] })).toEqual(['Training is learning done at work.']);
    const asked = doc({ h: 'GLOSSARY', level: 2 }, 'EHCP - Education, Health and Care Plan', 'How will my child be taught?', 'Teachers plan lessons with training from the SENCO.');
    expect(hits(asked, { phrases: ['training'] })).toEqual(['Teachers plan lessons with training from the SENCO.']);
    // A report set out as lists or table cells has no paragraph to end it: its next heading does
    // (but not a glossary's own letter headings).
    const listed = doc({ h: 'ABBREVIATIONS', level: 2 }, { li: 'CPD - training for staff' }, { h: 'B', level: 3 }, { li: 'BSL - British Sign Language' }, { h: 'Staff training', level: 3 }, { li: 'Every teacher had autism training this year.' });
    expect(hits(listed, { phrases: ['training'] })).toEqual(['Every teacher had autism training this year.']);
  });
  test('a heading that cites the law does not hand its list to the law', () => {
    const d = doc({ h: 'Identifying needs (SEND Code of Practice 2015, chapter 6)' }, { li: 'We screen reading and spelling when a concern is raised.' });
    expect(hits(d, { phrases: ['screen'] })).toEqual(['We screen reading and spelling when a concern is raised.']);
    // A lead-in sentence that cites it still does.
    const cited = doc('This report was written with reference to the following statutory guidance:', { li: 'Schools identify needs early.' });
    expect(hits(cited, { phrases: ['identify'] })).toEqual([]);
  });
  test('a sentence carrying on from the law\'s words is the school\'s when the school speaks in it or names an arrangement', () => {
    const d = doc(
      'The Code of Practice says that schools must identify needs early. This is why we screen reading on entry.',
      'Schools must support pupils who fall behind. They get help in small groups with a teaching assistant.',
      'Schools must publish a report. This must be updated every year.',
    );
    expect(hits(d, { phrases: ['screen', 'small groups', 'updated'] })).toEqual([
      'This is why we screen reading on entry.',
      'They get help in small groups with a teaching assistant.',
    ]);
  });
  test('an acronym used as a label for the school\'s practice is not a glossary line; one spelt out is', () => {
    const d = doc('ICT: Pupils have laptops and iPads where they need them', 'ELSA - Emotional Literacy Support Assistant', 'SENDCo - Special Educational Needs and Disabilities Coordinator');
    expect(hits(d, { phrases: ['laptops', 'emotional literacy', 'coordinator'] })).toEqual(['ICT: Pupils have laptops and iPads where they need them']);
  });
  test('a contact line is not a glossary line', () => {
    const d = doc('SENCO: Mrs J Smith', 'Telephone: 01632 960123');
    expect(hits(d, { entity: ['person', 'phone'] })).toHaveLength(2);
  });
});

describe('regex', () => {
  test('case-insensitive by default, exact with matchCase', () => {
    const d = doc('We work with the Anyshire Local Offer.', 'We work with the local offer.');
    expect(hits(d, { regex: '[A-Z][a-z]+ local offer' })).toHaveLength(2);
    expect(hits(d, { regex: '[A-Z][a-z]+ [Ll]ocal [Oo]ffer', matchCase: true })).toEqual(['We work with the Anyshire Local Offer.']);
  });
});

describe('pointers (judging-guide.md "pointer ok")', () => {
  test('a sentence that only says where something is written is read only by a rule that allows pointers', () => {
    const d = doc('For more information see our Complaints Policy on the website.', 'Parents can raise a complaint with the headteacher.');
    const spec = { phrases: ['complaint*'] };
    expect(hits(d, spec)).toEqual(['Parents can raise a complaint with the headteacher.']);
    const ev = new Evaluator(prepareDocument(d), NO_FACTS);
    expect(ev.run(compileMatcher(spec, { pointerOk: true })).map((i) => ev.sentence(i).text)).toEqual([
      'For more information see our Complaints Policy on the website.',
      'Parents can raise a complaint with the headteacher.',
    ]);
    // A rule can also ask for pointers by name.
    expect(hits(d, { phrases: ['complaint*'], statement: ['pointer'] })).toEqual(['For more information see our Complaints Policy on the website.']);
  });
});

describe('contact-block scope', () => {
  test('a name and an email on short lines set out as a card belong together; the same words in prose do not', () => {
    const all: MatcherSpec = { all: [{ entity: 'person', in: ['body', 'heading'] }, { entity: 'email' }], within: 'contact-block' };
    const card = doc({ h: 'SENCo: Mrs Hana Ilori' }, 'Qualified teacher since 2009', 'Holds the SENCo award, 2021', 'Member of the leadership team', 'Email: h.ilori@kestrel.sch.uk');
    expect(hits(card, all)).toEqual(['SENCo: Mrs Hana Ilori']);
    const prose = doc(
      'Our SENCo is Mrs Hana Ilori, who has led our work on inclusion for many years and who meets parents every term.',
      'Pupils with needs in reading follow a daily programme with a trained teaching assistant in a small group.',
      'The office can be reached at office@kestrel.sch.uk.',
    );
    expect(hits(prose, all)).toEqual([]);
  });
});

describe('near', () => {
  test('within N words in one sentence', () => {
    const d = doc('Teachers adapt the curriculum.', 'Teachers adapt their plans, and much later in a long sentence we mention the curriculum.');
    expect(hits(d, { near: { a: ['adapt'], b: ['curriculum'], words: 3 } })).toEqual(['Teachers adapt the curriculum.']);
  });
  test('within a block across sentences', () => {
    const d = doc('We adapt lessons. The curriculum is broad.');
    expect(hits(d, { near: { a: ['adapt'], b: ['curriculum'], words: 5 } })).toEqual([]);
    expect(hits(d, { near: { a: ['adapt'], b: ['curriculum'], words: 5, within: 'block' } })).toEqual(['We adapt lessons.']);
  });
});

describe('entities', () => {
  test('person: titled or a capitalised name, not report vocabulary', () => {
    const d = doc('Our SENCO is Mrs A. Patel.', 'Contact Jane Okafor today.', 'The Local Offer explains Special Educational Needs.', 'She holds the National Award for SEN Co-ordination.');
    expect(hits(d, { entity: 'person' })).toEqual(['Our SENCO is Mrs A. Patel.', 'Contact Jane Okafor today.']);
  });
  test('email, UK phone, url', () => {
    const d = doc('Email senco@school.sch.uk now.', 'Ring 01632 960123.', 'In 2024 we had 1200 pupils.', 'Our Local Offer is at www.anyshire.gov.uk/localoffer.');
    expect(hits(d, { entity: 'email' })).toEqual(['Email senco@school.sch.uk now.']);
    expect(hits(d, { entity: 'phone' })).toEqual(['Ring 01632 960123.']);
    expect(hits(d, { entity: 'url' })).toEqual(['Our Local Offer is at www.anyshire.gov.uk/localoffer.']);
  });
});

describe('section', () => {
  test('sentences under a matching heading or question, up to the next as deep', () => {
    const d = doc(
      { h: 'Identifying needs' },
      'We use screening tests.',
      { h: 'Sub point', level: 3 },
      'Teachers observe pupils.',
      { h: 'Staff training' },
      'Staff attend courses.',
      'How do we know if a child needs help?',
      'Teachers raise concerns.',
    );
    expect(hits(d, { section: { heading: ['identifying'] } })).toEqual(['We use screening tests.', 'Teachers observe pupils.']);
    expect(hits(d, { section: { heading: ['how do we know'], match: { phrases: ['concerns'] } } })).toEqual(['Teachers raise concerns.']);
  });
});

describe('all / any / not', () => {
  const d = doc('Our SENCO is Mrs Hart.', 'Call 01632 960123.', { h: 'Other' }, 'The SENCO teaches Year 6.');
  const senco: MatcherSpec = { phrases: ['senco'] };
  const phone: MatcherSpec = { entity: 'phone' };
  test('within sentence (default)', () => {
    expect(hits(d, { all: [senco, phone] })).toEqual([]);
    expect(hits(d, { all: [senco, { entity: 'person' }] })).toEqual(['Our SENCO is Mrs Hart.']);
  });
  test('within block', () => {
    const d2 = doc('Our SENCO is Mrs Hart. Call 01632 960123.');
    expect(hits(d2, { all: [senco, phone], within: 'block' })).toEqual(['Our SENCO is Mrs Hart.']);
  });
  test('within a window of sentences', () => {
    expect(hits(d, { all: [senco, phone], within: { sentences: 1 } })).toEqual(['Our SENCO is Mrs Hart.']);
  });
  test('within section and document', () => {
    expect(hits(d, { all: [senco, phone], within: 'section' })).toEqual(['Our SENCO is Mrs Hart.']);
    expect(hits(d, { all: [senco, phone], within: 'document' })).toEqual(['Our SENCO is Mrs Hart.', 'The SENCO teaches Year 6.']);
  });
  test('a negated part excludes the unit', () => {
    expect(hits(d, { all: [senco, { not: { phrases: ['year 6'] } }] })).toEqual(['Our SENCO is Mrs Hart.']);
  });
  test('a rare first part narrows the rest sentence by sentence, with the same answer as a whole-text scan', () => {
    // The first part holds one sentence in many, so the later phrase lists are tested on that
    // sentence alone (evaluate.ts, allInSentence); the same lists scanned first give the same.
    const many = doc('Our SENCO is Mrs Hart and teaches Year 6.', ...Array.from({ length: 40 }, (_, i) => `Pupils in class ${i + 1} read every day.`));
    const rare: MatcherSpec = { all: [senco, { phrases: ['teaches'] }, { not: { phrases: ['year 5'] } }] };
    expect(hits(many, rare)).toEqual(['Our SENCO is Mrs Hart and teaches Year 6.']);
    expect(hits(many, { all: [senco, { phrases: ['teaches'] }, { not: { phrases: ['year 6'] } }] })).toEqual([]);
    expect(hits(many, { all: [{ phrases: ['pupils'] }, { phrases: ['teaches'] }] })).toEqual([]);
    // A fact among the later parts holds for every sentence.
    const facts = { ...NO_FACTS, readingEase: 62 };
    expect(hits(many, { all: [senco, { fact: { readingEase: { min: 50 } } }] }, facts)).toEqual(['Our SENCO is Mrs Hart and teaches Year 6.']);
  });
  test('any merges, not complements body sentences', () => {
    expect(hits(d, { any: [senco, phone] })).toHaveLength(3);
    expect(hits(d, { not: senco })).toEqual(['Call 01632 960123.']);
  });
});

describe('fact', () => {
  const d = doc('Some text.');
  test('reportDate within N months', () => {
    const facts = { ...NO_FACTS, reportDate: '2026-09', monthsSinceReportDate: 2 };
    expect(hits(d, { fact: { reportDate: { withinMonths: 12 } } }, facts)).toHaveLength(1);
    expect(hits(d, { fact: { reportDate: { withinMonths: 1 } } }, facts)).toEqual([]);
    expect(hits(d, { fact: { reportDate: { withinMonths: 12 } } })).toEqual([]);
  });
  test('readingEase at least min, and it composes with text matchers', () => {
    const facts = { ...NO_FACTS, readingEase: 62 };
    expect(hits(d, { fact: { readingEase: { min: 50 } } }, facts)).toEqual(['Flesch reading ease 62.']);
    expect(hits(d, { fact: { readingEase: { min: 70 } } }, facts)).toEqual([]);
    expect(hits(d, { all: [{ phrases: ['text'] }, { fact: { readingEase: { min: 50 } } }] }, facts)).toEqual(['Some text.']);
  });
  test('textLayer', () => {
    expect(hits(d, { fact: { textLayer: true } })).toHaveLength(1);
    expect(hits(d, { fact: { textLayer: false } })).toEqual([]);
  });
});

describe('voice and statement: sentence facts a rule can ask for', () => {
  const d = doc(
    'We meet parents every term to review their child’s plan.',
    'We aim to involve parents in every decision.',
    'Schools must involve parents in decisions about their child.',
    'Parents are involved in decisions, as defined in the Code.',
  );
  test('by default a text matcher reads only the school’s own practice', () => {
    expect(hits(d, { phrases: ['parents'] })).toEqual(['We meet parents every term to review their child’s plan.']);
  });
  test('a rule can read aims, or the law’s words, by naming them', () => {
    expect(hits(d, { phrases: ['parents'], in: ['body', 'generic'], statement: ['aim'] })).toEqual(['We aim to involve parents in every decision.']);
    expect(hits(d, { phrases: ['parents'], in: ['generic'], voice: ['law'] })).toEqual([
      'Schools must involve parents in decisions about their child.',
      'Parents are involved in decisions, as defined in the Code.',
    ]);
    expect(hits(d, { phrases: ['parents'], in: ['body', 'generic'], voice: ['school'], statement: ['practice', 'aim'] })).toHaveLength(2);
  });
});

describe('entity: person, and names that are not people (issue #13, class 4)', () => {
  test('a service, place or event named in capitals is not a person; a person is', () => {
    const d = doc('Contact: Early Help Hub.', 'Sessions run at Springfield Centre.', "Meet us at Parents' Evening.", 'Our SENCO is Priya Osei.');
    expect(hits(d, { entity: 'person', in: ['body', 'generic'] })).toEqual(['Our SENCO is Priya Osei.']);
  });

  test("a list of the school's documents names no one; a person beside it still is", () => {
    const d = doc(
      'This plan should be read with our Equality Objectives, Intimate Care Policy and Medical Conditions Policy.',
      'See the Pupil Premium Strategy and the Anti-Bullying Charter.',
      'Please ask Joy Medina, our SENCO, for the Accessibility Plan.',
    );
    expect(hits(d, { entity: 'person', in: ['body', 'generic'] })).toEqual(['Please ask Joy Medina, our SENCO, for the Accessibility Plan.']);
  });
});

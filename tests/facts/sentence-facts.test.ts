// Whose words, and about what (issue #13, classes 1 and 5; judging-guide.md "settled cases"):
// short fictional sentences for each class, and the same sentences through an audit, so a rule
// is met only by the school's own account of what it does.
import { describe, expect, it } from 'vitest';
import { sentenceFacts } from '../../src/facts/sentence-facts.js';
import { classifyKind } from '../../src/facts/kind.js';
import { auditDocument } from '../../src/audit/audit-document.js';
import { extractText } from '../../src/extract/text.js';
import { BUILTIN_RULESET, loadRuleset } from '../../src/rules/loader.js';
import { readFile } from 'node:fs/promises';

describe('sentence facts: voice and statement', () => {
  it.each([
    ['A learning difficulty is when a child finds it much harder to learn than most children of the same age.', 'definition'],
    ['A child has SEN if they have a learning difficulty or disability which calls for special provision.', 'definition'],
    ['Pupils have a significantly greater difficulty in learning than the majority of others of the same age.', 'definition'],
    ['Dyslexia is a learning difference that mainly affects reading and spelling.', 'definition'],
    ['This report explains how we identify and support pupils with SEND.', 'about-document'],
    ['This information is reviewed every year by the governors.', 'about-document'],
    ['In this section you will find how we work with parents.', 'about-document'],
    ['We want every child to be happy and to achieve their best.', 'aim'],
    ['Brackenfield School believes that every pupil deserves an excellent education.', 'aim'],
    ['The governors will work to ensure that all pupils with SEND reach their full potential.', 'aim'],
    ['To promote independence and resilience.', 'aim'],
    // An aim after where it is held.
    ["At St Cuthbert's we aim to nurture every child to grow in faith, knowledge and love.", 'aim'],
    ['Here at Larkfield, we hope every child will enjoy coming to school.', 'aim'],
    // An aim with what is done joined on as a clause of its own is practice; with more hopes, an aim.
    ['Our aim is for each young person to return to mainstream school, and we arrange visits and a phased return.', 'practice'],
    ['We aim to work in partnership with parents; we meet each family three times a year.', 'practice'],
    ['We aim for every child to achieve their best, and we believe that every child matters.', 'aim'],
    ['We hope that parents will feel involved, and we want them to feel welcome.', 'aim'],
    // Statutory wording with its pronouns as printed, behind a list marker.
    ['b) Have a disability which prevents or hinders him/her from making use of facilities of a kind generally provided for others', 'definition'],
    // What an area of need covers, in general.
    ['Cognition and Learning This area of need includes children with dyslexia and dyscalculia.', 'definition'],
    ['Children with speech and language needs have difficulty understanding what others say.', 'definition'],
    ['Many children with a hearing impairment will require specialist equipment and support.', 'definition'],
    ['There are four broad areas of special educational need.', 'definition'],
    ['Sensory and physical needs include:', 'definition'],
    // The duty restated, without a real activity; a duty acknowledged.
    ['Staff will make sure that pupils with SEND engage in the activities of the school alongside pupils who do not have SEND.', 'aim'],
    ['The school recognises that pupils with medical conditions should be properly supported.', 'aim'],
    // Pointers to another document or site.
    ['Details of our complaints procedure can be found on the school website.', 'pointer'],
    ['Our processes for transition are explained further within our SEND Information Report.', 'pointer'],
    ['Our Accessibility Plan sets out how we will improve access over the next three years.', 'pointer'],
    ['For more information see our Admissions Policy.', 'pointer'],
    // Two things joined are one thing pointed to, not an arrangement and a pointer.
    ['Information about our SEN provision and the support available is set out in our SEND policy.', 'pointer'],
    // What the school says it does not have or do.
    ['We do not currently have a sensory room.', 'absence'],
    ['There is no accessible toilet on the site at present.', 'absence'],
    ['The school has no specialist equipment of its own.', 'absence'],
    ['No staff have yet received training in autism.', 'absence'],
    ['We are unable to offer speech and language therapy in school.', 'absence'],
    ['The stair lift in the old building was removed in 2010.', 'absence'],
  ])('%s -> %s', (text, statement) => {
    expect(sentenceFacts(text).statement).toBe(statement);
  });

  it.each([
    ['We ask parents what they think at every review meeting.', 'school', 'practice'],
    ['The class teacher plans the next steps with the SENCO each half term.', 'school', 'practice'],
    ['Our teaching assistants run small phonics groups every morning.', 'school', 'practice'],
    ['Staff make sure every pupil is fully included in trips and clubs.', 'school', 'practice'],
    ['To ensure resources are checked termly by the SENCO.', 'school', 'practice'],
    ['This information will help the next teacher plan an appropriate curriculum.', 'school', 'practice'],
    ['Pupils with SEND take part in the activities of the school, including trips, clubs and sports day.', 'school', 'practice'],
    ['Our provision covers a wide range of needs, including autism and dyslexia.', 'school', 'practice'],
    ['For more information, please contact Mrs Ilori on 01632 960123.', 'school', 'practice'],
    ['Children with EHC plans have a review meeting every term.', 'school', 'practice'],
    // A school's offer is its provision; where a pupil's support is written is not a definition.
    ['Our offer provides small group support for reading and speech therapy.', 'school', 'practice'],
    ['Support for each pupil is described in their provision map, which is reviewed termly.', 'school', 'practice'],
    // The school's provision, with the law only cited after it.
    ['Oakridge Primary School makes provision for the four broad areas of need identified in the SEND Code of Practice.', 'school', 'practice'],
    // Where one pupil's support is recorded is the arrangement, not a pointer to another document.
    ["Targets are set out in the pupil's support plan, which is reviewed with parents each term.", 'school', 'practice'],
    // A report speaks to parents about their child's teacher; only "your child's school" is said from outside it.
    ["Your child's teacher will meet you each term to go over the support plan.", 'school', 'practice'],
    // An arrangement, then a pointer joined on after it: the arrangement still stands.
    ['The site has lifts to every floor and accessible toilets, and our accessibility plan is published on the policies page.', 'school', 'practice'],
    ['We meet every family before their child starts; the full admissions procedure is available on the website.', 'school', 'practice'],
    // A barrier absent, what is done instead, a lack only supposed: each is the arrangement.
    ['There are no steps at the main entrance, and a ramp leads to the hall.', 'school', 'practice'],
    ['The school does not have a sensory room, but each class has a quiet corner.', 'school', 'practice'],
    ['We do not withdraw pupils from lessons; instead, teaching assistants support small groups in class.', 'school', 'practice'],
    ['Where we do not have the expertise in school, we buy in advice from specialist teachers.', 'school', 'practice'],
    ['The old ramp was removed and replaced with a wider one.', 'school', 'practice'],
    // The law cited in one clause, the school's practice in a clause of its own.
    ['Schools must have a qualified SENCO; ours holds the National Award for SEN Co-ordination.', 'school', 'practice'],
    ['The Equality Act requires reasonable adjustments, and we make them: a pupil may leave lessons early.', 'school', 'practice'],
    ['As the SEND Code of Practice recommends, we use a graduated approach.', 'school', 'practice'],
  ])('%s is the school’s own practice', (text, voice, statement) => {
    expect(sentenceFacts(text)).toEqual({ voice, statement });
  });

  it.each([
    ['Schools must publish information about their SEN provision.', 'law'],
    // The clause after is still the law's, or lays a duty.
    ['Schools must publish a report, and we must update it every year.', 'law'],
    ['The Code of Practice says schools should consult parents; our governors must make sure this happens.', 'law'],
    // The law is the main clause, the school's provision only what it says.
    ['The Code of Practice states that the school provides a SENCO for every pupil.', 'law'],
    ['The Act requires that every school provides information about its SEN provision.', 'law'],
    ['Our school must make provision for the needs identified in the Code of Practice.', 'law'],
    ['The Code of Practice says that Oakridge supports every pupil with SEN.', 'law'],
    ['The Code of Practice says that teachers are responsible for the progress of every pupil.', 'law'],
    ['The Local Offer was introduced in 2014 by the Children and Families Act.', 'law'],
    ["Your child's school will tell you about the support it offers.", 'local-authority'],
    ['The local offer will help families find services near them.', 'local-authority'],
    ['How you assess and identify needs', 'template'],
    ['Describe your approach to teaching pupils with SEN.', 'template'],
    ['arrangements for consulting parents of children with SEN', 'template'],
    ['Explain your measures to prevent bullying.', 'template'],
    ['Early years settings in England have a duty to publish a Local Offer.', 'law'],
    ['The SENCO is responsible for liaising with potential next providers of education so that a smooth transition is planned.', 'law'],
  ])('%s is not in the school’s voice (%s)', (text, voice) => {
    expect(sentenceFacts(text).voice).toBe(voice);
  });
});

describe('through an audit: words that are not the school’s practice meet nothing', async () => {
  const ruleset = await loadRuleset(BUILTIN_RULESET, (p) => readFile(p, 'utf8'));
  const audit = (paragraphs: string[]) =>
    new Map(auditDocument(extractText(paragraphs.join('\n\n'), false), ruleset, { target: 't', finalUrl: null, asOf: '2026-11-01', schoolType: 'maintained_mainstream', toolVersion: '0' }).results.map((f) => [f.id, f.status]));

  it('a definition of disability does not name the needs the school provides for; the school naming them does', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    expect(audit([head, 'A disability is defined as a physical or mental impairment, such as autism or a hearing impairment, with a long-term effect.']).get('kinds-of-sen')).toBe('missing');
    expect(audit([head, 'We currently support pupils with autism and hearing impairment.']).get('kinds-of-sen')).toBe('met');
  });
  it('an aim to prepare pupils for adulthood is not transition support; a visit to the next school is', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    expect(audit([head, 'We believe that all pupils are entitled to make a successful transition into adulthood.']).get('transitions-adulthood')).toBe('missing');
    expect(audit([head, 'Pupils moving to secondary school make extra visits to their new school with a teaching assistant.']).get('transitions-adulthood')).toBe('met');
  });
  it('an aim that names the needs provided for meets kinds-of-sen, also as a list under "we aim to"; the same list under the Code does not', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    expect(audit([head, 'We aim to meet the needs of children with autism and dyslexia.']).get('kinds-of-sen')).toBe('met');
    const list = (leadIn: string) => `${leadIn}\n\n- Communication and interaction\n- Sensory and/or physical needs`;
    expect(audit([head, list('We will do our best to meet the needs of children with:')]).get('kinds-of-sen')).toBe('met');
    expect(audit([head, list('The SEND Code of Practice identifies these areas of need:')]).get('kinds-of-sen')).toBe('missing');
  });
  it('a pointer meets a "pointer ok" requirement (complaints) and not one that asks for the arrangement (transition)', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    const found = audit([head, 'Our procedures for complaints and for transition are explained in our SEND Policy on the website.']);
    expect(found.get('complaints')).toBe('met');
    expect(found.get('transitions-adulthood')).toBe('missing');
  });
  it('no pupil refused admission because of SEN is an admission arrangement; the DDA named is the equality duty', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    expect(audit([head, 'No pupil will be refused admission to the school on the basis of their special educational needs.']).get('disabled-admissions')).toBe('met');
    expect(audit([head, 'The school meets its duties under the Disability Discrimination Act.']).get('disabled-equal-treatment')).toBe('met');
  });
  it("a local authority quoted inside the school's paragraph is the authority's voice, every sentence of the quotation; the school's own words around it are not", () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    const quoted = 'Northshire County Council says: "Every school in Northshire is expected to identify and meet the needs of pupils with SEN. You can find out more on the Northshire Local Offer." We screen every pupil in reading each September.';
    const found = audit([head, quoted]);
    expect(found.get('local-offer')).toBe('missing');
    // The school's sentence after the closing mark still counts.
    expect(found.get('identification-assessment')).toBe('met');
    expect(audit([head, 'Northshire County Council says: "Every school in Northshire is expected to identify and meet the needs of pupils with SEN."']).get('identification-assessment')).toBe('missing');
  });

  it('a SENCO set out as a contact card, with the email a few lines below the name, is met', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    expect(audit([head, 'SENCo: Mrs Hana Ilori', 'Qualified teacher since 2009', 'Holds the SENCo award, 2021', 'Email: h.ilori@kestrel.sch.uk']).get('senco-contact')).toBe('met');
  });
  it('advice for parents written from outside any school meets nothing, though it names support a school gives', () => {
    const results = audit([
      'Worried about your child at school?',
      'Ask for a meeting with your child’s SENCO. Your child’s school may offer small group work, a teaching assistant or a social skills group.',
      'Many pupils get help from a teaching assistant in a small group, and some see a speech and language therapist.',
      'If nothing changes, write to your child’s school and ask how they will review progress with you each term.',
    ]);
    expect([...results.values()].filter((s) => s === 'met' || s === 'partial')).toEqual([]);
  });
  it('a local authority’s page meets nothing, whatever words it has', () => {
    const page = [
      'Anyshire County Council: SEN information reports',
      'All schools must publish a SEN information report on their website. Your child’s school will explain how it supports pupils with autism and dyslexia.',
      'Schools should set out how they consult parents and how they review progress with termly meetings. The local authority will check that schools publish their reports.',
      'Our Local Offer gives families information on services for children with SEND.',
    ];
    const results = audit(page);
    expect([...results.values()].filter((s) => s === 'met' || s === 'partial')).toEqual([]);
  });
  it('a template’s prompt to a school is not the school’s answer', () => {
    const head = 'Kestrel Rise Primary School SEN Information Report';
    expect(audit([head, 'how you make adaptations to the curriculum and the learning environment']).get('adapting-curriculum-environment')).toBe('missing');
  });
});

describe('kind of document', () => {
  it('a SEN policy that points to "this report" on the website is a policy, not the report', () => {
    const doc = extractText(
      [
        'Special Educational Needs and Disability Policy',
        'Date of adoption: January 2026',
        'This policy sets out how Yewcroft Academy meets its duties. The school publishes a SEND Information Report each year. This report can be found on the school website.',
        'This policy will be reviewed every year by the governors.',
      ].join('\n\n'),
      false,
    );
    expect(classifyKind(doc).kind).toBe('policy');
  });
});

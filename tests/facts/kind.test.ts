import { describe, expect, it } from 'vitest';
import { classifyKind } from '../../src/facts/kind.js';
import { makeDoc } from './make-doc.js';

// Paragraphs written for these tests, in the voices the kinds are told apart by.
const SCHOOL_PROSE = [
  'At Willowmere Primary School we welcome every child, including children with special educational needs.',
  'Our SENCO, Mr Ade Okafor, can be reached on 01632 960123 or senco@willowmere.example.',
  'We identify needs through termly progress meetings, conversations with parents and short screening checks.',
  'Our teaching assistants run small-group phonics and maths sessions each morning.',
  'We review each pupil support plan with parents three times a year.',
];

describe('classifyKind', () => {
  it('knows a report by its name', () => {
    const v = classifyKind(makeDoc(['# Willowmere Primary School SEND Information Report 2025-26', ...SCHOOL_PROSE]));
    expect(v.kind).toBe('report');
    expect(v.reason).toBe("This looks like a SEN information report: it calls itself 'SEND Information Report'.");
  });

  it('takes a school describing its own SEN provision as a report even without the name', () => {
    const v = classifyKind(makeDoc(['# Special educational needs', ...SCHOOL_PROSE]));
    expect(v.kind).toBe('report');
  });

  it('takes a combined "policy and information report" as a report', () => {
    const v = classifyKind(makeDoc(['SEND Policy and Information Report', 'This policy sets out our approach.', ...SCHOOL_PROSE, 'This policy is reviewed yearly.']));
    expect(v.kind).toBe('report');
  });

  it('knows a SEN policy that does not present itself as the report', () => {
    const headed = classifyKind(makeDoc(['Special Educational Needs and Disabilities Policy', ...SCHOOL_PROSE]));
    expect(headed.kind).toBe('policy');
    expect(headed.reason).toMatch(/policy/i);
    const spoken = classifyKind(
      makeDoc(['Willowmere Primary School', 'This policy explains how the school meets its duties.', ...SCHOOL_PROSE, 'Governors will monitor this policy.']),
    );
    expect(spoken.kind).toBe('policy');
  });

  it('knows a local authority page telling schools what to publish', () => {
    const v = classifyKind(
      makeDoc([
        '# What schools must publish',
        'Every school must publish a SEN information report on its website and update it each year.',
        'Schools should write it in plain language for families.',
        'The report must say where the council\'s Local Offer can be found.',
        'If your setting needs help writing its report, contact the inclusion team.',
      ]),
    );
    expect(v.kind).toBe('la_page');
    expect(v.reason).toMatch(/^This looks like a local authority or advice page, not a school's SEN information report: it speaks of '/);
  });

  it('does not mistake a report quoting the law for a local authority page', () => {
    const v = classifyKind(
      makeDoc(['SEN Information Report', 'All schools must publish information about their SEN provision, and schools should update it annually.', ...SCHOOL_PROSE]),
    );
    expect(v.kind).toBe('report');
  });

  it('knows a blank template', () => {
    const v = classifyKind(
      makeDoc([
        '[Insert school name] SEN Information Report',
        'Name of SENCO: ____________',
        'Contact details:',
        'The kinds of SEN we provide for:',
        '(e.g. autism, dyslexia, speech and language needs)',
        'How we identify needs:',
        '(e.g. screening, teacher concerns)',
      ]),
    );
    expect(v.kind).toBe('template');
    expect(v.reason).toContain('[Insert');
  });

  it('knows a short page that only points to the report', () => {
    const byWords = classifyKind(
      makeDoc(['# SEND', 'Our SEND Information Report can be found below.', 'Please contact the office with any questions.']),
    );
    expect(byWords.kind).toBe('link_page');
    const byLink = classifyKind(
      makeDoc(['# Inclusion at Willowmere', 'We are an inclusive school.', 'Download the latest version:'], {
        links: [{ text: 'SEND Information Report 2025-26 (PDF)', url: 'https://willowmere.example/send-report.pdf' }],
      }),
    );
    expect(byLink.kind).toBe('link_page');
    expect(byLink.reason).toContain('SEND Information Report 2025-26 (PDF)');
  });

  it('knows a link page from text alone, when the report is named only in a short last line (the link\'s words)', () => {
    const v = classifyKind(
      makeDoc([
        '# SEND',
        'Children learn in different ways and some need extra help for a time.',
        'Please read the documents below to find out how we help.',
        'SEN Information Report 2025-26',
      ]),
    );
    expect(v.kind).toBe('link_page');
  });

  it('does not take "SEN Information Report Regulations" (a law) as the document naming itself', () => {
    const v = classifyKind(
      makeDoc([
        'Special Educational Needs Policy',
        'This policy was written with reference to the Schools SEN Information Report Regulations (2014).',
        ...SCHOOL_PROSE,
      ]),
    );
    expect(v.kind).toBe('policy');
  });

  it('keeps a school\'s report that opens by quoting the law as a report when its own name heads it', () => {
    const v = classifyKind(
      makeDoc([
        'Larchfield Community Primary School',
        'Annual SEN Information Report',
        'All mainstream schools are required by law to publish an annual SEN information report.',
        'Schools must update the report every year and schools should publish it on their website.',
        'The school recognises that every child is entitled to a broad curriculum.',
      ]),
    );
    expect(v.kind).toBe('report');
  });

  it('calls an accessibility plan "other"', () => {
    const v = classifyKind(makeDoc(['Accessibility Plan 2024-2027', 'Willowmere Primary School', ...SCHOOL_PROSE]));
    expect(v.kind).toBe('other');
    expect(v.reason).toContain("'Accessibility Plan'");
  });

  it('finds an accessibility plan\'s name below a cover page, even when the plan points to the report', () => {
    const cover = ['Willowmere Primary School', 'Approved by: Full Governing Body', 'Date approved: March 2024', 'Next review: March 2027', 'Headteacher: Mrs A Cole'];
    const v = classifyKind(
      makeDoc([
        ...cover,
        'Accessibility Plan 2024-2027',
        'This plan sets out how the school will improve access for disabled pupils. It should be read alongside the SEN Information Report.',
        ...SCHOOL_PROSE,
      ]),
    );
    expect(v.kind).toBe('other');
    expect(v.reason).toContain("'Accessibility Plan'");
    // The same cover over the report itself, which names the plan only in passing, is still the report.
    const report = classifyKind(
      makeDoc([...cover, 'SEND Information Report 2025-26', 'Our Accessibility Plan is on the policies page.', ...SCHOOL_PROSE]),
    );
    expect(report.kind).toBe('report');
  });

  it.each([
    ['Equality Information and Objectives 2025-2029', 'Equality Information and Objectives'],
    ['Pupil premium strategy statement 2025 to 2026', 'Pupil premium strategy'],
    ['Anti-bullying Policy', 'Anti-bullying Policy'],
  ])('calls the school\'s other published documents "other": %s', (title, named) => {
    const v = classifyKind(makeDoc(['Willowmere Primary School', title, ...SCHOOL_PROSE]));
    expect(v.kind).toBe('other');
    expect(v.reason).toContain(`'${named}'`);
  });

  it('calls a school\'s news item or class page "other", though a school speaks in it', () => {
    const news = classifyKind(
      makeDoc([
        'Willowmere News',
        'SEND coffee morning a great success',
        'Thank you to all the parents who came to our SEND coffee morning. Our SENCO talked about the new reading programme.',
      ]),
    );
    expect(news.kind).toBe('other');
    expect(news.reason).toContain("'News'");
    const classPage = classifyKind(
      makeDoc(['Year 3: Kestrel Class', 'Welcome to Kestrel Class! Our teacher is Mr Singh.', 'This term we are learning about the Stone Age. PE is on Tuesdays.']),
    );
    expect(classPage.kind).toBe('other');
    // A school describing its SEN provision without naming the report is still taken for it.
    expect(classifyKind(makeDoc(['# Special educational needs', ...SCHOOL_PROSE])).kind).toBe('report');
  });

  it('calls advice for parents about their child\'s school "other"', () => {
    const v = classifyKind(
      makeDoc([
        'Worried about your child at school?',
        'Ask for a meeting with your child\'s SENCO and bring notes of what you have seen at home.',
        'If nothing changes, write to your child\'s school and ask what extra help they will put in place.',
      ]),
    );
    expect(v.kind).toBe('other');
    // Written from outside any school: none of its sentences is a school's own account.
    expect(v.voice).toBe('local-authority');
  });

  it('calls the same advice a local authority\'s page when a council signs it, and not when it names a school council', () => {
    const advice = [
      'Worried about your child at school?',
      'Ask for a meeting with your child\'s SENCO and bring notes of what you have seen at home.',
      'If nothing changes, write to your child\'s school and ask what extra help they will put in place.',
    ];
    const signed = classifyKind(makeDoc([...advice, 'Last updated by Eastmoor Council: 2 October 2026']));
    expect(signed.kind).toBe('la_page');
    expect(signed.reason).toContain('Eastmoor Council');
    expect(classifyKind(makeDoc([...advice, 'Your child could also tell the School Council.'])).kind).toBe('other');
  });

  it('gives no outside voice to a school document that is not the report', () => {
    const v = classifyKind(makeDoc(['Accessibility Plan 2024-2027', 'Willowmere Primary School', ...SCHOOL_PROSE]));
    expect(v.voice).toBeUndefined();
  });

  it('calls general text with no school and no report "other"', () => {
    const v = classifyKind(
      makeDoc(['Dyslexia is a learning difference that mainly affects reading and spelling.', 'It is common and lifelong.']),
    );
    expect(v.kind).toBe('other');
    expect(v.reason).toMatch(/^This does not look like a SEN information report/);
  });
});

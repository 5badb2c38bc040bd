// Plausible SEN information report prose for the benchmarks, written for this bench (fictional
// schools and people). Deterministic: the same seed and size always give the same report, so
// runs compare like with like.

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, int };
}

const PLACES = ['Ashgrove', 'Hollins Park', 'Bramley Vale', 'Kingsmead', 'Northfield', 'Castle Brook', 'Elmwood', 'Redhill', 'Linden Lea', 'Sandhurst Road'];
const KINDS = ['Primary School', 'Community Primary School', 'Academy', 'Junior School', 'Church of England Primary School', 'High School'];
const FIRST = ['Helen', 'Priya', 'Tom', 'Joanne', 'Marcus', 'Aisha', 'Gareth', 'Claire', 'Daniel', 'Fatima', 'Rebecca', 'Owen', 'Sunita', 'Liam', 'Nadia'];
const SURNAMES = ['Whitaker', 'Okonkwo', 'Harrington', 'Patel', 'Llewellyn', 'Brennan', 'Sutcliffe', 'Osei', 'Marsden', 'Kowalski', 'Fairbairn', 'Chaudhry', 'Pemberton', 'Doyle'];
const TITLES = ['Mrs', 'Mr', 'Ms', 'Miss', 'Dr'];
const COUNCILS = ['Westshire', 'Kirkdale', 'Northbridge', 'Easton Vale', 'Harrowfield'];
const INTERVENTIONS = ['Precision Teaching', 'Lego-based therapy', 'Talk Boost', 'a daily reading catch-up', 'Zones of Regulation', 'social stories', 'fine motor skills groups', 'a phonics booster group', 'Numicon sessions', 'a lunchtime nurture club', 'Sensory circuits', 'a handwriting intervention', 'Colourful Semantics', 'Attention Autism sessions'];
const AGENCIES = ['the Educational Psychology Service', 'the NHS Speech and Language Therapy team', 'the Children and Young People\'s Mental Health Service (CAMHS)', 'the school nursing team', 'the Specialist Teaching Service', 'Occupational Therapy', 'the Sensory Support Service for hearing and visual impairment', 'Early Help', 'children\'s social care', 'the Autism Outreach Team', 'the Physiotherapy service', 'a local young carers charity'];
const TERMS = ['autumn', 'spring', 'summer'];
const YEARS = ['Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6'];
const SUBJECTS = ['reading', 'writing', 'maths', 'phonics', 'spelling', 'science', 'PE', 'music', 'art'];
const AREAS = ['communication and interaction', 'cognition and learning', 'social, emotional and mental health', 'sensory and/or physical needs'];
const CONDITIONS = ['autism', 'dyslexia', 'ADHD', 'developmental language disorder', 'dyspraxia', 'hearing impairment', 'visual impairment', 'cerebral palsy', 'anxiety', 'global developmental delay', 'Down syndrome'];

/**
 * Sections of a report. Each: a heading (sometimes phrased as a parent's question, as many
 * schools write them), sentences ({placeholders} filled at random) and optional list items.
 */
const SECTIONS = [
  {
    headings: ['What kinds of special educational needs do we provide for?', 'The kinds of SEN we provide for', 'Types of need'],
    sentences: [
      '{school} is a mainstream school and we welcome children with a wide range of special educational needs and disabilities.',
      'We provide for pupils across the four broad areas of need set out in the SEND Code of Practice: {areas}.',
      'At present we support children with {condition}, {condition2} and {condition3}, among other needs.',
      'Some of our pupils have an Education, Health and Care Plan (EHCP) and others receive SEN Support.',
      'In {year}, {n} pupils are on our SEN register, which is about {pct} per cent of the school.',
      'Every child is different, so we plan support around the individual rather than a label or diagnosis.',
    ],
    list: ['{area}', '{condition}', '{condition2}'],
  },
  {
    headings: ['How does the school know if children need extra help?', 'Identifying and assessing special educational needs', 'Identification of SEN'],
    sentences: [
      'Class teachers track the progress of every pupil each half term and raise a concern with the SENCO when a child is not making the progress we would expect.',
      'Parents often notice things first, so please speak to your child\'s class teacher if you are worried about their learning or development.',
      'The SENCO may observe the child in class, look at samples of their work and use screening tools for {subject} and language.',
      'When we think a child has a special educational need we will always talk with you before adding them to the SEN register.',
      'Information from nursery, from a previous school or from health professionals also helps us to understand a child\'s needs.',
      'We use the graduated approach of assess, plan, do and review to decide what support is needed.',
    ],
  },
  {
    headings: ['How will school staff support my child?', 'Our approach to teaching pupils with SEN', 'Teaching and learning'],
    sentences: [
      'All pupils receive quality first teaching, with work adapted so that every child can take part in the lesson.',
      'Teachers use adaptive teaching: they break tasks into smaller steps, pre-teach key vocabulary and use visual prompts.',
      'The class teacher remains responsible for the progress of every child in the class, including those who work with a teaching assistant.',
      'Lessons in {subject} include practical resources, modelling and regular checks for understanding.',
      'Where a child needs more than this, the SENCO and class teacher agree a support plan with clear outcomes.',
    ],
  },
  {
    headings: ['How is the curriculum matched to my child\'s needs?', 'Adapting the curriculum and learning environment', 'Adaptations we make'],
    sentences: [
      'We adapt the curriculum and the classroom so that pupils with SEN can learn alongside their friends.',
      'Classrooms have visual timetables, labelled resources and a quiet area where a child can go when they feel overwhelmed.',
      'Some children use writing slopes, pencil grips, coloured overlays or a laptop to record their work.',
      'Homework can be adjusted in length or format after a discussion between parents and the class teacher.',
      'Seating, lighting and noise levels are considered for pupils with sensory needs.',
    ],
    list: ['visual timetables and now-and-next boards', 'coloured overlays and reading rulers', 'ear defenders and movement breaks', 'word mats and knowledge organisers'],
  },
  {
    headings: ['What additional support is available?', 'Additional support for learning', 'Interventions'],
    sentences: [
      'In addition to classroom support, some pupils take part in small group or one-to-one interventions led by trained teaching assistants.',
      'Current interventions include {intervention}, {intervention2} and {intervention3}.',
      'Interventions usually run for six to ten weeks and are reviewed at the end of each block.',
      'A small number of pupils have an adult allocated to support them for part of the day, as set out in their EHC plan.',
      'Our provision map records which interventions each year group receives and how often.',
    ],
  },
  {
    headings: ['How do we know if the support is working?', 'Evaluating the effectiveness of our provision', 'Measuring impact'],
    sentences: [
      'We check the impact of every intervention by comparing a pupil\'s starting point with their progress at the end of the block.',
      'The SENCO reviews the provision map each term with the senior leadership team and reports to governors.',
      'Where an intervention is not making a difference, we change it or try a different approach.',
      'The SEN governor, {person}, meets the SENCO each term to look at the progress of pupils with SEN.',
      'Pupil and parent questionnaires also tell us how well our support is working.',
    ],
  },
  {
    headings: ['How will I know how my child is doing?', 'Assessing and reviewing progress', 'Reviewing progress'],
    sentences: [
      'Children on SEN Support have a support plan with two or three targets that are reviewed with parents three times a year.',
      'Review meetings take place in the {term} term and at other times if there are concerns.',
      'Pupils with an EHC plan also have an annual review, to which we invite parents, the child and the professionals who work with them.',
      'Progress in {subject} is assessed each half term and shared at parents\' evenings.',
      'Reports home at the end of the summer term include comments on progress towards support plan targets.',
    ],
  },
  {
    headings: ['How are parents involved?', 'Working with parents and carers', 'Consulting parents'],
    sentences: [
      'We believe parents know their children best and we value working in partnership with families.',
      'Parents are invited to contribute to their child\'s support plan and to every review meeting.',
      'Class teachers are available at the end of the school day, and you can make an appointment with the SENCO through the school office.',
      'Some families find a home-school book or a weekly phone call helpful, and we are happy to arrange this.',
      'We hold coffee mornings for parents of children with SEND each term, often with a visiting speaker.',
    ],
  },
  {
    headings: ['How will my child be involved?', 'Listening to pupils', 'Pupil voice'],
    sentences: [
      'Children are involved in setting and reviewing their own targets in a way that suits their age and understanding.',
      'Many pupils have a one-page profile that describes what is important to them and how they like to be helped.',
      'Before a review, an adult talks with the child about what is going well and what they find hard.',
      'Our school council includes pupils with SEN, and their views help shape decisions about the school.',
    ],
  },
  {
    headings: ['How are pupils with SEN included in activities outside the classroom?', 'Trips, clubs and activities', 'Inclusion in school life'],
    sentences: [
      'All pupils are included in school trips, residential visits, clubs and sports events.',
      'Risk assessments and extra adult support are planned so that every child can take part.',
      'Before a trip we talk with parents about any adjustments their child may need.',
      'PE lessons are adapted so that pupils with physical needs can take a full part alongside their classmates.',
      'Our after-school clubs in {subject}, football and gardening are open to all pupils.',
    ],
  },
  {
    headings: ['What support is there for my child\'s overall wellbeing?', 'Emotional, social and mental health support', 'Pastoral care'],
    sentences: [
      'The wellbeing of every pupil is at the heart of our school, and class teachers are the first point of contact for pastoral care.',
      'We have a trained ELSA (emotional literacy support assistant) who works with pupils individually and in small groups.',
      'Our nurture room offers a calm start to the day for children who find the morning routine difficult.',
      'We take bullying seriously and follow our anti-bullying policy, which is reviewed every year with pupils.',
      'Lunchtime clubs give children who find the playground overwhelming a quieter place to play and make friends.',
      'Where a child needs more help, we may refer them, with your consent, to {agency}.',
    ],
  },
  {
    headings: ['Who is the SENCO and how can I contact them?', 'Our SENCO', 'Contact details'],
    sentences: [
      'Our SENCO is {person}, who holds the National Award for SEN Co-ordination.',
      'You can contact {first} by email at {email} or by telephone on {phone}.',
      '{first} works in school on {days} and is a member of the senior leadership team.',
      'If you are worried about your child, please speak to their class teacher first, who will involve the SENCO.',
    ],
  },
  {
    headings: ['What training do staff have?', 'Staff expertise and training', 'Specialist expertise'],
    sentences: [
      'All staff receive regular training on meeting the needs of pupils with SEND as part of our professional development programme.',
      'This year, training has covered {condition}, attachment and trauma, and supporting pupils with speech and language difficulties.',
      'Several teaching assistants are trained to deliver {intervention} and {intervention2}.',
      'When we need specialist advice we work with {agency} and {agency2}.',
      'The SENCO attends local SENCO network meetings to keep up to date with best practice.',
    ],
  },
  {
    headings: ['How are equipment and facilities secured?', 'Equipment and resources', 'Specialist equipment'],
    sentences: [
      'We use our notional SEN budget to buy resources and equipment that pupils with SEN need.',
      'Specialist equipment, such as a height-adjustable desk or a radio aid, is obtained with advice from {agency}.',
      'If a pupil needs equipment that the school cannot fund, we apply to the local authority for additional funding.',
    ],
  },
  {
    headings: ['Which other services does the school work with?', 'Working with other agencies', 'Health, social care and other services'],
    sentences: [
      'We work closely with {agency}, {agency2} and {agency3}.',
      'With parental consent, professionals may visit school to observe a pupil and give advice to staff.',
      'Advice from other services is written into the pupil\'s support plan and reviewed with parents.',
      'We also signpost families to local voluntary groups, including a parent carer forum and a family support charity.',
    ],
  },
  {
    headings: ['How will my child be supported when moving to a new class or school?', 'Transition', 'Moving on and preparing for adulthood'],
    sentences: [
      'Moving to a new class or school can be an anxious time, so we plan transitions carefully.',
      'Pupils with SEN have extra visits to their new classroom in the {term} term and meet their new teacher before the holidays.',
      'Some children take home a transition booklet with photographs of their new classroom and staff.',
      'The SENCO meets the SENCO of the receiving secondary school to share information and plans.',
      'For older pupils we talk about independence, friendships and the skills needed for adult life.',
    ],
  },
  {
    headings: ['What should I do if I am unhappy with the support my child receives?', 'Complaints', 'Concerns and complaints'],
    sentences: [
      'If you have a concern about the support your child receives, please speak first to the class teacher or the SENCO.',
      'If the matter is not resolved you can contact the headteacher, {person}.',
      'Our complaints policy is on the school website, and a paper copy is available from the school office.',
      'Parents can also contact the local authority SEND team or the SEND Information, Advice and Support Service for independent advice.',
    ],
  },
  {
    headings: ['Where can parents get support and advice?', 'Support services for parents', 'Information, advice and support'],
    sentences: [
      '{council} SENDIASS offers free, impartial and confidential advice to parents and carers on all matters relating to SEND.',
      'You can contact {council} SENDIASS on {phone} or by email at {email2}.',
      'The {council} Parent Carer Forum brings families together and works with the local authority to improve services.',
    ],
  },
  {
    headings: ['Where can I find the Local Offer?', 'The Local Offer', 'Local authority information'],
    sentences: [
      '{council} Council publishes its Local Offer, which sets out the services available for children and young people with SEND in the area.',
      'You can find the {council} Local Offer at {url}.',
      'The Local Offer includes information about education, health and social care, leisure activities and support for families.',
    ],
  },
  {
    headings: ['Admission of disabled pupils', 'Admissions', 'How are disabled pupils admitted?'],
    sentences: [
      'Disabled pupils are admitted on the same basis as all other pupils, in line with our admissions policy.',
      'We would welcome a visit from any family considering the school so that we can talk about how we would meet their child\'s needs.',
      'Admissions for pupils with an EHC plan naming the school are made by the local authority.',
    ],
  },
  {
    headings: ['Equality and reasonable adjustments', 'How do we make sure disabled pupils are treated fairly?', 'Preventing less favourable treatment'],
    sentences: [
      'We make reasonable adjustments so that disabled pupils are not treated less favourably than other pupils.',
      'Our equality objectives are reviewed every year by the governing body.',
      'Staff are trained in the duties of the Equality Act 2010 and how they apply to our school.',
    ],
  },
  {
    headings: ['Accessibility', 'Access to the school building', 'Facilities for disabled pupils'],
    sentences: [
      'The school is on one level, with ramps at the main entrance and the playground doors.',
      'There is an accessible toilet and a hygiene room with a changing bed near the hall.',
      'Our accessibility plan sets out how we will improve access to the building, the curriculum and written information over the next three years.',
      'The accessibility plan is available on the policies page of our website.',
    ],
  },
  {
    headings: ['Our SEN policy', 'Related policies', 'Policies and further information'],
    sentences: [
      'This report should be read alongside our SEND policy, which is available on the school website.',
      'Other related policies include the behaviour policy, the anti-bullying policy and the supporting pupils with medical conditions policy.',
      'Paper copies of any policy can be requested from the school office free of charge.',
    ],
  },
  {
    headings: ['Case study', 'A pupil\'s journey', 'What support looks like in practice'],
    sentences: [
      'A child in {year} joined us with delayed speech and found it hard to follow instructions in class.',
      'After a speech and language assessment, a teaching assistant delivered {intervention} three times a week.',
      'By the {term} term the child was answering questions in whole-class discussions and had made good progress in {subject}.',
      'Parents told us that the home-school book helped them to practise the same words at home.',
    ],
  },
  {
    headings: ['{year} provision', 'Support in {year}', 'Provision for {year}'],
    sentences: [
      'In {year}, teaching assistants support small groups in {subject} each morning.',
      'Pupils who need it take part in {intervention} during the afternoon.',
      'The class teacher meets the SENCO each half term to review the progress of pupils with SEN.',
      'Visual timetables and word mats are used throughout the day.',
      'Children are encouraged to use the calm corner when they need a break.',
    ],
    list: ['{intervention}', '{intervention2}', 'pre-teaching of {subject} vocabulary'],
  },
];

const DAYS = ['Monday to Wednesday', 'Tuesday, Wednesday and Thursday', 'every day except Friday', 'Monday, Thursday and Friday'];

export function makeSchool(r) {
  const place = r.pick(PLACES);
  const name = `${place} ${r.pick(KINDS)}`;
  const domain = `${place.toLowerCase().replace(/[^a-z]+/g, '')}.sch.uk`;
  return { name, domain, council: r.pick(COUNCILS), date: `${r.int(1, 28)} ${r.pick(['September', 'October', 'July'])} 2025` };
}

function fill(template, r, school) {
  const first = r.pick(FIRST);
  const surname = r.pick(SURNAMES);
  const conds = [r.pick(CONDITIONS), r.pick(CONDITIONS), r.pick(CONDITIONS)];
  const ints = [r.pick(INTERVENTIONS), r.pick(INTERVENTIONS), r.pick(INTERVENTIONS)];
  const ags = [r.pick(AGENCIES), r.pick(AGENCIES), r.pick(AGENCIES)];
  const council = school.council.toLowerCase().replace(/[^a-z]+/g, '');
  const values = {
    school: school.name,
    council: school.council,
    person: `${r.pick(TITLES)} ${first} ${surname}`,
    first: `${r.pick(TITLES)} ${surname}`,
    email: `senco@${school.domain}`,
    email2: `sendiass@${council}.gov.uk`,
    phone: `01${r.int(100, 999)} ${r.int(100000, 999999)}`,
    url: `https://www.${council}.gov.uk/localoffer`,
    days: r.pick(DAYS),
    areas: AREAS.join(', '),
    area: r.pick(AREAS),
    condition: conds[0],
    condition2: conds[1],
    condition3: conds[2],
    intervention: ints[0],
    intervention2: ints[1],
    intervention3: ints[2],
    agency: ags[0],
    agency2: ags[1],
    agency3: ags[2],
    term: r.pick(TERMS),
    year: r.pick(YEARS),
    subject: r.pick(SUBJECTS),
    n: String(r.int(18, 64)),
    pct: String(r.int(9, 21)),
  };
  return template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? k);
}

const countWords = (s) => s.split(/\s+/).filter(Boolean).length;

/**
 * A report as blocks (heading / paragraph / list_item / table_cell) plus the links a page would
 * carry, of about `words` words. Short reports cover every topic once; longer ones go round the
 * topics again with other sentences, as long multi-phase or trust-wide reports do.
 */
export function generateReport({ words, seed = 1 }) {
  const r = rng(seed);
  const school = makeSchool(r);
  const blocks = [];
  const links = [];
  let total = 0;
  const push = (b) => {
    blocks.push(b);
    total += countWords(b.text);
  };
  push({ kind: 'heading', level: 1, text: `${school.name}: SEN Information Report` });
  push({ kind: 'paragraph', text: `This report was reviewed and updated on ${school.date}. It will next be reviewed in September 2026.` });
  push({ kind: 'paragraph', text: `At ${school.name} we want every child, including those with special educational needs and disabilities, to enjoy school, make good progress and be ready for the next stage of their education.` });
  let round = 0;
  while (total < words) {
    for (const section of SECTIONS) {
      if (total >= words) break;
      const heading = fill(section.headings[(round + blocks.length) % section.headings.length], r, school);
      push({ kind: 'heading', level: round === 0 ? 2 : 3, text: round === 0 ? heading : `${heading} (${r.pick(YEARS)})` });
      // Paragraphs of two to four sentences drawn from the section's bank.
      const order = section.sentences.map((s, i) => [r.next(), s, i]).sort((a, b) => a[0] - b[0]);
      let para = [];
      for (const [, s] of order) {
        para.push(fill(s, r, school));
        if (para.length >= r.int(2, 4)) {
          push({ kind: 'paragraph', text: para.join(' ') });
          para = [];
        }
      }
      if (para.length) push({ kind: 'paragraph', text: para.join(' ') });
      if (section.list && r.next() < 0.7) for (const item of section.list) push({ kind: 'list_item', text: fill(item, r, school) });
      if (r.next() < 0.08) {
        for (const cell of ['Need', 'Support in class', 'Additional support', r.pick(AREAS), 'adapted resources and visual prompts', r.pick(INTERVENTIONS)]) {
          push({ kind: 'table_cell', text: cell.charAt(0).toUpperCase() + cell.slice(1) });
        }
      }
      // Links a school page carries: policies, the Local Offer, email addresses.
      if (r.next() < 0.35) {
        const council = school.council.toLowerCase().replace(/[^a-z]+/g, '');
        links.push(
          r.pick([
            { text: `${school.council} Local Offer`, url: `https://www.${council}.gov.uk/localoffer` },
            { text: 'SEND policy', url: `https://www.${school.domain}/policies/send-policy.pdf` },
            { text: 'accessibility plan', url: `https://www.${school.domain}/policies/accessibility-plan.pdf` },
            { text: 'complaints policy', url: `https://www.${school.domain}/policies/complaints.pdf` },
            { text: `senco@${school.domain}`, url: `mailto:senco@${school.domain}` },
          ]),
        );
      }
    }
    round++;
  }
  return { school, blocks, links, words: total };
}

/** The blocks as a Document (the shape extractors produce), for timing the rules alone. */
export function toSenDocument(report) {
  let heading = null;
  const blocks = report.blocks.map((b) => {
    const out = { kind: b.kind, text: b.text, page: null, heading };
    if (b.kind === 'heading') {
      out.level = b.level;
      heading = b.text;
    }
    return out;
  });
  return {
    format: 'html',
    title: report.blocks[0].text,
    blocks,
    links: report.links,
    pages: null,
    textLayer: true,
    metadataDates: [],
    warnings: [],
  };
}

// Fixture prose for batch tests: a short, fictional SEN information report written for these
// tests (not taken from any real school or corpus).

export function reportParagraphs(school: string): { heading: string; paragraphs: string[] }[] {
  return [
    {
      heading: `${school}: SEN Information Report`,
      paragraphs: [
        `This SEN information report explains how ${school} supports children with special educational needs and disabilities. It was last updated in September 2026 and is reviewed every year by the governors.`,
      ],
    },
    {
      heading: 'The kinds of special educational needs we provide for',
      paragraphs: [
        'We are a mainstream school and we welcome pupils with needs in communication and interaction, cognition and learning, social, emotional and mental health, and sensory and/or physical needs.',
      ],
    },
    {
      heading: 'How we identify and assess pupils with SEN',
      paragraphs: [
        'Class teachers check the progress of every pupil each term. When a child makes less progress than expected, the teacher talks with the parents and the SENCO, and we may carry out further assessment or ask a specialist for advice.',
      ],
    },
    {
      heading: 'Our SENCO',
      paragraphs: [
        'Our special educational needs co-ordinator (SENCO) is Mrs Dana Whitlow. You can contact her on 01632 960123 or by email at senco@example.sch.uk.',
      ],
    },
    {
      heading: 'How we teach and adapt learning',
      paragraphs: [
        'Teachers plan lessons so that every pupil can take part, using visual timetables, small steps, practical resources and extra adult help where it is needed. We adapt the curriculum and the classroom, for example with quiet work areas, coloured overlays and seating plans.',
        'We check how well our support works by looking at progress at each termly review and by asking pupils and parents what has helped.',
      ],
    },
    {
      heading: 'Wellbeing and emotional development',
      paragraphs: [
        'Pupils can talk to a trusted adult every day. Our learning mentor runs small groups on friendships and managing feelings, and we have a clear approach to bullying.',
      ],
    },
    {
      heading: 'Working with parents and pupils',
      paragraphs: [
        'We meet parents at least three times a year to agree targets and review them together. Pupils share their views at each review, and their ideas are written into their support plan.',
        'Staff receive regular training on autism, dyslexia and speech and language needs, and we work with the educational psychologist, speech and language therapists and the school nurse.',
      ],
    },
    {
      heading: 'Moving on',
      paragraphs: [
        'When pupils join us or move to their next school we share information with the new setting, arrange extra visits and make a transition booklet with photographs so that each change feels familiar.',
      ],
    },
    {
      heading: 'Disabled pupils',
      paragraphs: [
        'We admit disabled pupils in line with our admissions arrangements and we make reasonable adjustments so that they are not treated less favourably than other pupils. Our accessibility plan sets out how we are improving access to the building, the curriculum and written information.',
      ],
    },
    {
      heading: 'Complaints',
      paragraphs: [
        'If you are unhappy with the support your child receives, please speak to the class teacher or the SENCO first. If the concern is not resolved you can use the school complaints procedure, which is on our website.',
      ],
    },
    {
      heading: 'The local offer',
      paragraphs: ["The local authority's local offer describes the services available to families in the area. You can find it on the council's website."],
    },
  ];
}

/** The report as a web page; `without` leaves out the sections with these headings (a report that lacks them). */
export function reportHtml(school: string, options: { without?: string[] } = {}): string {
  const without = new Set(options.without ?? []);
  const body = reportParagraphs(school)
    .filter((s) => !without.has(s.heading))
    .map((s, i) => `<h${i === 0 ? 1 : 2}>${s.heading}</h${i === 0 ? 1 : 2}>\n${s.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>SEN Information Report | ${school}</title></head><body><main>\n${body}\n</main></body></html>`;
}

export function page(title: string, links: [text: string, href: string][], extra = ''): string {
  const items = links.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><ul>${items}</ul></nav><main><h1>${title}</h1><p>Welcome to our school website. ${extra}</p></main></body></html>`;
}

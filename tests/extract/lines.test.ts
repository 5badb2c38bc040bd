import { describe, expect, it } from 'vitest';
import { linesToBlocks, toSourceLines, type LineBlock, type SourceLine } from '../../src/extract/lines.js';
import { extractText } from '../../src/extract/text.js';

const blocks = (text: string, markdown = false) => linesToBlocks(toSourceLines(text), { markdown });
const pairs = (bs: LineBlock[]) => bs.map((b) => [b.kind, b.text]);

describe('linesToBlocks: paragraphs', () => {
  it('splits paragraphs at blank lines', () => {
    expect(pairs(blocks('First paragraph here.\n\nSecond paragraph here.'))).toEqual([
      ['paragraph', 'First paragraph here.'],
      ['paragraph', 'Second paragraph here.'],
    ]);
  });

  it('joins hard-wrapped lines that continue a sentence', () => {
    const text = [
      'We provide support for pupils with a wide range of needs, including autism and',
      'dyslexia. Our SENCO works with class teachers to plan support for every child who',
      'needs it, and we review it each term.',
      'Parents are always welcome to talk to us.',
    ].join('\n');
    expect(pairs(blocks(text))).toEqual([
      [
        'paragraph',
        'We provide support for pupils with a wide range of needs, including autism and dyslexia. Our SENCO works with class teachers to plan support for every child who needs it, and we review it each term.',
      ],
      ['paragraph', 'Parents are always welcome to talk to us.'],
    ]);
  });

  it('joins a line wrapped at the margin even when the next starts with a capital', () => {
    const text = [
      'As a school we work within the local guidance on Ordinarily Available Provision for children with',
      'SEN in mainstream schools, which explains how learners with different needs are provided for here.',
      'Short line to set the width of this text.',
    ].join('\n');
    expect(blocks(text)[0]!.text).toMatch(/children with SEN in mainstream/);
  });

  it('joins a word broken at a hyphen, and an address broken across lines', () => {
    expect(blocks('Our SENCO co-\nordinates support.')[0]!.text).toBe('Our SENCO co-ordinates support.');
    expect(blocks('See https://example.org/files/39\n8815/Code_of_Practice.pdf for details.')[0]!.text).toBe(
      'See https://example.org/files/398815/Code_of_Practice.pdf for details.',
    );
  });

  it('joins across a blank line when the next line starts lower-case', () => {
    expect(pairs(blocks('The four areas can be classified into core, additional and high needs,\n\nwhere some children need more.'))).toEqual([
      ['paragraph', 'The four areas can be classified into core, additional and high needs, where some children need more.'],
    ]);
  });

  it('drops the dot leaders and page numbers of a contents page', () => {
    expect(pairs(blocks('1. Aims ........................ 3\n2. Legislation and guidance . . . . . . 4'))).toEqual([
      ['list_item', '1. Aims'],
      ['list_item', '2. Legislation and guidance'],
    ]);
  });

  it('drops bare page numbers', () => {
    expect(pairs(blocks('Some text.\n\n3\n\nPage 4 of 10\n\nMore text.'))).toEqual([
      ['paragraph', 'Some text.'],
      ['paragraph', 'More text.'],
    ]);
  });
});

describe('linesToBlocks: a word broken at a hyphen at the line\'s end', () => {
  it('joins a word hyphenated to fit the line without its hyphen, and keeps the hyphen of a prefix', () => {
    const text = 'Report Title\nThe SENCO carries out an annual evalu-\nation of our provision, with the special educational needs co-\nordinator and the self-\nesteem group leader, every year.';
    expect(blocks(text)[1]).toMatchObject({ text: 'The SENCO carries out an annual evaluation of our provision, with the special educational needs co-ordinator and the self-esteem group leader, every year.' });
  });

  it('keeps the hyphen where the piece before it is a word the document writes on its own', () => {
    const text = 'Report Title\nThe report is for the school, and the school-\nbased team meets weekly to plan the support it gives.';
    expect(blocks(text)[1]!.text).toContain('school-based team');
  });
});

describe('linesToBlocks: list items', () => {
  it('reads bullets of every common kind and strips the glyph', () => {
    const text = ['We support:', '• autism', '◦ dyslexia', '▪ ADHD', '- hearing loss', '* sight loss', '– speech', 'o physical needs', '\uf0b7 medical needs'].join('\n');
    expect(pairs(blocks(text))).toEqual([
      ['paragraph', 'We support:'],
      ...['autism', 'dyslexia', 'ADHD', 'hearing loss', 'sight loss', 'speech', 'physical needs', 'medical needs'].map((t) => ['list_item', t]),
    ]);
  });

  it('takes the line after a lone bullet glyph as the item', () => {
    expect(pairs(blocks('We support:\n•\nautism\n•\ndyslexia'))).toEqual([
      ['paragraph', 'We support:'],
      ['list_item', 'autism'],
      ['list_item', 'dyslexia'],
    ]);
  });

  it('keeps numbers of numbered items, and joins wrapped item lines', () => {
    const text = ['1. Talk to the class teacher about your', 'concerns.', '2) Meet the SENCO.'].join('\n');
    expect(pairs(blocks(text))).toEqual([
      ['list_item', '1. Talk to the class teacher about your concerns.'],
      ['list_item', '2) Meet the SENCO.'],
    ]);
  });

  it('splits bullets run together on one line', () => {
    const text = 'We aim to: • Ensure access to a broad curriculum • Foster a good learning environment • Raise achievement';
    expect(pairs(blocks(text))).toEqual([
      ['paragraph', 'We aim to:'],
      ['list_item', 'Ensure access to a broad curriculum'],
      ['list_item', 'Foster a good learning environment'],
      ['list_item', 'Raise achievement'],
    ]);
  });

  it('reads short lines after a sentence ending in a colon as the list it announces', () => {
    const text = 'We provide support in the following four areas:\nCognition and Learning\nCommunication and Interaction\nSensory and Physical\n\nEach child is different.';
    expect(pairs(blocks(text))).toEqual([
      ['paragraph', 'We provide support in the following four areas:'],
      ['list_item', 'Cognition and Learning'],
      ['list_item', 'Communication and Interaction'],
      ['list_item', 'Sensory and Physical'],
      ['paragraph', 'Each child is different.'],
    ]);
  });
});

describe('linesToBlocks: headings', () => {
  const body = 'Our school welcomes every child and works closely with families to meet their needs.';

  it('finds questions, Title Case and ALL CAPS headings followed by text', () => {
    const text = ['SEN Information Report', body, 'How will my child be supported?', body, 'Contact Details', body, 'LOCAL OFFER', body].join('\n');
    const bs = blocks(text);
    expect(bs.filter((b) => b.kind === 'heading').map((b) => [b.text, b.level])).toEqual([
      ['SEN Information Report', 1],
      ['How will my child be supported?', 3],
      ['Contact Details', 3],
      ['LOCAL OFFER', 2],
    ]);
  });

  it('joins a question heading wrapped over two lines', () => {
    const text = `What should I do if I am concerned about my child’s progress or special educational\nneeds?\n${body}`;
    expect(blocks(text)[0]).toMatchObject({ kind: 'heading', text: 'What should I do if I am concerned about my child’s progress or special educational needs?' });
  });

  it('does not take sentences, clause ends, contact lines or the last line for headings', () => {
    const text = ['Our SENCO is Mrs Bell.', 'Responsible for:', 'Phone: 01632 960 000', 'senco@oak.example.sch.uk', 'The Special Educational Needs Co-ordinator is', 'Lynn Jones', body, 'Thank You'].join('\n');
    expect(blocks(text).filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('takes a short sentence-case line between paragraphs as a heading', () => {
    const text = `${body}\n\nAreas of need\n\n${body}`;
    expect(blocks(text)[1]).toMatchObject({ kind: 'heading', text: 'Areas of need' });
  });

  it('takes "1. Introduction" followed by prose as a numbered heading', () => {
    const text = `1. Introduction\n${body}\n2. Roles and Responsibilities\n${body}`;
    expect(blocks(text).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['1. Introduction', '2. Roles and Responsibilities']);
    const list = `Steps to take:\n1. Talk to the Teacher\n2. Contact the SENCO\n${body}`;
    expect(blocks(list).filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('takes a short numbered line with a verb between paragraphs as a heading, but not a numbered sentence or a long one', () => {
    const text = `${body}\n\n2. Where we are now\n\n${body}\n\n4. What we will do\n\n${body}`;
    expect(blocks(text).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['2. Where we are now', '4. What we will do']);
    const sentence = `${body}\n\n3. We will review the plan every year.\n\n${body}`;
    expect(blocks(sentence).filter((b) => b.kind === 'heading')).toEqual([]);
    const long = `${body}\n\n5. What we will do when a pupil who is new to the school arrives\n\n${body}`;
    expect(blocks(long).filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('takes a short line led by "if" or a question word as a heading though it has a verb, but not half a sentence', () => {
    const text = `${body}\n\nIf you are not happy\n\n${body}\n\nWhere we are now\n\n${body}`;
    expect(blocks(text).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['If you are not happy', 'Where we are now']);
    expect(blocks(`${body}\n\nOur SENCO is\n\n${body}`).filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('ends a heading in a question\'s words on its preposition before a sentence, but joins a heading wrapped in a column', () => {
    // "to" would otherwise run the heading into the paragraph under it.
    const bs = blocks(`Report Title\n${body}\nWho to talk to\nOur SEND team is led by Mr Ravi Menon, who can be reached on 01632 960 717.\nWhat we are proud of\n${body}`);
    expect(bs.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Report Title', 'Who to talk to', 'What we are proud of']);
    // Not a sentence that breaks after its preposition, nor a heading wrapped onto a Title Case line.
    expect(blocks(`Report Title\n${body}\nWe talk to\nparents every term about their child.`)[2]).toMatchObject({ kind: 'paragraph', text: 'We talk to parents every term about their child.' });
    expect(blocks(`Report Title\n${body}\nHow we work with\nOutside Agencies\n${body}`)[2]).toMatchObject({ kind: 'heading', text: 'How we work with Outside Agencies' });
  });

  it('takes a Title Case label ending in a colon as a minor heading', () => {
    const bs = blocks(`Report Title\n${body}\nEarly Identification:\n${body}`);
    expect(bs[2]).toMatchObject({ kind: 'heading', text: 'Early Identification:', level: 3 });
  });
});

describe('extractText', () => {
  it('builds a text document with headings assigned to blocks and written-out addresses as links', () => {
    const doc = extractText(
      'SEN Information Report\n\nOur SENCO is Mrs Jo Bell (senco@example.sch.uk).\nThe Local Offer is at www.example.gov.uk/localoffer.\n',
      false,
    );
    expect(doc).toMatchObject({ format: 'text', pages: null, textLayer: true, title: 'SEN Information Report' });
    expect(doc.blocks.map((b) => [b.kind, b.text, b.heading])).toEqual([
      ['heading', 'SEN Information Report', null],
      ['paragraph', 'Our SENCO is Mrs Jo Bell (senco@example.sch.uk).', 'SEN Information Report'],
      ['paragraph', 'The Local Offer is at www.example.gov.uk/localoffer.', 'SEN Information Report'],
    ]);
    expect(doc.links).toEqual([{ text: 'www.example.gov.uk/localoffer', url: 'www.example.gov.uk/localoffer' }]);
  });

  it('reads Markdown: # headings, lists, tables, emphasis and links', () => {
    const md = [
      '# SEN Information Report',
      '',
      'Read the [Local Offer](https://council.example/offer) or <https://sendiass.example>.',
      '',
      '## Who is our **SENCO**?',
      '',
      '- Mrs Bell',
      '* Mr Khan',
      '',
      'Support Staff',
      '-------------',
      '',
      '| Role | Name |',
      '| --- | --- |',
      '| SENCO | Mrs Bell |',
      '',
      '![logo](logo.png) More at https://oak.example/send.',
    ].join('\n');
    const doc = extractText(md, true);
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['heading', 1, 'SEN Information Report'],
      ['paragraph', null, 'Read the Local Offer or https://sendiass.example.'],
      ['heading', 2, 'Who is our SENCO?'],
      ['list_item', null, 'Mrs Bell'],
      ['list_item', null, 'Mr Khan'],
      ['heading', 2, 'Support Staff'],
      // A row of short cells is one record, as in HTML.
      ['table_cell', null, 'Role — Name'],
      ['table_cell', null, 'SENCO — Mrs Bell'],
      ['paragraph', null, 'More at https://oak.example/send.'],
    ]);
    expect(doc.links).toEqual([
      { text: 'Local Offer', url: 'https://council.example/offer' },
      { text: 'https://sendiass.example', url: 'https://sendiass.example' },
      { text: 'https://oak.example/send', url: 'https://oak.example/send' },
    ]);
  });
});

describe('linesToBlocks: cells side by side (a tab between them)', () => {
  it('parts a row heading from the answer beside it, and the answer runs on over the next lines', () => {
    const text = [
      'Finding out what each pupil needs\tOn arrival, the class team builds a',
      'picture of each pupil using observation and',
      'reports from therapists.',
      'Planning and review\tEach pupil has a personal learning plan linked to their EHC plan.',
    ].join('\n');
    expect(pairs(blocks(text))).toEqual([
      ['heading', 'Finding out what each pupil needs'],
      ['table_cell', 'On arrival, the class team builds a picture of each pupil using observation and reports from therapists.'],
      // A row of short cells on one line is one record.
      ['table_cell', 'Planning and review — Each pupil has a personal learning plan linked to their EHC plan.'],
    ]);
  });

  it('never takes a cell to the right of another for a heading; a row of short cells is one record', () => {
    expect(pairs(blocks('Lifts\tRegular Monthly Check\tSite Manager\nThe lift is serviced by an outside firm every three months.'))).toEqual([
      ['table_cell', 'Lifts — Regular Monthly Check — Site Manager'],
      ['paragraph', 'The lift is serviced by an outside firm every three months.'],
    ]);
  });

  it('takes a short line over a table for its heading, and its rows of short cells as records', () => {
    const text = 'SEN Information Report\nPupil voice\nBefore each review\tAn "All about me" page, filled in with a trusted adult\nAll year\tTwo pupils with SEN sit on the School Council\nWorking with parents\nWe meet the parents of every child with SEN at least three times a year.';
    expect(blocks(text).map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['heading', 1, 'SEN Information Report'],
      ['heading', 2, 'Pupil voice'],
      ['table_cell', null, 'Before each review — An "All about me" page, filled in with a trusted adult'],
      ['table_cell', null, 'All year — Two pupils with SEN sit on the School Council'],
      ['heading', 2, 'Working with parents'],
      ['paragraph', null, 'We meet the parents of every child with SEN at least three times a year.'],
    ]);
  });

  it('keeps a bullet with its text and a label with its value', () => {
    expect(pairs(blocks('Contact us\n•\tWe reply within two days.\nEmail:\tsenco@school.example.sch.uk\n1.\tAsk the class teacher first.'))).toEqual([
      ['paragraph', 'Contact us'],
      ['list_item', 'We reply within two days.'],
      ['paragraph', 'Email: senco@school.example.sch.uk'],
      ['list_item', '1. Ask the class teacher first.'],
    ]);
  });
});

describe('linesToBlocks: a date wrapped in a narrow column', () => {
  it('keeps the year with its month, where alone it would be dropped as a page number', () => {
    expect(pairs(blocks('Approved by the governing body in October\n2026\n\nNext page.\n\n2'))).toEqual([
      ['paragraph', 'Approved by the governing body in October 2026'],
      ['paragraph', 'Next page.'],
    ]);
  });
});

describe('linesToBlocks: a cell wrapped under itself (PDF positions)', () => {
  it('runs on the lines under a cell beside the one before, and makes a question wrapped in the left column its row heading', () => {
    const lines: SourceLine[] = [
      { text: 'How we consult young people and', page: 1, x: 44 },
      { text: 'involve them', page: 1, x: 44 },
      { text: 'Each student writes or records a short', page: 1, x: 216, beside: true },
      { text: '"This is me" page with their keyworker, saying what helps, and updates it every term.', page: 1, x: 216 },
      { text: 'How we assess and review progress', page: 1, x: 44 },
    ];
    expect(linesToBlocks(lines).map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['heading', 4, 'How we consult young people and involve them'],
      ['table_cell', null, 'Each student writes or records a short "This is me" page with their keyworker, saying what helps, and updates it every term.'],
      ['paragraph', null, 'How we assess and review progress'],
    ]);
  });
});

describe('linesToBlocks: rows of short cells one under another', () => {
  it('keeps each row a record of its own: a header ending "When" does not run into the first row', () => {
    const lines: SourceLine[] = [
      { text: 'Staff training', page: 1, x: 40 },
      { text: 'Who\tTraining\tWhen', page: 1, x: 44 },
      { text: 'Three TAs\tELKLAN speech and language support\t2026', page: 1, x: 44 },
      { text: 'SENCO\tNational Award for SEN Co-ordination\t2024', page: 1, x: 44 },
    ];
    expect(linesToBlocks(lines).map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Staff training'],
      ['table_cell', 'Who — Training — When'],
      ['table_cell', 'Three TAs — ELKLAN speech and language support — 2026'],
      ['table_cell', 'SENCO — National Award for SEN Co-ordination — 2024'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { findReportDate } from '../../src/facts/report-date.js';
import { makeDoc } from './make-doc.js';

const dateOf = (lines: string[], extra: Parameters<typeof makeDoc>[1] = {}) => findReportDate(makeDoc(lines, extra));
const valueOf = (lines: string[], extra: Parameters<typeof makeDoc>[1] = {}) => dateOf(lines, extra).value;

const FILLER = 'We support every child to take part in the life of the school, with help from our teachers.';

describe('findReportDate: the document\'s own dates', () => {
  it('reads "updated", "reviewed", "approved" and "Date:" lines', () => {
    expect(valueOf([FILLER, 'Last updated: 14 October 2025'])).toBe('2025-10-14');
    expect(valueOf([FILLER, 'This report was reviewed by governors in November 2025.'])).toBe('2025-11');
    expect(valueOf([FILLER, 'Approved by the governing body 02/12/2024'])).toBe('2024-12-02');
    expect(valueOf([FILLER, 'Date: June 2025'])).toBe('2025-06');
    expect(valueOf([FILLER, 'Version 4, published 1st September 2025'])).toBe('2025-09-01');    // A day in figures with a two-digit year, its cue a few words before it (fresh: 9 of 10 date
    // lines held when written, this one not); a section number with no cue is still no date.
    expect(valueOf([FILLER, 'Approved by governors on 14.07.26'])).toBe('2026-07-14');
    expect(valueOf([FILLER, 'See section 3.2.12 of the policy for the full procedure.'])).toBeNull();
  });

  it('reads a month and year in figures, and an academic year named as such (fresh forms: 9 of 12 held when written)', () => {
    expect(valueOf([FILLER, 'Last updated: 09/2026'])).toBe('2026-09');
    expect(valueOf(['Oakridge Primary School SEN Information Report', 'Academic year 2026/2027', FILLER])).toBe('2026');
    // A page's title that names SEN with its school year, though not a report's name.
    expect(valueOf(['Northgate Academy: SEND at Northgate (2026-27)', FILLER])).toBe('2026');
    // A subtitle naming SEN that ends with its date.
    expect(valueOf(['Cranbrook Village Primary School', 'A note from our headteacher about how we support children with special educational needs, September 2026', FILLER])).toBe('2026-09');
    // A title's own "updated" after a dash, though the title speaks of pupils.
    expect(valueOf(['Ash Grove School', 'All about how we support our pupils – updated October 2026', FILLER])).toBe('2026-10');
    // Not a line past the opening blocks about pupils' plans.
    expect(valueOf([...Array(12).fill(FILLER), 'Pupils’ plans – updated October 2026 for every child', FILLER])).toBeNull();
    // A school year alone in a sentence may be a data snapshot's: it needs its label.
    expect(valueOf([FILLER, 'In the school year 2024-25 we supported 40 pupils on the SEN register.'])).toBeNull();
  });

  it('gives the quote the date came from, with the source "text"', () => {
    const found = dateOf(['# About this report', 'Our information report was last revised in May 2025. It is revised each year.']);
    expect(found).toEqual({ value: '2025-05', quote: 'Our information report was last revised in May 2025.', source: 'text' });
  });

  it('reads the school year in the report\'s name as its start year', () => {
    expect(valueOf(['Brookfield Academy SEND Information Report 2025-26', FILLER])).toBe('2025');
    expect(valueOf(['# SEN information report for the academic year 2023 to 2024', FILLER])).toBe('2023');
    expect(valueOf(['SEND Local Offer – 2024/25', FILLER])).toBe('2024');
    expect(valueOf(['2025-2026 SEN Information Report', FILLER])).toBe('2025');
    expect(valueOf(['SEN Information Report 25-26', FILLER])).toBe('2025');
    // What the report is about may stand between its name and its year.
    expect(valueOf(['Information Report for Special Educational Needs and Disabilities 2026-2027', FILLER])).toBe('2026');
    expect(valueOf(['Information Report on SEND 2025-26', FILLER])).toBe('2025');
  });

  it('reads a year or date standing alone under the title or in a cover label', () => {
    expect(valueOf(['# Special Educational Needs Information Report', '2024 – 2025', FILLER])).toBe('2024');
    expect(valueOf(['Hollybank Primary School', 'October 2025', FILLER])).toBe('2025-10');
    // A table flattened into cells: the label is in the cell before.
    expect(valueOf([FILLER, 'Date ratified', 'by the full governing body', '9 July 2025'])).toBe('2025-07-09');
  });

  it('gives the school year alone when the document also dates itself within that year', () => {
    expect(valueOf(['SEN Information Report 2024-2025', 'Date agreed: March 2025', FILLER])).toBe('2024');
    expect(valueOf(['SEN Information Report 2024-2025', 'Written: July 2024', FILLER])).toBe('2024');
  });

  it('takes the latest of its own dates', () => {
    expect(valueOf(['SEN Information Report 2023-24', FILLER, 'Updated: January 2025'])).toBe('2025-01');
    expect(valueOf(['Written: May 2023', FILLER, 'Reviewed: May 2024', 'Reviewed: May 2025'])).toBe('2025-05');
  });
});

describe('findReportDate: dates of other things do not count', () => {
  it('ignores next-review dates', () => {
    expect(valueOf([FILLER, 'Next review: September 2026'])).toBeNull();
    expect(valueOf([FILLER, 'Review date: July 2026'])).toBeNull();
    expect(valueOf([FILLER, 'This report will be reviewed in October 2026.'])).toBeNull();
    expect(valueOf([FILLER, 'Date of next review', 'September 2026'])).toBeNull();
    expect(valueOf([FILLER, 'Reviewed: September 2025. Next review: September 2026.'])).toBe('2025-09');
  });

  it("reads an accessibility plan's own approval on a cover run together on one line, but not a report's plan's", () => {
    const cover = 'Brookfield Community Primary School Accessibility Plan 2025 to 2028 Approved by the Full Governing Body: 18 March 2025 Next review: Spring 2028';
    expect(valueOf([cover, FILLER])).toBe('2025-03-18');
    // In a report, the plan it points to is another document, and its approval another date.
    expect(valueOf(['Oakridge Primary School SEN Information Report', FILLER, 'Our Accessibility Plan was approved by governors in March 2025.'])).toBeNull();
  });

  it('ignores revision dates, which policies use for the next review', () => {
    expect(valueOf([FILLER, 'Effective from: March 2025 Revision date: March 2026'])).toBe('2025-03');
  });

  it('reads a report addressed to parents with its date', () => {
    expect(valueOf(['SEN Report to Parents and Carers – October 2025', FILLER])).toBe('2025-10');
  });

  it('keeps the quote short in run-on text', () => {
    const runOn = `${'Governor committee responsible curriculum and standards review period annually '.repeat(3)}Approved by governors March 2025 Status statutory ${'signed by the chair of governors and the headteacher '.repeat(3)}`;
    const found = dateOf([runOn]);
    expect(found.value).toBe('2025-03');
    expect(found.quote!.length).toBeLessThanOrEqual(160);
    expect(found.quote).toContain('Approved by governors March 2025');
  });

  it('ignores the years of laws and guidance', () => {
    expect(
      valueOf([
        FILLER,
        'This report meets the Children and Families Act 2014 and the SEND Regulations 2014.',
        'We follow the SEND Code of Practice 0-25 (January 2015) and the Equality Act 2010.',
        'The SEND Code of Practice was published in January 2015.',
        'Since the 2014 SEND reforms, statements have become EHC plans.',
        'Paragraph 3.2.12 of our policy, written with parents, explains this.',
      ]),
    ).toBeNull();
  });

  it('ignores inspections, snapshots, events and other documents\' dates', () => {
    expect(
      valueOf([
        FILLER,
        'Ofsted inspected the school in March 2019 and judged it good.',
        'At present (May 2025) there are 41 pupils on the SEN register.',
        'From September 2025 the nurture room opens at lunchtime.',
        'The Local Offer was published in September 2014.',
        'Please read our Accessibility Plan 2023-2024 alongside this report.',
        'Pupils born in 2019 start Reception this year. Sports day is on 14 July 2026.',
        '© 2025 Hollybank Primary School',
      ]),
    ).toBeNull();
  });
});

describe('findReportDate: fallbacks', () => {
  const metadata = [{ date: '2025-01-15', source: 'pdf-metadata' as const }];

  it("uses a PDF's own metadata only when the text gives no date, and says so", () => {
    expect(dateOf([FILLER], { metadataDates: metadata })).toEqual({ value: '2025-01-15', quote: null, source: 'pdf-metadata' });
    expect(dateOf([FILLER], { metadataDates: [] })).toEqual({ value: null, quote: null, source: null });
  });

  it('prefers any date in the text to container dates', () => {
    expect(dateOf(['Updated: June 2024', FILLER], { metadataDates: metadata })).toMatchObject({ value: '2024-06', source: 'text' });
  });

  it('gives nothing when there is nothing', () => {
    expect(dateOf([FILLER])).toEqual({ value: null, quote: null, source: null });
  });

  it('reads a date in the title', () => {
    expect(dateOf([FILLER], { title: 'SEND Information Report 2025-26 | Hollybank Primary' }).value).toBe('2025');
  });
});

describe('findReportDate: dates standing alone near the top', () => {
  it('does not take a list of dates (news items, events) as the cover date', () => {
    expect(valueOf(['Latest news', '3 October 2025', 'Harvest festival', '10 October 2025', 'Open morning', '17 October 2025', 'Book fair', FILLER])).toBeNull();
  });
});

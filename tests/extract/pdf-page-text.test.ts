import { describe, expect, it } from 'vitest';
import { pageLines, type PageTextItem } from '../../src/extract/pdf-page-text.js';

/** The page's lines' text, joined by newlines. */
const pageText = (items: PageTextItem[], toPage?: (x: number, y: number) => [number, number]) =>
  pageLines(items, toPage)
    .map((l) => l.text)
    .join('\n');

/** A pdfjs text item at (x, y), 10 units high, as wide as `width` (about 5 units a character if not given). */
const item = (str: string, x: number, y: number, o: { width?: number; eol?: boolean } = {}): PageTextItem => ({
  str,
  transform: [10, 0, 0, 10, x, y],
  width: o.width ?? str.length * 5,
  height: 10,
  hasEOL: o.eol ?? false,
});

describe('pageLines', () => {
  it('puts a tab where pdfjs filled a wide gap on one line with a space item (cells side by side)', () => {
    const items = [item('About us', 40, 700), item(' ', 80, 700, { width: 136 }), item('We are a primary school.', 216, 700, { eol: true })];
    expect(pageText(items)).toBe('About us\tWe are a primary school.\n');
  });

  it('puts a tab where two items on one line stand far apart with nothing between them', () => {
    expect(pageText([item('Lifts', 40, 700), item('One lift', 216, 700)])).toBe('Lifts\tOne lift');
  });

  it('keeps word spaces, and breaks lines where the baseline moves', () => {
    const items = [item('We meet', 40, 700), item(' ', 75, 700, { width: 3 }), item('parents', 78, 700), item('every term.', 40, 686)];
    expect(pageText(items)).toBe('We meet parents\nevery term.');
  });

  it('keeps a justified line stretched wide as one line of words, not cells; a row of uneven cells still has its tabs', () => {
    // The line before an address too long to fit, stretched to the margin: wide gaps, all alike.
    const words = ['Our', 'SENDCo', 'is', 'Dr', 'Kwame', 'Mensah,', 'who', 'can', 'be', 'reached'];
    let x = 40;
    const justified = words.flatMap((w, i) => {
      const out = [item(w, x, 700), ...(i < words.length - 1 ? [item(' ', x + w.length * 5, 700, { width: 24 })] : [])];
      x += w.length * 5 + 24;
      return out;
    });
    expect(pageText(justified)).toBe('Our SENDCo is Dr Kwame Mensah, who can be reached');
    // Three cells with gaps of different widths: a table's row.
    const row = [item('Phonics group', 40, 700), item('Years 1 and 2', 160, 700), item('Four times a week', 300, 700), item('TA', 420, 700)];
    expect(pageText(row)).toBe('Phonics group\tYears 1 and 2\tFour times a week\tTA');
  });

  // A table written line by line across the page: the first line of each cell, then the second.
  // Cells start at 40, 160 and 300; a full cell's line ends 5 units before the next cell starts.
  const woven = (rows: string[][][]) =>
    rows.flatMap((cells, r) => {
      const top = 700 - r * 60;
      return Array.from({ length: Math.max(...cells.map((c) => c.length)) }, (_, k) =>
        cells.flatMap((lines, c) => (lines[k] ? [item(lines[k]!, [40, 160, 300][c]!, top - k * 12, { width: lines[k]!.length >= 20 ? [115, 135, 120][c]! : lines[k]!.length * 5 })] : [])),
      ).flat();
    });

  it('gives back each cell of a table written line by line across the page, whole, the later cells beside the first', () => {
    const items = woven([
      [['Pupils who use', 'a wheelchair'], ['A ramp at every door', 'and a lift to the', 'first floor'], ['Checked each term by', 'the site manager']],
      [['Pupils with', 'hearing loss'], ['Radio aids and a', 'sound field system'], ['Checked each half', 'term by the teacher']],
    ]);
    // As pdf.ts reads a page: y grows down the page.
    const lines = pageLines(items, (x, y) => [x, 842 - y]);
    expect(lines.map((l) => [l.text, l.beside ?? false])).toEqual([
      ['Pupils who use a wheelchair', false],
      ['A ramp at every door and a lift to the first floor', true],
      ['Checked each term by the site manager', true],
      ['Pupils with hearing loss', false],
      ['Radio aids and a sound field system', true],
      ['Checked each half term by the teacher', true],
    ]);
  });

  it('leaves rows of a label beside its value, and a question beside an answer wrapped under itself, line by line', () => {
    const labels = [item('Email:', 40, 700), item('senco@oak.example.sch.uk', 160, 700), item('Phone:', 40, 688), item('01632 960 000', 160, 688), item('Office:', 40, 676), item('office@oak.example.sch.uk', 160, 676)];
    const flip = (x: number, y: number): [number, number] => [x, 842 - y];
    expect(pageText(labels, flip)).toBe('Email:\tsenco@oak.example.sch.uk\nPhone:\t01632 960 000\nOffice:\toffice@oak.example.sch.uk');
    const answer = [item('Who is the SENCO?', 40, 700), item('Mrs Bell, who works on', 160, 700), item('Mondays and Tuesdays.', 160, 688)];
    expect(pageText(answer, flip)).toBe('Who is the SENCO?\tMrs Bell, who works on\nMondays and Tuesdays.');
  });

  it('reads lines as shown on the page when the page is turned', () => {
    // A page turned a quarter: what the reader sees as one line runs along the PDF's y.
    const turned = (x: number, y: number): [number, number] => [y, -x];
    expect(pageText([item('Ramp', 700, 40), item('To the hall', 700, 216)], turned)).toBe('Ramp\tTo the hall');
  });
});

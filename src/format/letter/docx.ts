import { type Block, bullet, heading, labelled, lines, linkLine, packDocx, para } from '../docx-parts.js';
import { type Letter, NOTHING_MISSING, replyLine } from './model.js';

/** The letter as a Word document: the same parts, in the same order, as the Markdown. */
export function letterDocx(l: Letter): Promise<Buffer> {
  const b: Block[] = [lines(l.heading, { right: true }), para(l.date, { right: true }), para(l.subject, { bold: true }), para(l.greeting), para(l.opening)];
  if (l.report) b.push(linkLine('Report read:', l.report.url), para(`Date found in it: ${l.report.date}`));
  if (l.notFound) b.push(para(l.notFound));
  if (l.gaps.length > 0) {
    b.push(heading(`What the report needs (${l.gaps.length})`, 2));
    for (const g of l.gaps) {
      b.push(heading(`${g.title}: ${g.status === 'missing' ? 'missing' : 'partly there'}`, 3));
      if (g.quote) b.push(labelled('The report says:', `\u201c${g.quote}\u201d`));
      b.push(labelled('Why the law asks for it:', `${g.why} (${g.source})`), labelled('What to add:', g.fix));
    }
  } else if (l.report) {
    b.push(para(NOTHING_MISSING));
  }
  if (l.met.length > 0) {
    b.push(heading(`What the report already does (${l.met.length})`, 2));
    for (const m of l.met) b.push(bullet(m));
  }
  b.push(para(l.closing), para(replyLine(l), { bold: true }), para('Yours faithfully,'), lines(l.signOff));
  return packDocx(l.subject, b);
}

import { link, md } from '../markdown.js';
import { type Letter, NOTHING_MISSING, replyLine } from './model.js';

/** The letter as Markdown, for officers who paste it into an e-mail or their own template. */
export function letterMarkdown(l: Letter): string {
  const out: string[] = [];
  out.push(l.heading.map(md).join('  \n'), '', md(l.date), '', `**${md(l.subject)}**`, '', md(l.greeting), '', md(l.opening), '');
  if (l.report) out.push(`Report read: ${link(l.report.url)} (date found in it: ${md(l.report.date)})`, '');
  if (l.notFound) out.push(md(l.notFound), '');
  if (l.gaps.length > 0) {
    out.push(`## What the report needs (${l.gaps.length})`, '');
    for (const g of l.gaps) {
      out.push(`### ${md(g.title)}: ${g.status === 'missing' ? 'missing' : 'partly there'}`, '');
      if (g.quote) out.push(`The report says: \u201c${md(g.quote)}\u201d`, '');
      out.push(`Why the law asks for it: ${md(g.why)} (${md(g.source)})`, '', `What to add: ${md(g.fix)}`, '');
    }
  } else if (l.report) {
    out.push(NOTHING_MISSING, '');
  }
  if (l.met.length > 0) {
    out.push(`## What the report already does (${l.met.length})`, '');
    for (const m of l.met) out.push(`- ${md(m)}`);
    out.push('');
  }
  out.push(md(l.closing), '', md(replyLine(l)), '', 'Yours faithfully,', '', l.signOff.map(md).join('  \n'), '');
  return out.join('\n');
}

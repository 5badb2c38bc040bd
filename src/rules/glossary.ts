// Glossaries in reports (src/rules/prepare.ts): where one starts and ends, and which lines are its
// entries. A glossary's words define terms; they are not the school's account of what it does.

export const GLOSSARY_HEADING = /\b(glossary|acronyms?|abbreviations?|jargon|key terms|definitions|terminology|what do these (words|terms) mean)\b/i;
// "EHCP – Education, Health and Care Plan", "SENCO: Special Educational Needs Co-ordinator"
const GLOSSARY_LINE = /^[A-Z][A-Za-z&/()-]{1,12}\s*[-\u2013\u2014:=]\s+[A-Z][^.!?]{0,120}$/;
// A glossary entry: a term, then a dash, colon or equals sign, then what it means.
const GLOSSARY_ENTRY = /^[^.!?:\u2013\u2014=]{1,60}?\s[-\u2013\u2014:=]\s|^[^.!?:\u2013\u2014=]{1,60}?[:\u2013\u2014=]\s/;
/** The letter headings of a glossary in alphabetical sections. */
const GLOSSARY_LETTER = /^[A-Z](?:\s*[-\u2013&]\s*[A-Z])?$/;
/** Words beyond which a paragraph that is not shaped as an entry is prose, not part of a glossary. */
const GLOSSARY_PROSE_WORDS = 30;

// What follows "SENCO:" or "Telephone:" is a contact, not a definition.
const CONTACT_LIKE = /\d|@|\bwww\.|\b(Mr|Mrs|Miss|Ms|Mx|Dr)\b\.?/;

/**
 * "EHCP – Education, Health and Care Plan": an acronym (two or more capitals) spelt out, its
 * letters the initials of the words after it in order. "ICT: Pupils have laptops and iPads" uses
 * an acronym as a label for the school's own practice, and is not a glossary line.
 */
export function isGlossaryLine(text: string): boolean {
  const m = GLOSSARY_LINE.exec(text);
  if (!m) return false;
  const term = text.split(/\s*[-\u2013\u2014:=]\s+/, 1)[0]!;
  const rest = text.slice(term.length);
  return (term.match(/[A-Z]/g)?.length ?? 0) >= 2 && !CONTACT_LIKE.test(rest) && spellsOut(term, rest);
}

/** Whether the capitals of `acronym` are, in order, initials of words (or word parts) of `words`. */
function spellsOut(acronym: string, words: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  // An acronym inside the expansion gives all its letters: "NASENCO - National Award for SEN Co-ordination".
  const initials = words
    .split(/[\s/-]+/)
    .map((w) => w.replace(/[^A-Za-z]+/g, ''))
    .flatMap((w) => (w.length >= 2 && w === w.toUpperCase() ? [...w.toLowerCase()] : [w.charAt(0).toLowerCase()]))
    .filter(Boolean);
  let at = 0;
  for (const c of initials) if (c === letters[at]) at++;
  // Most letters will do: "SENDCo - Special Educational Needs and Disabilities Coordinator".
  return at >= Math.max(2, letters.length - 1);
}

/**
 * Whether a paragraph ends the glossary it stands in: prose (more than one sentence or many words)
 * or a question, not shaped as an entry ("Term - meaning"). Headings' levels in extracted text are
 * guessed from their look (a capitalised "KEY TERMS" outranks the title-case sections after it),
 * so waiting for a heading of the glossary's own level could read a whole report as its glossary.
 */
export function paragraphEndsGlossary(text: string, sentences: number, question: boolean): boolean {
  return !GLOSSARY_ENTRY.test(text) && (sentences > 1 || text.split(' ').length > GLOSSARY_PROSE_WORDS || question);
}

/** Whether a heading or question ends the glossary: any but its own letter headings ("A", "B-C") or an entry taken for a heading. */
export function headingEndsGlossary(text: string, depth: number, glossaryDepth: number): boolean {
  return depth <= glossaryDepth || !(GLOSSARY_LETTER.test(text) || isGlossaryLine(text));
}

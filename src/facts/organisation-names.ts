// Names of schools, trusts and churches are facts of the document, not words of its sentences
// (issue #13, class 7): "St Anne's Catholic Voluntary Academy" does not meet other-bodies through
// "Voluntary", nor "Hollybrook Community Primary School" speak of the community. A name is a run
// of capitalised words ending in a word that names such a body; the rules' phrases do not match
// inside it (src/rules/prepare.ts masks it in the text the phrases read).

/** A word that ends the name of a school, a trust or a church. */
const DESIGNATOR = String.raw`(?:Academy|School|College|Trust|Federation|Diocese|Church|Infants|Juniors|Primary|Nursery)`;
/** One capitalised word of a name, with the small words names carry between them ("of", "and"). */
const NAME_WORD = String.raw`[A-Z][A-Za-z'’.-]*[ \t]+(?:(?:of|and|the|upon|on|in|&)[ \t]+)?`;
/**
 * One to six capitalised words, then the designator. The first word may not be "The" at the
 * start of the name (it would take "The School works with..." for a name).
 */
const ORGANISATION_NAME = new RegExp(String.raw`\b(?!The\b)(?:${NAME_WORD}){1,6}${DESIGNATOR}\b`, 'g');

/** The text with each organisation name replaced by one placeholder word, for phrase matching. */
export function maskOrganisationNames(text: string): string {
  return text.replace(ORGANISATION_NAME, 'xorganisation');
}

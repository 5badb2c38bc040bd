import type { EntityKind } from './schema.js';

/**
 * Entity recognisers: the things a rule can ask for that are shapes, not words.
 * Each works on one sentence's original text (case matters for names).
 */

// Starts only where a run of address characters starts (the look-behind), with the lengths an
// address allows: so a line of 200,000 letters, or of "a@a@a@...", is read in linear time.
export const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])/;

// UK numbers: 01xxx/02x/03xx/07xxx with optional +44 (0), spaces, hyphens or brackets.
// The look-arounds stop years, dates and reference numbers inside longer digit runs.
const PHONE = /(?<![\d/])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d/])/;

// A bare domain ("anyshire.gov.uk") must not be the tail of an email address.
const URL = /\bhttps?:\/\/[^\s<>"')]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"')]*|(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|org|co|sch|nhs|ac|net)\.uk\b[^\s<>"')]*/i;

// A titled name ("Mrs J. Smith", "Mr Patel", "Dr A Okafor-Jones"), or two or three capitalised
// words that are not common report vocabulary ("Jane Smith").
const TITLED = /\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+(?:[A-Z]\.?\s*){0,3}[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?/;
const CAPITALISED_RUN = /\b[A-Z][a-z'\u2019]+(?:[ -][A-Z][a-z'\u2019]+){1,2}\b/g;

const NOT_NAME_WORDS = new Set(
  (
    'the our a an we you your if please all any this that these those who what when where how why which ' +
    'school schools academy primary secondary infant infants junior nursery college trust federation church ' +
    'special educational needs need disability disabilities disabled send sen inclusion inclusive lead leader ' +
    'manager head headteacher teacher teachers assistant deputy team support service services officer ' +
    'coordinator co-ordinator senco sendco local offer authority council county borough city department ' +
    'information advice report policy plan plans code practice act children families family parent parents carer ' +
    'carers education health care mental emotional social learning language speech communication interaction ' +
    'and of for to in on at by with from governor governors governing body board chair trustee trustees ' +
    'contact email telephone phone office website page link click here mon tue wed thu fri monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december year reception key stage early years foundation pupil pupils student students ' +
    'ehcp ehc assessment review annual termly tribunal mrs mr ms miss dr ' +
    // The words of a school's document titles, so a list of them ("read with our Equality
    // Objectives and Medical Conditions Policy") names no one.
    'equality equalities diversity objectives accessibility safeguarding behaviour attendance curriculum ' +
    'medical conditions admissions complaints procedure procedures statement guidance strategy provision ' +
    'wellbeing well-being pastoral anti-bullying bullying relationships protection handbook prospectus charter ' +
    'protocol intimate homework uniform charging remissions whistleblowing privacy'
  ).split(' '),
);

/**
 * Last words that make a capitalised run the name of a place, a service, an event or a
 * document rather than a person ("Early Help Hub", "Springfield Centre", "Parents' Evening").
 */
const NOT_PERSON_ENDINGS = new Set(
  (
    'hub centre center house unit road lane street avenue close drive hall park group partnership network ' +
    'service services clinic hospital library room base project club trust foundation society association alliance ' +
    'campus building point place way court evening day days week programme program scheme framework team panel ' +
    'forum cafe café surgery practice partnership directory portal online community hill green fields gardens ' +
    'centres hubs charity agency project academy college school nursery institute university ' +
    // Qualifications and awards: "National Award for SEN Co-ordination" names no one.
    'award awards qualification qualifications certificate diploma degree mark ' +
    // Documents: "Intimate Care Policy", "Pupil Premium Strategy".
    'policy policies procedure procedures statement strategy guidance plan report handbook charter protocol prospectus'
  ).split(' '),
);

/** A word as compared with the word lists: lower case, without a possessive ending. */
function bare(word: string): string {
  return word.toLowerCase().replace(/['\u2019]s?$/, '');
}

function hasPersonName(text: string): boolean {
  if (TITLED.test(text)) return true;
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    // "Contact Jane Okafor": a capitalised word of report vocabulary next to a name is not part of it.
    const words = m[0].split(/[ -]/);
    const name = trimVocabulary(words);
    if (name.length < 2 || !name.every((w) => !NOT_NAME_WORDS.has(bare(w)))) continue;
    // "Springfield Centre", "Early Help Hub": a place or service, not a person.
    if (NOT_PERSON_ENDINGS.has(bare(words.at(-1)!))) continue;
    return true;
  }
  return false;
}

function trimVocabulary(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && NOT_NAME_WORDS.has(bare(words[start]!))) start++;
  while (end > start && NOT_NAME_WORDS.has(bare(words[end - 1]!))) end--;
  return words.slice(start, end);
}

export function hasEntity(kind: EntityKind, text: string): boolean {
  switch (kind) {
    case 'email':
      return EMAIL.test(text);
    case 'phone':
      return PHONE.test(text);
    case 'url':
      return URL.test(text);
    case 'person':
      return hasPersonName(text);
  }
}

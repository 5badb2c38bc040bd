/** The fixed word lists of the rule language (no zod here: the CLI's --help imports this). */

export const SCHOOL_TYPES = [
  'maintained_mainstream',
  'maintained_nursery',
  'academy_mainstream',
  'maintained_special',
  'academy_special',
  'academy_16_19',
  'ap_academy',
  'pru',
  'independent',
  'non_maintained_special',
  'fe_college',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Which sentences a text matcher looks at. Headings, questions, glossary lines and
 * sentences about what "schools should" do are not the school's own arrangement, so the
 * default is body text only. */
export const SENTENCE_ROLES = ['body', 'heading', 'question', 'glossary', 'generic'] as const;
export type SentenceRole = (typeof SENTENCE_ROLES)[number];

/** Whose words a sentence is in (src/facts/sentence-facts.ts): `voice:` in a text matcher. */
export const VOICES = ['school', 'law', 'local-authority', 'template', 'quotation'] as const;
export type Voice = (typeof VOICES)[number];

/** What kind of statement a sentence makes (src/facts/sentence-facts.ts): `statement:` in a text matcher. */
export const STATEMENTS = ['practice', 'aim', 'definition', 'about-document', 'pointer', 'absence'] as const;
export type Statement = (typeof STATEMENTS)[number];

/** Units an `all` matcher's parts must share. A `contact-block` is a run of short lines set out
 * as a card ("SENCO: Mrs J Smith", "Qualifications: ...", "Email: ..."), as contact details are. */
export const SCOPES = ['sentence', 'block', 'contact-block', 'section', 'document'] as const;
export type Scope = (typeof SCOPES)[number];

export const ENTITIES = ['person', 'email', 'phone', 'url'] as const;
export type EntityKind = (typeof ENTITIES)[number];


// Does a line of text read like a heading? Used for plain text and PDFs, and for HTML
// paragraphs that are all bold. Only the words are looked at; callers add context (what
// comes before and after).

/** Small words that stay lower-case in Title Case ("Support for Pupils with SEN"). */
const MINOR_WORDS = new Set(
  'a an the and or but nor of in on at to for with by from as into onto via per vs v if so up out off over than'.split(' '),
);

/** Finite verbs that make a short line a sentence rather than a sentence-case heading. */
const VERBS = new Set('is are was were will would can could may might must shall should has have had does do did'.split(' '));

/** Words a heading does not end with. */
const DANGLING_WORDS = new Set([...MINOR_WORDS, ...VERBS, 'our', 'your', 'their', 'my', 'its', 'this', 'that', 'which', 'who', 'be', 'been', 'including']);

const MAX_WORDS = 12;
const MAX_QUESTION_WORDS = 20;
const MAX_SENTENCE_CASE_WORDS = 8;

function words(text: string): string[] {
  return text.match(/[\p{L}][\p{L}\p{M}'’\-]*/gu) ?? [];
}

const isUpper = (ch: string | undefined) => ch !== undefined && /\p{Lu}/u.test(ch);

/** "How will my child be supported?" */
export function isQuestion(text: string): boolean {
  return /\?["'”’)]*$/.test(text.trim());
}

/** "SPECIAL EDUCATIONAL NEEDS": at least three letters and none lower-case. */
export function isShoutedText(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && !/\p{Ll}/u.test(text);
}

/** Every word capitalised except small joining words: "Support for Pupils with Medical Needs". */
export function isTitleCase(text: string): boolean {
  const ws = words(text);
  if (ws.length === 0 || !isUpper(ws[0]![0])) return false;
  return ws.every((w, i) => i === 0 || isUpper(w[0]) || MINOR_WORDS.has(w.toLowerCase()));
}

/**
 * The shape of a heading: short, starts with a capital (or a number), does not end like a
 * sentence or a clause, is not contact details, and is a question, ALL CAPS, Title Case, or
 * a short sentence-case phrase with no verb ("Areas of need").
 */
export function isHeadingText(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 160) return false;
  if (/[.,;]["'”’)]*$/.test(t) && !t.endsWith('...')) return false;
  if (/@|https?:\/\/|www\.|\.(?:uk|com|org)\b/i.test(t)) return false;
  // A capital first, or a section number then a capital ("2.1 Who is the SENCO?").
  if (!/^["'“‘(]?(?:\p{Lu}|\d+(?:\.\d+)*[.)]?\s+["'“‘(]?\p{Lu})/u.test(t)) return false;
  // Unbalanced brackets: the rest of a sentence from the line before.
  if ((t.match(/\(/g) ?? []).length !== (t.match(/\)/g) ?? []).length) return false;
  // File names and paths ("SEND_Policy_2024.pdf") are not headings.
  if (/_|\S\/\S*\.\w{2,4}\b|\.(?:pdf|docx?|html?)\b/i.test(t)) return false;
  const nonSpace = t.replace(/\s/g, '');
  const digits = (nonSpace.match(/\d/g) ?? []).length;
  if (digits / nonSpace.length > 0.4) return false; // phone numbers, dates, page numbers
  const ws = words(t);
  if (ws.length === 0) return false;
  // "Responsible for:" or "Our SENCO is" is half a sentence, not a heading; but a short line may
  // end on its preposition ("Who to talk to", "People we work with", "Moving on", "Who's who").
  const last = ws[ws.length - 1]!.toLowerCase();
  if (DANGLING_WORDS.has(last) && !endsOnPreposition(t, ws, last)) return false;
  if (isQuestion(t)) return ws.length <= MAX_QUESTION_WORDS;
  if (ws.length > MAX_WORDS) return false;
  if (isShoutedText(t) || isTitleCase(t)) return true;
  // A verb is allowed where a question word or "if" leads, as a question without its mark
  // ("If you are not happy", "Where we are now"): not half a sentence ("Our SENCO is").
  return ws.length <= MAX_SENTENCE_CASE_WORDS && (QUESTION_LEAD.test(t) || !ws.some((w) => VERBS.has(w.toLowerCase())));
}

/** Prepositions a heading may leave at its end ("Who to talk to", "The children we care for"). */
export const STRANDED_PREPOSITIONS = new Set(['to', 'for', 'with', 'about', 'of', 'on', 'in', 'from', 'at', 'by']);
const MAX_STRANDED_WORDS = 6;

/**
 * A heading that ends on its preposition: short, not a label ("Responsible for:"), and led by a
 * question word or without a finite verb ("Everyone joins in", not "Our SENCO is" nor "We talk to").
 */
function endsOnPreposition(t: string, ws: string[], last: string): boolean {
  if (!(STRANDED_PREPOSITIONS.has(last) || last === 'who') || t.endsWith(':')) return false;
  if (QUESTION_LEAD.test(t)) return ws.length <= MAX_SENTENCE_CASE_WORDS;
  return ws.length <= MAX_STRANDED_WORDS && !ws.some((w) => VERBS.has(w.toLowerCase())) && !/^(?:we|i|you|they|he|she|it)$/i.test(ws[0]!);
}

const QUESTION_LEAD = /^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:if|how|what|when|where|who|why|which)\b/i;

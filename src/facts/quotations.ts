// Someone else's words quoted inside a school's paragraph: 'The county council says: "Every
// school is expected to identify... You can find out more on the Local Offer."' Each sentence of
// the quotation is the speaker's, not the school's account (judging-guide.md, "Someone else's
// voice"), though the paragraph around it is the school's. A whole block in quotation marks, and
// a paragraph after a lead-in citing the law, are handled in prepare.ts.

/** Who is quoted, then the opening mark: "X says:", "the Code states that", "one parent told us". */
const ATTRIBUTION = /\b(?:says?|said|states?|stated|writes?|wrote|advises?|advised|explains?|explained|tells? us|told us|puts? it)\b(?:\s+that)?(?:\s*[:,])?\s*["\u201c]/i;

/**
 * For each of a block's sentences, in order, whether it is inside a quotation opened after an
 * attribution. Only double quotation marks count: a single one is as often an apostrophe.
 * Quoted names and phrases inside a sentence ("our "Nurture Time" group") are left alone: only
 * a quotation someone is said to have spoken or written is marked.
 */
export function quotedSentences(sentences: readonly string[]): boolean[] {
  let open = false;
  return sentences.map((text) => {
    const startsInside = open;
    const attributed = ATTRIBUTION.exec(text);
    // From where the quotation opens (or the sentence's start, if one is already open), follow the marks.
    let inside = startsInside;
    let from = 0;
    if (!inside && attributed) {
      inside = true;
      from = attributed.index + attributed[0].length;
    }
    if (inside) {
      for (const ch of text.slice(from)) {
        if (ch === '\u201d' || (ch === '"' && inside)) inside = false;
        else if (ch === '\u201c' || ch === '"') inside = true;
      }
    }
    open = inside;
    return startsInside || attributed !== null;
  });
}

// Small clues about which document is the school's own: the file name a download endpoint
// sends, and the school's name in links on a trust's or council's pages listing many schools.

/** The file name in a Content-Disposition header (`filename*=UTF-8''...` preferred), or null. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:[\w-]+'[^']*')?([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]!).trim() : null;
}

/** Words of a school's name too common to tell one school from another. */
const COMMON = new Set(
  'the of and st saint school schools primary secondary infant infants junior juniors nursery academy college church england ce cofe c e rc catholic roman voluntary aided controlled community foundation trust federation high free special upper lower middle first church-of-england'.split(' '),
);

/** The words of a school's name that tell it apart ("Oak Hill Primary School" -> oak, hill). */
export function schoolNameWords(name: string | null): string[] {
  if (!name) return [];
  return [...new Set(name.toLowerCase().replace(/[’']s\b/g, '').split(/[^a-z]+/).filter((w) => w.length >= 3 && !COMMON.has(w)))];
}

/** Extra score for a link on another host that names the school. */
const NAME_BONUS = 10;

export function nameBonus(words: string[], text: string): number {
  if (words.length === 0) return 0;
  const have = new Set(text.toLowerCase().replace(/[’']s\b/g, '').split(/[^a-z]+/));
  return words.some((w) => have.has(w)) ? NAME_BONUS : 0;
}

// An English syllable estimate from spelling, for the Flesch score. It counts groups of vowels
// and corrects for the commonest silent endings; it is right for most words, and a reading-ease
// score averages over hundreds of words, so the odd miss does not move it much.

const SILENT_E = /[^aeiouy]e$/;
const SOUNDED_LE = /[^aeiouy]le$/;
const SILENT_ED = /[^aeiouytd]ed$/;
const SILENT_ES = /[^aeiouysxzhgc]es$/;
/** Vowel pairs said as two syllables: "individual", "science", "create" (not "-tion", "-cial"). */
const SPLIT_PAIRS = /[^qg]ua|uo|[^tsc]i[ao]|eate|eato|eati/g;

// A report uses a few thousand distinct words many times over: each is counted once. The
// count depends only on the word, so the cache cannot change a score; it is emptied when full
// so a batch of many schools does not grow it without bound.
const cache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

export function syllables(word: string): number {
  let n = cache.get(word);
  if (n === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    n = countSyllables(word);
    cache.set(word, n);
  }
  return n;
}

function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  let n = (w.match(/[aeiouy]+/g) ?? []).length;
  if (n > 1 && SILENT_E.test(w) && !SOUNDED_LE.test(w)) n -= 1;
  if (n > 1 && SILENT_ED.test(w)) n -= 1;
  if (n > 1 && SILENT_ES.test(w)) n -= 1;
  n += (w.match(SPLIT_PAIRS) ?? []).length;
  return Math.max(1, n);
}

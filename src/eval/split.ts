// Held-out discipline (issue #13): the corpus is split, by a hash of each document's id, into a
// development part, whose disagreements are shown and may be studied while rules change, and a
// held-out part, whose figures judge a change and whose disagreements are not printed (unless
// asked). A hash keeps each document in its part as the corpus grows. `--folds k` splits the
// same way into k parts, to show how much the figures move with the documents chosen.

export type Part = 'dev' | 'held-out';

/** FNV-1a, 32 bits: small, stable across platforms and versions. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The fold (0 .. k-1) a document belongs to. */
export function foldOf(id: string, k: number): number {
  return fnv1a(`senaudit-fold:${id}`) % k;
}

/** The part a document belongs to: fold 0 of 2 is held out. */
export function partOf(id: string): Part {
  return foldOf(id, 2) === 0 ? 'held-out' : 'dev';
}

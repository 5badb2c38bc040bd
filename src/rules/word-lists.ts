// Named word lists in rule files (issue #13): `lists: {pupils: [pupil, pupils, child, ...]}` in a
// rule set's index, and `$pupils` among any matcher's words. Expanded in the YAML's data before it
// is validated, so the rules the engine compiles hold plain words, as if written out in full.

/** A list's name: lower-case letters, digits and hyphens, starting with a letter. */
const NAME = '[a-z][a-z0-9-]*';
export const WORD_LIST_NAME = new RegExp(`^${NAME}$`);
/** A reference to a list, standing alone as one entry of a list of words. */
const REFERENCE = new RegExp(`^\\$(${NAME})$`);

export type WordLists = ReadonlyMap<string, readonly string[]>;

/** Where an unknown list is named: the path of its entry in the file's data, and its name. */
export interface UnknownList {
  path: (string | number)[];
  name: string;
}

/**
 * The data with every `$name` entry of an array replaced by the words of that list, in place of
 * the entry; the first reference to a list that is not defined is returned instead.
 */
export function expandWordLists(data: unknown, lists: WordLists): { data: unknown } | { unknown: UnknownList } {
  let unknown: UnknownList | null = null;
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (unknown) return value;
    if (Array.isArray(value)) {
      return value.flatMap((item, i) => {
        const ref = typeof item === 'string' ? REFERENCE.exec(item) : null;
        if (!ref) return [visit(item, [...path, i])];
        const words = lists.get(ref[1]!);
        if (!words) unknown ??= { path: [...path, i], name: ref[1]! };
        return words ?? [item];
      });
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, [...path, k])]));
    }
    return value;
  };
  const out = visit(data, []);
  return unknown ? { unknown } : { data: out };
}

/** The lists a file defines added to those it inherits; a name defined twice is returned as clashing. */
export function addWordLists(inherited: WordLists, defined: Record<string, string[]> | undefined): { lists: WordLists } | { clash: string } {
  const lists = new Map(inherited);
  for (const [name, words] of Object.entries(defined ?? {})) {
    if (lists.has(name)) return { clash: name };
    lists.set(name, words);
  }
  return { lists };
}

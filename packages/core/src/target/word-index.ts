/**
 * Word lists grouped by their first character. Matching a list at the start of a string then tries
 * only the words that begin with that string's first character, instead of calling `startsWith` for
 * every word. Order is kept within a group, so "first word that matches" and "longest word that
 * matches" give the same answer as a walk over the whole list.
 */
export type WordIndex<T> = ReadonlyMap<number, readonly T[]>;

const NONE: readonly never[] = [];

export function indexByFirstChar<T>(items: readonly T[], wordOf: (item: T) => string): WordIndex<T> {
  // Keyed by UTF-16 code unit: `s[0]` would build a new one-character string on every lookup.
  const index = new Map<number, T[]>();
  for (const item of items) {
    const first = wordOf(item).charCodeAt(0);
    const group = index.get(first);
    if (group) group.push(item);
    else index.set(first, [item]);
  }
  return index;
}

/** The items, in list order, whose word may start `s` (all others certainly do not). */
export function candidatesAt<T>(index: WordIndex<T>, s: string): readonly T[] {
  return index.get(s.charCodeAt(0)) ?? NONE;
}

/**
 * Lookups of the gazetteer extractor, built once at module load from its vocabulary.
 *
 * The extractor walks back from every `镇`/`区`/`园`… of a plan, character by character, so these
 * work on UTF-16 code units (`charCodeAt`) rather than one-character strings: indexing a string with
 * `text[i]` allocates a new string for every Han character, and a `RegExp.test` on it costs far more
 * than a range check.
 */
import { PREFIX_WORDS } from './gazetteer.vocabulary.js';

/** `[\u4e00-\u9fff]` */
export function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** `[\u4e00-\u9fffA-Za-z0-9（）()+]`: what a park or zone qualifier may contain (`江苏（武进）`, `5G`). */
export function isAreaChar(code: number): boolean {
  return (
    isHan(code) ||
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x39) || // 0-9
    isOpenParen(code) ||
    isCloseParen(code) ||
    code === 0x2b // +
  );
}

/** `（` or `(` */
export function isOpenParen(code: number): boolean {
  return code === 0xff08 || code === 0x28;
}

/** `）` or `)` */
export function isCloseParen(code: number): boolean {
  return code === 0xff09 || code === 0x29;
}

/** The code units of a string of single characters (`'级村街域区'`), for membership tests. */
export function charCodes(chars: string): ReadonlySet<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

/** A copy of words sorted longest first (stable, so equal lengths keep their order). */
export function longestFirst(words: readonly string[]): readonly string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** {@link PREFIX_WORDS} as a set, to reject a qualifier that is nothing but such a word. */
export const PREFIX_WORD_SET: ReadonlySet<string> = new Set(PREFIX_WORDS);

/**
 * {@link PREFIX_WORDS} grouped by the code of their first character, each group keeping the
 * longest-first order, so stripping tries only the words that can start at a position instead of
 * all ~75 of them.
 */
const PREFIX_WORDS_BY_FIRST_CODE: ReadonlyMap<number, readonly string[]> = (() => {
  const byCode = new Map<number, string[]>();
  for (const word of PREFIX_WORDS) {
    const first = word.charCodeAt(0);
    byCode.set(first, [...(byCode.get(first) ?? []), word]);
  }
  return byCode;
})();

/**
 * Start of a qualifier `text[start, at)` once leading verbs and adverbs are stripped, repeatedly
 * (`进一步理顺湖塘` → `湖塘`). Returns `start` when nothing was stripped.
 */
export function stripPrefixWords(text: string, start: number, at: number): number {
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const word of PREFIX_WORDS_BY_FIRST_CODE.get(text.charCodeAt(start)) ?? []) {
      // A one-character word (`以`, `为`) is only stripped when two characters remain (`如皋` stays).
      const keep = word.length === 1 ? 2 : 1;
      if (text.startsWith(word, start) && at - start >= word.length + keep) {
        start += word.length;
        stripped = true;
        break;
      }
    }
  }
  return start;
}

/**
 * Endings that all close with the same character (`产业园`, `科技园`, `乐园` …), grouped by the
 * character before that one, longest first within a group. Where an ending closes, only the group of
 * the preceding character can match, so that is all {@link findEnding} tries — instead of every
 * ending at every `区` or `园`. One-character endings (`区`) come after the longer ones, as in a
 * longest-first list.
 */
export type EndingTable = {
  byPenultimate: ReadonlyMap<number, readonly string[]>;
  single: readonly string[];
};

export function endingTable(endings: readonly string[]): EndingTable {
  const byPenultimate = new Map<number, string[]>();
  const single: string[] = [];
  for (const ending of longestFirst(endings)) {
    if (ending.length === 1) {
      single.push(ending);
      continue;
    }
    const penultimate = ending.charCodeAt(ending.length - 2);
    byPenultimate.set(penultimate, [...(byPenultimate.get(penultimate) ?? []), ending]);
  }
  return { byPenultimate, single };
}

const NO_ENDINGS: readonly string[] = [];

/** The longest ending of the table that closes at `last` (the offset of its last character), if any. */
export function findEnding(text: string, last: number, table: EndingTable): string | undefined {
  const group = table.byPenultimate.get(text.charCodeAt(last - 1)) ?? NO_ENDINGS;
  for (const ending of group) if (text.startsWith(ending, last + 1 - ending.length)) return ending;
  for (const ending of table.single) if (text.startsWith(ending, last)) return ending;
  return undefined;
}

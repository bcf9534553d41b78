/**
 * Note marks written after an indicator name refer to the table's notes (`森林覆盖率*`, `耕地保有量①`,
 * `单位GDP能耗降低¹`, `人均GDP（注1）`); they are not part of the name. One or more marks at the end:
 * stars, superscript digits, circled numbers, or `注N` in brackets.
 */
const TRAILING_MARK_RE = /(?:[*∗※⁎✱]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|[\u2460-\u2473]|[(（]注\d{1,2}[)）])+$/u;

/** A name with its trailing note mark split off. */
export type NameNote = { name: string; mark: string | null };

/**
 * Splits a note mark off the end of an indicator name; whitespace before the mark goes with it.
 * Returns the name unchanged and `mark: null` when there is none, or when the mark is all there is.
 */
export function splitNoteMark(written: string): NameNote {
  const m = TRAILING_MARK_RE.exec(written);
  if (!m || m.index === 0) return { name: written, mark: null };
  const name = written.slice(0, m.index).trimEnd();
  return name.length === 0 ? { name: written, mark: null } : { name, mark: m[0] };
}

import { parseChineseNumeral } from './chinese-numeral.js';

/** A period written before a value: `“十四五”`, `“十五五”期间`, `2021-2024年`, `2021年以来`. */
export type PeriodPrefix = {
  /** Length of the prefix in the (half-width folded, space-free) text it was read from. */
  length: number;
  /** Last year of the period (`“十四五”` → 2025, `2021-2024年` → 2024); null for `2021年以来`. */
  endYear: number | null;
};

/**
 * A named plan period: `十四五` with or without quotes. Without quotes it must be followed by a
 * period or rate word, so that a numeral such as `三五` is never taken for a period.
 */
const NAMED_PERIOD_RE =
  /^(?:["“”'‘’「『]((?:十)?[一二三四五六七八九]五)["“”'‘’」』]|((?:十)?[一二三四五六七八九]五)(?=期间|时期|以来|年均|每年|平均|累计))(?:期间|时期|以来|期内)?/;
/** A range of years: `2021-2024年`, `2021年至2024年`, `2021—25年`, then an optional `期间`/`间`/`内`. */
const YEAR_RANGE_RE = /^((?:19|20)\d{2})年?(?:-|~|〜|—|–|―|－|至|到)((?:19|20)?\d{2})年(?:期间|间|内|以来)?/;
/** `2021年以来`: a period with no end year. */
const SINCE_RE = /^(?:19|20)\d{2}年以来/;

/** First year of the `n`th five-year plan: the 1st began in 1953, the 3rd in 1966 (after 1963–65). */
function planStartYear(n: number): number {
  return n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3);
}

/**
 * Reads the period a target or baseline is stated for when it opens the text: plans and tables
 * write rates and cumulative values for a period (`“十五五”年均增长5.0左右`, `2021-2024年累计降低8.2`,
 * `“十四五”期间累计下降13.5`). Returns null when the text does not open with a period.
 */
export function readPeriodPrefix(text: string): PeriodPrefix | null {
  const named = NAMED_PERIOD_RE.exec(text);
  if (named) {
    const numeral = named[1] ?? named[2] ?? '';
    const n = parseChineseNumeral(numeral.slice(0, -1));
    const endYear = n !== null && n >= 1 ? planStartYear(n) + 4 : null;
    return { length: named[0].length, endYear };
  }
  const range = YEAR_RANGE_RE.exec(text);
  if (range) {
    const first = range[1] ?? '';
    const written = range[2] ?? '';
    const end = Number(written.length === 2 ? `${first.slice(0, 2)}${written}` : written);
    if (end < Number(first)) return null;
    return { length: range[0].length, endYear: end };
  }
  const since = SINCE_RE.exec(text);
  if (since) return { length: since[0].length, endYear: null };
  return null;
}

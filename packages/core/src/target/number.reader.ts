import { parseChineseNumeral } from './chinese-numeral.js';

/** A number read at a position of (half-width folded) text. */
export type NumberToken = {
  start: number;
  /** Offset just after the numeral; a trailing `万`/`亿` magnitude is left outside (it belongs to the unit). */
  end: number;
  value: number;
  /** True for Arabic digits, false for Chinese numerals. */
  arabic: boolean;
};

const ARABIC_RE = /\d+(?:,\d{3})*(?:\.\d+)?/y;
const CHINESE_RE =
  /[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?/y;
const TRAILING_MAGNITUDE_RE = /[万亿]+$/;
const COMMAS_RE = /,/g;
/** The first and the following characters of {@link CHINESE_RE}'s numerals (`点` may start a decimal part). */
const CHINESE_FIRST = '零〇一二两三四五六七八九十百千';
const CHINESE_NEXT = '零〇一二两三四五六七八九十百千万亿点';
const MAGNITUDE_RE = /[万亿]/;

/**
 * Reads an Arabic (`1,200.5`) or Chinese (`一百二十`) number starting exactly at `start`, or returns
 * null. A trailing magnitude (`十万`, `三千万`) is not part of the value: plans keep `万人`, `亿元` as the
 * unit, so `十万人` reads as 10 with unit `万人`, just like `10万人`. Runs that are not one well-formed
 * numeral (`十五五`, `十百千`) return null.
 */
export function readNumberAt(text: string, start: number): NumberToken | null {
  // Sticky patterns: `test` leaves the end of the match in `lastIndex`, without a match array.
  ARABIC_RE.lastIndex = start;
  if (ARABIC_RE.test(text)) {
    const end = ARABIC_RE.lastIndex;
    const written = text.slice(start, end);
    // Most numbers have no thousands separator; a global replace is costly enough to skip then.
    const value = Number(written.includes(',') ? written.replace(COMMAS_RE, '') : written);
    if (!Number.isFinite(value)) return null;
    return { start, end, value, arabic: true };
  }
  const lone = loneChineseDigit(text, start);
  if (lone !== null) {
    const value = parseChineseNumeral(lone);
    return value === null ? null : { start, end: start + 1, value, arabic: false };
  }
  CHINESE_RE.lastIndex = start;
  if (!CHINESE_RE.test(text)) return null;
  let run = text.slice(start, CHINESE_RE.lastIndex);
  const magnitude = TRAILING_MAGNITUDE_RE.exec(run);
  if (magnitude && magnitude.index > 0 && !MAGNITUDE_RE.test(run.slice(0, magnitude.index))) {
    run = run.slice(0, magnitude.index);
  }
  const value = parseChineseNumeral(run);
  if (value === null) return null;
  return { start, end: start + run.length, value, arabic: false };
}

/**
 * The numeral at `start` when it stands alone (`三项`, `一体化`) — most Chinese numerals in running
 * text do, and they are read without running the patterns; null when it does not, or is no numeral.
 */
function loneChineseDigit(text: string, start: number): string | null {
  const ch = text.charAt(start);
  const next = text.charAt(start + 1);
  if (ch === '' || !CHINESE_FIRST.includes(ch)) return null;
  return next === '' || !CHINESE_NEXT.includes(next) ? ch : null;
}

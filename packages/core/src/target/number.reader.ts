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

/**
 * Reads an Arabic (`1,200.5`) or Chinese (`一百二十`) number starting exactly at `start`, or returns
 * null. A trailing magnitude (`十万`, `三千万`) is not part of the value: plans keep `万人`, `亿元` as the
 * unit, so `十万人` reads as 10 with unit `万人`, just like `10万人`. Runs that are not one well-formed
 * numeral (`十五五`, `十百千`) return null.
 */
export function readNumberAt(text: string, start: number): NumberToken | null {
  ARABIC_RE.lastIndex = start;
  const arabic = ARABIC_RE.exec(text);
  if (arabic) {
    const value = Number(arabic[0].replace(/,/g, ''));
    if (!Number.isFinite(value)) return null;
    return { start, end: start + arabic[0].length, value, arabic: true };
  }
  CHINESE_RE.lastIndex = start;
  const chinese = CHINESE_RE.exec(text);
  if (!chinese) return null;
  let run = chinese[0];
  const magnitude = TRAILING_MAGNITUDE_RE.exec(run);
  if (magnitude && magnitude.index > 0 && !/[万亿]/.test(run.slice(0, magnitude.index))) {
    run = run.slice(0, magnitude.index);
  }
  const value = parseChineseNumeral(run);
  if (value === null) return null;
  return { start, end: start + run.length, value, arabic: false };
}

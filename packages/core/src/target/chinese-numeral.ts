/**
 * Chinese numerals (`一百二十`, `两`, `〇`, `二〇三五`, `三点五`) → numbers. Plan outlines mostly write
 * values in Arabic digits, but targets such as `十名左右`, years such as `二〇三五年` and ordinals in
 * titles use Chinese numerals, so every reader of values needs one shared, strict conversion.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Digit characters that can be read position by position (`二〇三五` → 2035). */
const POSITIONAL_RE = /^[零〇一二三四五六七八九]+$/;

/**
 * Parses a complete Chinese numeral. Accepts grouped numerals (`一百二十` → 120, `一万二千` → 12000,
 * `十五` → 15, `一亿二千万` → 120000000, `一百零五` → 105), digit strings (`二〇三五` → 2035) and a
 * decimal part after `点` (`三点五` → 3.5). Returns null for anything that is not one well-formed
 * numeral — notably names such as `十五五` or `十百千` — so callers can treat null as "not a number".
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const dot = text.indexOf('点');
  if (dot >= 0) {
    const intPart = dot === 0 ? null : parseChineseNumeral(text.slice(0, dot));
    const fraction = text.slice(dot + 1);
    if (intPart === null || !POSITIONAL_RE.test(fraction)) return null;
    let digits = '';
    for (const ch of fraction) digits += String(DIGITS[ch] ?? 0);
    return Number(`${intPart}.${digits}`);
  }
  if (text.length > 1 && POSITIONAL_RE.test(text)) {
    let value = 0;
    for (const ch of text) value = value * 10 + (DIGITS[ch] ?? 0);
    return value;
  }
  return parseGrouped(text);
}

/** Grouped form: digits combined with 十百千 inside sections separated by 万 and 亿. */
function parseGrouped(text: string): number | null {
  let yiTotal = 0;
  let wanTotal = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let afterZero = false;
  let sawAnything = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && !afterZero) return null;
      if (d === 0) {
        afterZero = true;
        digit = null;
        continue;
      }
      digit = d;
      afterZero = false;
      sawAnything = true;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      let factor = digit;
      if (factor === null) {
        // `十五` = 15, `百名` = 100: a leading unit without a digit counts one of it.
        if (section !== 0 || wanTotal !== 0 || yiTotal !== 0 || afterZero) {
          if (!(afterZero && small === 10)) return null;
        }
        factor = 1;
      }
      section += factor * small;
      lastSmall = small;
      digit = null;
      afterZero = false;
      sawAnything = true;
      continue;
    }
    if (ch === '万') {
      const part = section + (digit ?? 0);
      if (part === 0) return null;
      wanTotal += part * 10_000;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      afterZero = false;
      continue;
    }
    if (ch === '亿') {
      const part = wanTotal + section + (digit ?? 0);
      if (part === 0) return null;
      yiTotal = (yiTotal + part) * 100_000_000;
      wanTotal = 0;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      afterZero = false;
      continue;
    }
    return null;
  }
  if (!sawAnything && !afterZero) return null;
  return yiTotal + wanTotal + section + (digit ?? 0);
}

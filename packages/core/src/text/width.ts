/**
 * Full-width → half-width folding for parsing. Every character maps to exactly one character, so
 * offsets in the folded text are offsets in the original: spans stay exact while the parser sees
 * `１２．５％` as `12.5%`. Chinese punctuation that has no ASCII twin (`，`, `。`, `、`) is kept.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULL_WIDTH.has(code)) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (code === 0x3000) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** Full-width marks that carry meaning in Chinese text and must not turn into ASCII look-alikes. */
const KEEP_FULL_WIDTH = new Set([
  0xff0c, // ， (comma: the sentence grammar splits on it)
  0xff1b, // ；
  0xff1a, // ：
  0xff08, // （ (parenthesised notes such as （累计） are matched in their full-width form)
  0xff09, // ）
  0xff01, // ！
  0xff1f, // ？
]);

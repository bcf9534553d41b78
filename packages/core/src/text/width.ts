/**
 * Full-width → half-width folding for parsing. Every character maps to exactly one character, so
 * offsets in the folded text are offsets in the original: spans stay exact while the parser sees
 * `１２．５％` as `12.5%` and `（累计）` as `(累计)`. Sentence marks (`，；：！？`) stay full-width because
 * the sentence grammar splits on them; `。` and `、` have no ASCII twin anyway.
 */
export function toHalfWidth(text: string): string {
  FOLDABLE.lastIndex = 0;
  if (!FOLDABLE.test(text)) return text;
  return text.replace(FOLDABLE, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Full-width forms (U+FF01–FF5E) and the ideographic space, less the sentence marks ，；：！？. */
const FOLDABLE = /[\uff02-\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e\u3000]/g;

/** Width as laid out on the page: CJK characters (and everything above U+2E80) are twice as wide as Latin ones. */
export function displayWidth(text: string): number {
  let width = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) width++;
  return width;
}

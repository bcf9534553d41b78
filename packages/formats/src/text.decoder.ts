import { formatErrors } from './format-error.catalog.js';

/** Encodings {@link decodeText} recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Result of {@link decodeText}: the text (without byte-order mark) and the encoding it was read in. */
export type DecodedText = { text: string; encoding: TextEncodingName };

/** Share of suspicious characters (controls, U+FFFD…) above which a decoding is rejected. */
const MAX_BAD_RATIO = 0.01;
/** Share of "usual" characters a guessed (BOM-less UTF-16 or GB18030) decoding must reach. */
const MIN_COMMON_RATIO = 0.8;

/**
 * Decodes the bytes of a plain-text file: a UTF-8 BOM (stripped) or UTF-16 LE/BE BOM decides the
 * encoding; otherwise NUL bytes point to UTF-16 (byte order from which half of the code units holds
 * the NULs), then strict UTF-8 is tried, then GB18030 (a superset of GBK/GB2312). Every candidate
 * must decode without error and look like text (few control characters; guessed encodings mostly
 * yield common CJK/Latin characters). Throws `FormatError` `binary` when no candidate fits.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8' };

  const bom = bomEncoding(bytes);
  if (bom !== null) {
    const text = strictDecode(bom, bytes);
    if (text !== null && badRatio(text) <= MAX_BAD_RATIO) return { text, encoding: bom };
    throw formatErrors.binary({ detail: `invalid ${bom} after its byte-order mark` });
  }

  const candidates: TextEncodingName[] = [];
  const utf16 = guessUtf16(bytes);
  if (utf16 !== null) candidates.push(utf16);
  candidates.push('utf-8', 'gb18030');

  for (const encoding of candidates) {
    const text = strictDecode(encoding, bytes);
    if (text === null || badRatio(text) > MAX_BAD_RATIO) continue;
    const guessed = encoding !== 'utf-8';
    if (guessed && commonRatio(text) < MIN_COMMON_RATIO) continue;
    return { text, encoding };
  }
  throw formatErrors.binary({ detail: `not valid text in ${candidates.join(', ')}` });
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without BOM: text in UTF-16 has NUL bytes in the high half of every ASCII code unit (odd
 * offsets for LE, even for BE); UTF-8 and GB18030 text never contains NUL. Returns null without NULs
 * or for an odd length.
 */
function guessUtf16(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (even === 0 && odd === 0) return null;
  return odd >= even ? 'utf-16le' : 'utf-16be';
}

/** Decodes with `fatal: true` (a leading BOM of that encoding is dropped); null when invalid. */
function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters no text file contains: C0/C1 controls other than whitespace, U+FFFD, U+FFFE/F. */
function badRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBadCode(c)) bad++;
  }
  // Tolerate a single stray control character in a short file.
  return bad <= 1 ? 0 : bad / text.length;
}

function isBadCode(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a;
  if (c >= 0x7f && c <= 0x9f) return true;
  return c === 0xfffd || c === 0xfffe || c === 0xffff;
}

/** Unicode blocks plain Chinese/English plan text is made of. */
const COMMON_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0x24f], // Latin-1, Latin Extended
  [0x370, 0x4ff], // Greek, Cyrillic (part of GBK)
  [0x2000, 0x22ff], // punctuation, letterlike (℃), number forms (Ⅲ), arrows, math (≥)
  [0x2460, 0x25ff], // ①, box drawing, ■□▲
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0x3040, 0x30ff], // kana (part of GBK)
  [0x3200, 0x33ff], // enclosed CJK, compatibility (㈠, ㎡)
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xffef], // full-width forms
];

function isCommonCode(c: number): boolean {
  for (const [from, to] of COMMON_RANGES) if (c >= from && c <= to) return true;
  return false;
}

/** Share of characters in {@link COMMON_RANGES} (private-use and astral characters are not). */
function commonRatio(text: string): number {
  if (text.length === 0) return 1;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    if (isCommonCode(text.charCodeAt(i))) common++;
  }
  return common / text.length;
}

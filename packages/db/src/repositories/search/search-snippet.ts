/** How hits are marked in a snippet: `【…】` for plain text, `<mark>…</mark>` for HTML (text escaped). */
export type SnippetMarks = 'brackets' | 'html';

/** Options of {@link buildSnippet}. */
export type SnippetOptions = { width?: number; before?: number; marks?: SnippetMarks };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Lower-cases characters whose lower case has the same length, so offsets stay aligned. */
function fold(char: string): string {
  const lower = char.toLowerCase();
  return lower.length === char.length ? lower : char;
}

/**
 * `chars` folded one by one (exported for its tests). Lower-casing the whole text at once gives
 * the same characters, far faster, when no character changed length (no lower case is shorter
 * than its capital, so equal lengths mean none did) and there is no Σ, whose lower case depends
 * on the letters around it.
 */
export function foldChars(text: string, chars: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return lower.length === text.length && !text.includes('Σ') ? [...lower] : chars.map(fold);
}

/**
 * A short excerpt of `text` around the first hit of any term, with every hit in the excerpt
 * marked. Works on code points (a CJK character is never split), folds Latin case, turns line
 * breaks into spaces and adds `…` where the excerpt cuts the text. Both dialects use it, so a
 * search returns the same snippet on SQLite and PostgreSQL. Returns null when no term occurs.
 */
export function buildSnippet(
  text: string,
  terms: readonly string[],
  options: SnippetOptions = {},
): string | null {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const part = partAroundFirstHit(flat, terms, options.width ?? 80, options.before ?? 20);
  return part === null ? null : excerpt(part, terms, options);
}

/** A piece of the text, and whether text was cut off before or after it. */
export type TextPart = { text: string; cutBefore: boolean; cutAfter: boolean };

/** The excerpt of `part` as {@link buildSnippet} defines it; exported for its tests. */
export function excerpt(
  part: TextPart,
  terms: readonly string[],
  options: SnippetOptions = {},
): string | null {
  const width = options.width ?? 80;
  const before = options.before ?? 20;
  const chars = [...part.text];
  const folded = foldChars(part.text, chars);
  const needles = [...new Set(terms.map((t) => [...t].map(fold)))]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  const hits: [number, number][] = [];
  for (let i = 0; i < folded.length;) {
    const needle = needles.find((n) => n.every((c, k) => folded[i + k] === c));
    if (needle === undefined) {
      i += 1;
      continue;
    }
    hits.push([i, i + needle.length]);
    i += needle.length;
  }
  const first = hits[0];
  if (first === undefined) return null;
  const start = Math.max(0, Math.min(first[0] - before, chars.length - width));
  const end = Math.min(chars.length, start + width);
  const escape = (s: string): string =>
    options.marks === 'html' ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : s;
  const [open, close] = options.marks === 'html' ? ['<mark>', '</mark>'] : ['【', '】'];
  let out = start > 0 || part.cutBefore ? '…' : '';
  let at = start;
  for (const [hitStart, hitEnd] of hits) {
    if (hitStart < start || hitStart >= end) continue;
    const stop = Math.min(hitEnd, end);
    out +=
      escape(chars.slice(at, hitStart).join('')) +
      open +
      escape(chars.slice(hitStart, stop).join('')) +
      close;
    at = stop;
  }
  out += escape(chars.slice(at, end).join(''));
  return end < chars.length || part.cutAfter ? `${out}…` : out;
}

/**
 * The part of `flat` an excerpt can come from, so that a long text (a chapter) is not split into
 * characters, folded and scanned whole for every search result: from `2 × (width + before)` code
 * units before the first hit to `2 × (width + longest term)` after it. Counted in code units, the
 * margins hold at least as many characters, so the excerpt and its marks are the same as from the
 * whole text. Null when no term occurs. The whole text when the lower-cased copy would not line
 * up with it (a character whose lower case is longer), or has no hit only because of the Greek
 * final sigma, the one letter lower-cased by context.
 */
function partAroundFirstHit(
  flat: string,
  terms: readonly string[],
  width: number,
  before: number,
): TextPart | null {
  const whole = { text: flat, cutBefore: false, cutAfter: false };
  const lower = flat.toLowerCase();
  if (lower.length !== flat.length) return whole;
  let first = -1;
  let longest = 0;
  for (const term of terms) {
    const needle = [...term].map(fold).join('');
    if (needle === '') continue;
    longest = Math.max(longest, needle.length);
    const at = lower.indexOf(needle);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return flat.includes('Σ') ? whole : null;
  const from = Math.max(0, first - 2 * (width + before));
  const to = Math.min(flat.length, first + 2 * (width + longest));
  return { text: flat.slice(from, to), cutBefore: from > 0, cutAfter: to < flat.length };
}

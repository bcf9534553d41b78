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
  const width = options.width ?? 80;
  const before = options.before ?? 20;
  const chars = [...text.replace(/\s*\n\s*/g, ' ')];
  const folded = chars.map(fold);
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
  let out = start > 0 ? '…' : '';
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
  return end < chars.length ? `${out}…` : out;
}

/** What a highlight marks: extracted items, search hits, and the headings of nested nodes. */
export type MarkKind = 'indicator' | 'commitment' | 'owner' | 'finding' | 'hit' | 'heading';

/** A highlight over `[start, end)` of the whole text; `ref` says which item it shows. */
export type Mark = { id: string; kind: MarkKind; start: number; end: number; ref: number };

export type Piece =
  | { type: 'text'; start: number; text: string }
  | {
      type: 'mark';
      mark: Mark;
      /** False for the second and later parts of a mark split by another it crosses. */
      first: boolean;
      children: Piece[];
    };

/** Headings wrap everything, hits sit innermost, so a hit is never hidden by an item's colour. */
const NESTING: Record<MarkKind, number> = {
  heading: 0,
  finding: 1,
  commitment: 2,
  indicator: 3,
  owner: 4,
  hit: 5,
};

type Open = Mark & { first: boolean };

const byPosition = (a: Open, b: Open): number =>
  a.start - b.start || b.end - a.end || NESTING[a.kind] - NESTING[b.kind];

/**
 * Lays out `text[from, to)` as plain runs and nested marks. Marks that overlap without nesting
 * (a finding's span crossing a sentence) are split at the outer mark's end; only the first part
 * of each mark is marked `first`, so keyboard users meet every highlight once.
 */
export function layoutMarks(text: string, from: number, to: number, marks: readonly Mark[]): Piece[] {
  const clipped = marks
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to), first: m.start >= from }))
    .filter((m) => m.end > m.start)
    .sort(byPosition);
  return build(text, from, to, clipped);
}

function build(text: string, from: number, to: number, marks: Open[]): Piece[] {
  const out: Piece[] = [];
  let position = from;
  let pending = marks;
  while (pending.length > 0) {
    const [mark, ...others] = pending as [Open, ...Open[]];
    if (mark.start > position) {
      out.push({ type: 'text', start: position, text: text.slice(position, mark.start) });
    }
    const inner: Open[] = [];
    const rest: Open[] = [];
    for (const other of others) {
      if (other.start >= mark.end) rest.push(other);
      else if (other.end <= mark.end) inner.push(other);
      else {
        inner.push({ ...other, end: mark.end });
        rest.push({ ...other, start: mark.end, first: false });
      }
    }
    out.push({ type: 'mark', mark, first: mark.first, children: build(text, mark.start, mark.end, inner) });
    position = mark.end;
    pending = rest.sort(byPosition);
  }
  if (position < to) out.push({ type: 'text', start: position, text: text.slice(position, to) });
  return out;
}

/** Every occurrence of the search terms in `text[from, to)`, case folded for Latin letters. */
export function findTerms(text: string, from: number, to: number, query: string): Mark[] {
  const terms = [
    ...new Set(
      query
        .trim()
        .split(/\s+/)
        .filter((t) => t !== ''),
    ),
  ].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [];
  const haystack = text.slice(from, to).toLowerCase();
  const marks: Mark[] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      const start = from + at;
      const end = start + needle.length;
      // A shorter term inside a longer one's hit is not marked twice.
      if (marks.some((m) => m.start < end && start < m.end)) continue;
      marks.push({ id: `hit-${start}`, kind: 'hit', start, end, ref: marks.length });
    }
  }
  return marks.sort((a, b) => a.start - b.start).map((m, i) => ({ ...m, ref: i }));
}

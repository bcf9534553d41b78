import type { NodeKind } from '../model/plan-model.schema.js';
import { matchHeading } from './heading.js';
import { PAGE_FOOTER } from './layout.js';
import type { PreparedLine } from './prepared-line.js';

export type TocEntry = {
  kind: NodeKind;
  label: string;
  title: string;
  page: number | null;
  line: number;
  /** `title` without spaces, for comparing with headings in the body. */
  key: string;
};
/** The table of contents: its entries and the line range [startLine, endLine) it occupies. */
export type Toc = {
  entries: TocEntry[];
  startLine: number;
  endLine: number;
  /** Entries by `kind|label`, for checking body headings against the contents. */
  index: Map<string, TocEntry[]>;
};

/** `目录`, `目 录`, `**目录**`: the contents title, however it is spaced or decorated. */
const TOC_TITLE = /^[\s\u3000*#]*目[\s\u3000]*[录次][\s\u3000*#]*$/;
/** Lines inside a table of contents that are not entries: roman page numbers, box lists. */
const TOC_FILLER = /^([IVXLC]+|\d{1,3}|.{0,12}专栏目录|专栏\s*\d+.*\d+)$/;

/**
 * Finds the table of contents: a `目录` line followed by heading entries (with or without page
 * numbers), or, without such a line, a run of at least five entries that carry page numbers.
 * It ends at the first line that is not an entry, or when the first entry's heading comes round
 * again (the body starts; needed for contents lists without page numbers).
 */
export function findToc(lines: readonly PreparedLine[]): Toc | null {
  const titleIndex = lines.findIndex(
    (l, i) => i < lines.length / 2 && l.trimmed.length <= 12 && TOC_TITLE.test(l.trimmed),
  );
  if (titleIndex >= 0) return readEntries(lines, titleIndex + 1, titleIndex);
  for (let i = 0; i < lines.length; i++) {
    const heading = matchHeading(lines[i]?.trimmed ?? '');
    if (heading?.page == null) continue;
    const toc = readEntries(lines, i, i);
    if (toc && toc.entries.filter((e) => e.page !== null).length >= 5) return toc;
    return null;
  }
  return null;
}

function readEntries(lines: readonly PreparedLine[], from: number, startLine: number): Toc | null {
  const entries: TocEntry[] = [];
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.trimmed ?? '';
    if (text === '' || PAGE_FOOTER.test(text) || TOC_FILLER.test(compact(text))) {
      end = i + 1;
      continue;
    }
    const heading = matchHeading(text);
    if (!heading || heading.kind === 'subheading') break;
    const first = entries[0];
    if (first && heading.page === null && first.kind === heading.kind && first.label === heading.label) break;
    entries.push({ ...heading, line: i, key: compact(heading.title) });
    end = i + 1;
  }
  if (entries.length < 3) return null;
  // Trailing blank/filler lines belong to the body side only up to the last entry.
  const last = entries[entries.length - 1];
  const index = new Map<string, TocEntry[]>();
  const add = (key: string, entry: TocEntry): void => {
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  };
  for (const entry of entries) {
    add(`${entry.kind}|${entry.label}`, entry);
    add(entry.kind, entry);
  }
  const endLine = Math.min(end, (last?.line ?? end) + 1 + trailingFiller(lines, last?.line ?? end));
  return { entries, startLine, endLine, index };
}

function trailingFiller(lines: readonly PreparedLine[], lastEntry: number): number {
  let n = 0;
  for (let i = lastEntry + 1; i < lines.length; i++) {
    const text = lines[i]?.trimmed ?? '';
    if (text === '' || TOC_FILLER.test(compact(text))) n++;
    else break;
  }
  return n;
}

/** The contents entries of a kind and label (`chapter`, `第三章`); chapters restarting per part give several. */
export function tocEntriesFor(toc: Toc | null, kind: NodeKind, label: string): TocEntry[] {
  return toc?.index.get(`${kind}|${label}`) ?? [];
}

export function compact(text: string): string {
  return text.replace(/[\s\u3000*#]+/g, '');
}

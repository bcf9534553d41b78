import type { NodeKind } from '../model/plan-model.schema.js';
import { headingStyle, matchHeading } from './heading.js';
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
 * Unnumbered front and back matter that contents lists carry besides the numbered headings
 * (`前 言`, `结束语 ...... 98`, `附件：名词解释`). They stay in the contents' line range but are no entries.
 */
const UNNUMBERED_ENTRY =
  /^(前言|序言|引言|导言|总论|结语|结束语|后记|附[件录表](.{0,20})?|名词解释)([.．·…]{2,}\d{0,3}|\d{1,3})?$/;

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

/**
 * Reads entries from `from` on. Contents lists may list subheadings (`一、…`) under their sections
 * and unnumbered matter (`前言`) before the first numbered entry; both belong to the contents. The
 * list ends at the first line that is neither, or when its first line comes round again in the
 * body with the same title (so chapter numbers restarting in every part do not end it).
 */
function readEntries(lines: readonly PreparedLine[], from: number, startLine: number): Toc | null {
  const entries: TocEntry[] = [];
  const unnumbered = new Set<string>();
  let firstKey: string | null = null;
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.trimmed ?? '';
    const key = compact(text);
    if (text === '' || PAGE_FOOTER.test(text) || TOC_FILLER.test(key)) {
      end = i + 1;
      continue;
    }
    const heading = matchHeading(text);
    if (!heading) {
      const name = UNNUMBERED_ENTRY.exec(key)?.[1];
      if (name === undefined || unnumbered.has(name)) break;
      unnumbered.add(name);
      firstKey ??= name;
      end = i + 1;
      continue;
    }
    const title = compact(heading.title);
    const headingKey = `${heading.kind}|${heading.label}|`;
    // The body's heading may be wrapped (`…产业体系` / `夯实…`): its title need only start the same way.
    const recurs =
      firstKey?.startsWith(headingKey) === true && sameStart(firstKey.slice(headingKey.length), title);
    if (heading.page === null && recurs) break;
    // A subheading can be listed, but cannot open the list: a body starting `一、` is no contents.
    if (heading.kind === 'subheading' && entries.length === 0) break;
    firstKey ??= headingKey + title;
    entries.push({ ...heading, line: i, key: compact(heading.title) });
    end = i + 1;
  }
  if (entries.filter((e) => e.kind !== 'subheading').length < 3) return null;
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
    add(tocKindKey(entry.kind, entry.label), entry);
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

/**
 * The index key for "the contents lists headings of this sort": the kind for 篇/章/节, the
 * numbering style for subheadings (a contents listing `一、` says nothing about `（一）`).
 */
export function tocKindKey(kind: NodeKind, label: string): string {
  return kind === 'subheading' ? `subheading:${headingStyle(kind, label)}` : kind;
}

/** The contents entries of a kind and label (`chapter`, `第三章`); chapters restarting per part give several. */
export function tocEntriesFor(toc: Toc | null, kind: NodeKind, label: string): TocEntry[] {
  return toc?.index.get(`${kind}|${label}`) ?? [];
}

function sameStart(a: string, b: string): boolean {
  return a.length > 0 && b.length > 0 && (a.startsWith(b) || b.startsWith(a));
}

export function compact(text: string): string {
  return text.replace(/[\s\u3000*#]+/g, '');
}

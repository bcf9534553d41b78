import type { Footnote, NodeKind, OutlineNode, Paragraph } from '../model/plan-model.schema.js';
import type { TextUnit } from '../extract/text-unit.js';
import { MappedText } from '../text/mapped-text.js';
import type { SourceText } from '../text/source-text.js';
import { headingStyle, matchHeading, type HeadingMatch, type HeadingStyle } from './heading.js';
import { PAGE_FOOTER, type Layout } from './layout.js';
import { toParagraph } from './paragraph.js';
import type { PreparedLine } from './prepared-line.js';
import { compact, tocEntriesFor, tocKindKey, type Toc } from './toc.js';
import { joinPdfLines, typicalWidth } from './pdf-lines.js';

export type OutlineResult = {
  outline: OutlineNode[];
  preamble: Paragraph[];
  /** Every paragraph and footnote body as input for the text extractors, in document order. */
  units: TextUnit[];
};

/** A paragraph numbered `1.2` under the heading `1.`: the body's own numbering, never a box's. */
const DECIMAL = /^\d{1,2}[.．]\d{1,2}(?!\d)/;
const ITEM = /^[（(]?(\d{1,2})[）)]?[.．、]?(?!\d)/;
/** Fixed ranks; list subheadings rank from 3 down by the order their styles appear (`styleRank`). */
const RANK: Record<NodeKind, number> = { part: 0, chapter: 1, section: 2, subheading: 3, item: 12 };
/** A box (`专栏`) sits inside whatever heading is open, below every list style, above its own items. */
const BOX_RANK = 11;
/** A numbered paragraph this short, with no punctuation, is a heading (`1.指导思想和基本原则`). */
const MAX_ARABIC_TITLE = 30;
const LETTER: Record<NodeKind, string> = {
  part: 'p',
  chapter: 'c',
  section: 's',
  subheading: 'h',
  item: 'i',
};

/**
 * Builds the outline tree from prepared lines: headings open nodes at their level, paragraphs go to
 * the deepest open node, numbered paragraphs become `item` nodes, footnote bodies attach to the node
 * where they are referenced. Lines for which `skip` is true (contents, tables) are left out.
 */
export function buildOutline(
  lines: readonly PreparedLine[],
  layout: Layout,
  toc: Toc | null,
  source: SourceText,
  skip: (line: number) => boolean,
): OutlineResult {
  const outline: OutlineNode[] = [];
  const preamble: Paragraph[] = [];
  const units: TextUnit[] = [];
  const stack: OutlineNode[] = [];
  const ids = new Set<string>();
  const width = layout === 'pdf-text' ? typicalWidth(lines) : 0;
  let open: { lines: PreparedLine[]; refs: string[] } | null = null;
  let lastTrimmed = '';

  const deepest = (): OutlineNode | undefined => stack[stack.length - 1];
  const flush = (): void => {
    if (!open) return;
    const text = (
      layout === 'pdf-text'
        ? joinPdfLines(open.lines, source.text)
        : MappedText.concat(open.lines.map((l) => l.text.trim()))
    ).trim();
    const refs = open.refs;
    open = null;
    if (text.length === 0) return;
    const item = ITEM.exec(text.text);
    if (item && item[0].length > 0 && /[.．、）)]/.test(item[0])) {
      const numbered = itemHeading(text.text, item);
      const previous = deepest();
      const heading = { ...numbered, kind: 'subheading' as const };
      const inList = previous?.kind === 'item' || listEntry(previous, heading);
      if (isArabicHeading(text.text, item, stack) && !inList) {
        // A short numbered line without punctuation heads what follows: a subheading, not an item.
        const node = openNode(heading, text.sourceRange().start);
        node.source = source.span(text.sourceRange().start, text.sourceRange().end);
        arabicTexts.set(node, { text, refs });
        return;
      }
      // Two such lines with nothing between them were a list, not headings: the first becomes an
      // item, as does any numbered line right after an item.
      if (previous && listEntry(previous, heading)) demote(previous);
      openNode(numbered, text.sourceRange().start);
    } else {
      // Items are single paragraphs, and a box ends with its numbered list.
      if (deepest()?.kind === 'item') stack.pop();
      if (deepest()?.label.startsWith('专栏') && hasItemChild(deepest())) stack.pop();
      // A paragraph numbered in the text's own decimal scheme (`1.2…`) is back outside the box.
      if (DECIMAL.test(text.text))
        while (stack.some((n) => headingStyle(n.kind, n.label) === 'box')) stack.pop();
    }
    const paragraph = toParagraph(text, refs, source);
    const node = deepest();
    if (node) node.paragraphs.push(paragraph);
    else preamble.push(paragraph);
    units.push(unitOf(node?.id ?? '', text, paragraph.leadPhrase, source));
  };
  const ranks = new WeakMap<OutlineNode, number>();
  const arabicTexts = new WeakMap<OutlineNode, { text: MappedText; refs: string[] }>();
  const listEntry = (node: OutlineNode | undefined, heading: HeadingMatch): boolean =>
    node !== undefined &&
    arabicTexts.has(node) &&
    node.paragraphs.length === 0 &&
    node.children.length === 0 &&
    headingStyle(node.kind, node.label) === headingStyle(heading.kind, heading.label);
  const demote = (node: OutlineNode): void => {
    const entry = arabicTexts.get(node);
    if (!entry) return;
    arabicTexts.delete(node);
    ids.delete(node.id);
    node.kind = 'item';
    node.id = uniqueId(node.id.replace(/h(\d+)(-\d+)?$/, 'i$1'), ids);
    const paragraph = toParagraph(entry.text, entry.refs, source);
    node.paragraphs.push(paragraph);
    units.push(unitOf(node.id, entry.text, paragraph.leadPhrase, source));
    stack.pop();
  };
  const styleOrders = new Map<string, HeadingStyle[]>();
  const rankOf = (heading: HeadingMatch): number => {
    const style = headingStyle(heading.kind, heading.label);
    if (heading.kind !== 'subheading') return RANK[heading.kind];
    if (style === 'box') return BOX_RANK;
    // The first list style met under a 篇/章/节 (or the document) is its upper rank, the next one
    // nests inside it, and so on: 一、/（一）/1. in one document, （一）/1. in another.
    const anchor = [...stack].reverse().find((n) => RANK[n.kind] < RANK.subheading)?.id ?? '';
    const order = styleOrders.get(anchor) ?? [];
    if (!order.includes(style)) order.push(style);
    styleOrders.set(anchor, order);
    return RANK.subheading + order.indexOf(style);
  };
  const openNode = (heading: HeadingMatch, start: number): OutlineNode => {
    const rank = rankOf(heading);
    while (stack.length > 0 && (ranks.get(deepest() as OutlineNode) ?? 0) >= rank) stack.pop();
    const parent = deepest();
    const node: OutlineNode = {
      id: uniqueId(`${parent ? `${parent.id}.` : ''}${LETTER[heading.kind]}${heading.ordinal}`, ids),
      kind: heading.kind,
      ordinal: heading.ordinal,
      label: heading.label,
      title: heading.title,
      paragraphs: [],
      footnotes: [],
      children: [],
      source: source.span(start, start),
    };
    (parent ? parent.children : outline).push(node);
    stack.push(node);
    ranks.set(node, rank);
    return node;
  };
  const attachFootnotes = (footnotes: readonly Footnote[]): void => {
    for (const footnote of footnotes) {
      const node = deepest();
      if (node) node.footnotes.push(footnote);
      units.push(footnoteUnit(node?.id ?? '', footnote, source));
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    if (skip(i)) {
      flush();
      continue;
    }
    const text = line.trimmed;
    if (text === '' || PAGE_FOOTER.test(text) || (layout === 'pdf-text' && /^[IVXLC]+$/.test(text))) {
      if (layout !== 'pdf-text' && text === '') flush();
      continue;
    }
    // A heading can only interrupt a PDF paragraph whose last line ended a sentence.
    const midSentence = open !== null && layout === 'pdf-text' && !/[。！？；:：]$/.test(lastTrimmed);
    const heading = acceptHeading(text, toc, layout, midSentence);
    if (heading) {
      flush();
      const consumed = completeWrappedTitle(heading, lines, i, toc);
      const start = line.text.trim().sourceRange().start;
      const node = openNode(heading, start);
      const endLine = lines[i + consumed];
      node.source = source.span(start, endLine?.text.trim().sourceRange().end ?? start);
      attachFootnotes(line.footnotes);
      i += consumed;
      continue;
    }
    if (open && layout !== 'pdf-text') flush();
    open ??= { lines: [], refs: [] };
    open.lines.push(line);
    lastTrimmed = text;
    open.refs.push(...line.footnoteRefs);
    attachFootnotes(line.footnotes);
    // In PDF text a paragraph ends on a line clearly shorter than the column width.
    if (layout === 'pdf-text' && line.width < width * 0.9) flush();
  }
  flush();
  for (const node of outline) closeSpan(node, source);
  return { outline, preamble, units };
}

/** A node's span runs from its heading to the end of its last paragraph or child (set once, at the end). */
function closeSpan(node: OutlineNode, source: SourceText): number {
  let end = node.source.end;
  for (const paragraph of node.paragraphs) end = Math.max(end, paragraph.source.end);
  for (const child of node.children) end = Math.max(end, closeSpan(child, source));
  if (end > node.source.end) node.source = source.span(node.source.start, end);
  return end;
}

/**
 * In PDF and web text a line starting `第三章` may be a wrapped sentence: where the contents lists
 * headings of that kind, a heading is accepted only if the contents has it; otherwise only outside
 * an unfinished paragraph.
 */
function acceptHeading(
  text: string,
  toc: Toc | null,
  layout: Layout,
  midParagraph: boolean,
): HeadingMatch | null {
  const heading = matchHeading(text);
  if (!heading) return null;
  if (layout !== 'pdf-text' && layout !== 'web-text') return heading;
  const listed = toc?.index.has(tocKindKey(heading.kind, heading.label)) ?? false;
  if (!listed) return midParagraph ? null : heading;
  const title = compact(withoutNoteMark(heading.title));
  return tocEntriesFor(toc, heading.kind, heading.label).some((e) => titlesAgree(e.key, title))
    ? heading
    : null;
}

function titlesAgree(a: string, b: string): boolean {
  return a.length > 0 && b.length > 0 && (a.startsWith(b) || b.startsWith(a));
}

/** A superscript note number left on its own line or glued to the end of a title (`…体系1`). */
const NOTE_MARK = /^(?:\d{1,2}|[①-⑳]|\[\d{1,2}\])$/;
const TRAILING_NOTE_MARK = /(?<=[\u4e00-\u9fff”」）)])(?:\d{1,2}|[①-⑳]|\[\d{1,2}\])$/;
/** A title continuation without contents to check it against: short, no punctuation, no heading. */
const MAX_CONTINUATION = 20;

/** A title without the note number a superscript left at its end. */
function withoutNoteMark(title: string): string {
  return title.replace(TRAILING_NOTE_MARK, '');
}

/**
 * A heading wrapped over lines (`…人工智能创新发展` / `第一城`), across a blank line, or split by a
 * superscript note number: join the pieces while the contents entry agrees. Without a contents
 * entry, a piece is joined only after a note number split the title, or after a blank line under a
 * 篇/章/节 heading when running text or a heading follows it; and only if it is short, unpunctuated
 * Chinese, as the rest of a title is.
 */
function completeWrappedTitle(
  heading: HeadingMatch,
  lines: readonly PreparedLine[],
  at: number,
  toc: Toc | null,
): number {
  const marked = withoutNoteMark(heading.title);
  // A note number glued to the end of the line means the title went on past the superscript.
  let split = marked !== heading.title;
  heading.title = marked;
  let title = compact(heading.title);
  const entry = tocEntriesFor(toc, heading.kind, heading.label).find(
    (e) => e.key.length > title.length && e.key.startsWith(title),
  );
  let consumed = 0;
  let blank = false;
  for (let k = at + 1; k < lines.length && k <= at + 6; k++) {
    const raw = lines[k]?.trimmed ?? '';
    const next = compact(raw);
    if (next === '') {
      blank = true;
      continue;
    }
    if (NOTE_MARK.test(next)) {
      split = true;
      continue;
    }
    const piece = compact(withoutNoteMark(next));
    const joins = entry
      ? entry.key.startsWith(title + piece)
      : (split || (blank && isNumberedHeading(heading) && endsParagraphAfter(lines, k))) &&
        piece.length <= MAX_CONTINUATION &&
        !/[，。；：,.;:！？]/.test(piece) &&
        !matchHeading(raw) &&
        isTitleText(piece);
    if (!joins) break;
    title += piece;
    heading.title += withoutNoteMark(raw);
    consumed = k - at;
    if (entry && title.length >= entry.key.length) break;
    if (!entry) break;
  }
  return consumed;
}

/** 篇, 章 and 节 headings: their titles are phrases that a layout may wrap over a blank line. */
function isNumberedHeading(heading: HeadingMatch): boolean {
  return heading.kind === 'part' || heading.kind === 'chapter' || heading.kind === 'section';
}

/** Chinese words only — not a caption (`表1`), a table cell, a year range or a number. */
function isTitleText(piece: string): boolean {
  if (/^(?:附)?[表图]\s*[0-9０-９]/.test(piece)) return false;
  const cjk = piece.match(/[\u4e00-\u9fff“”]/g)?.length ?? 0;
  return piece.length >= 2 && cjk === piece.length;
}

/**
 * True when the line after `at` (blanks skipped) is running text ending a sentence, or a heading,
 * or the end: then the short line at `at` stands between a heading and its text, as the rest of a
 * wrapped title does — not as the first cell of a table (whose next line is another short cell).
 */
function endsParagraphAfter(lines: readonly PreparedLine[], at: number): boolean {
  for (let k = at + 1; k < lines.length; k++) {
    const raw = lines[k]?.trimmed ?? '';
    if (raw === '') continue;
    return /[。！？；]$/.test(raw) || matchHeading(raw) !== null;
  }
  return true;
}

function itemHeading(text: string, match: RegExpExecArray): HeadingMatch {
  const rest = text.slice(match[0].length);
  const stop = rest.indexOf('。');
  const title = (stop > 0 && stop <= 40 ? rest.slice(0, stop) : rest.slice(0, 30)).trim();
  return { kind: 'item', ordinal: Number(match[1]), label: match[0].trim(), title, page: null };
}

function isArabicHeading(text: string, item: RegExpExecArray, stack: readonly OutlineNode[]): boolean {
  const rest = text.slice(item[0].length).trim();
  if (rest.length === 0 || rest.length > MAX_ARABIC_TITLE || /[。，,；;：:！？!?]/.test(rest)) return false;
  // Numbered lines inside a box are its list of projects (1., 2., …), not headings; a number that
  // does not continue the box's list continues the headings around the box and closes it.
  const box = [...stack].reverse().find((n) => headingStyle(n.kind, n.label) === 'box');
  if (!box) return true;
  const listed = box.children.filter((c) => c.kind === 'item').at(-1)?.ordinal ?? 0;
  return Number(item[1]) !== listed + 1;
}

function hasItemChild(node: OutlineNode | undefined): boolean {
  return node?.children.some((c) => c.kind === 'item') ?? false;
}

function uniqueId(id: string, ids: Set<string>): string {
  let candidate = id;
  for (let n = 2; ids.has(candidate); n++) candidate = `${id}-${n}`;
  ids.add(candidate);
  return candidate;
}

function unitOf(nodeId: string, text: MappedText, leadPhrase: string | null, source: SourceText): TextUnit {
  return {
    nodeId,
    text: text.text,
    leadPhrase,
    span: (start, end) => {
      const range = text.sourceRange(start, end);
      return source.span(range.start, range.end);
    },
  };
}

function footnoteUnit(nodeId: string, footnote: Footnote, source: SourceText): TextUnit {
  return {
    nodeId,
    text: footnote.text,
    leadPhrase: null,
    span: (start, end) => source.span(footnote.source.start + start, footnote.source.start + end),
  };
}

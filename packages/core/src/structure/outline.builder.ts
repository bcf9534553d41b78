import type { Footnote, NodeKind, OutlineNode, Paragraph } from '../model/plan-model.schema.js';
import type { TextUnit } from '../extract/text-unit.js';
import { MappedText } from '../text/mapped-text.js';
import type { SourceText } from '../text/source-text.js';
import { matchHeading, type HeadingMatch } from './heading.js';
import { PAGE_FOOTER, type Layout } from './layout.js';
import { toParagraph } from './paragraph.js';
import type { PreparedLine } from './prepared-line.js';
import { compact, tocEntriesFor, type Toc } from './toc.js';
import { joinPdfLines, typicalWidth } from './pdf-lines.js';

export type OutlineResult = {
  outline: OutlineNode[];
  preamble: Paragraph[];
  /** Every paragraph and footnote body as input for the text extractors, in document order. */
  units: TextUnit[];
};

const ITEM = /^[（(]?(\d{1,2})[）)]?[.．、]?(?!\d)/;
const RANK: Record<NodeKind, number> = { part: 0, chapter: 1, section: 2, subheading: 3, item: 4 };
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
    if (item && item[0].length > 0 && /[.．、）)]/.test(item[0]))
      openNode(itemHeading(text.text, item), text.sourceRange().start);
    else {
      // Items are single paragraphs, and a box ends with its numbered list.
      if (deepest()?.kind === 'item') stack.pop();
      if (deepest()?.label.startsWith('专栏') && hasItemChild(deepest())) stack.pop();
    }
    const paragraph = toParagraph(text, refs, source);
    const node = deepest();
    if (node) node.paragraphs.push(paragraph);
    else preamble.push(paragraph);
    units.push(unitOf(node?.id ?? '', text, paragraph.leadPhrase, source));
  };
  const openNode = (heading: HeadingMatch, start: number): OutlineNode => {
    while (stack.length > 0 && RANK[(deepest() as OutlineNode).kind] >= RANK[heading.kind]) stack.pop();
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
  const listed = toc?.index.has(heading.kind) ?? false;
  if (!listed) return midParagraph ? null : heading;
  const title = compact(heading.title);
  return tocEntriesFor(toc, heading.kind, heading.label).some((e) => titlesAgree(e.key, title))
    ? heading
    : null;
}

function titlesAgree(a: string, b: string): boolean {
  return a.length > 0 && b.length > 0 && (a.startsWith(b) || b.startsWith(a));
}

/** A heading wrapped over lines (`…人工智能创新发展` / `第一城`): join lines while the contents entry agrees. */
function completeWrappedTitle(
  heading: HeadingMatch,
  lines: readonly PreparedLine[],
  at: number,
  toc: Toc | null,
): number {
  let title = compact(heading.title);
  const entry = tocEntriesFor(toc, heading.kind, heading.label).find(
    (e) => e.key.length > title.length && e.key.startsWith(title),
  );
  if (!entry) return 0;
  const full = entry.key;
  let consumed = 0;
  while (title.length < full.length) {
    const next = compact(lines[at + consumed + 1]?.trimmed ?? '');
    if (next === '' || !full.startsWith(title + next)) break;
    title += next;
    heading.title += lines[at + consumed + 1]?.trimmed ?? '';
    consumed++;
  }
  return consumed;
}

function itemHeading(text: string, match: RegExpExecArray): HeadingMatch {
  const rest = text.slice(match[0].length);
  const stop = rest.indexOf('。');
  const title = (stop > 0 && stop <= 40 ? rest.slice(0, stop) : rest.slice(0, 30)).trim();
  return { kind: 'item', ordinal: Number(match[1]), label: match[0].trim(), title, page: null };
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

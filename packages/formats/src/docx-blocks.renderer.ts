import type { XmlElement } from './xml.parser.js';
import { isParagraphMarkDeleted, renderParagraphContent } from './docx-inline.renderer.js';
import type { ListNumbering } from './docx-numbering.js';
import type { NoteRegistry } from './docx-notes.js';
import { formatErrors } from './format-error.catalog.js';
import { childElements, chosenAlternative, isAlternateContent, isW, wAttr, wChild } from './wordml.nodes.js';

/** Layout choices of the .docx → text conversion. */
export type DocxLayoutOptions = {
  /**
   * Write a horizontally merged cell (`w:gridSpan` > 1, `w:hMerge`, `w:gridBefore/After`) as extra
   * empty cells, one per grid column. Default false: like the canonical Word export (see
   * examples/wujin-15th-outline.txt), a spanning cell is one cell line and only vertical-merge
   * continuations are written as empty cells.
   */
  padGridSpan?: boolean;
};

type Context = {
  notes: NoteRegistry;
  padGridSpan: boolean;
  depth: number;
  numbering: ListNumbering | null;
};

/** Maximum nesting of tables/text boxes followed; deeper input is treated as corrupt. */
const MAX_BLOCK_DEPTH = 50;

/** Renders the body of word/document.xml while it is parsed, one top-level block at a time. */
export type BodyStream = {
  /**
   * Offered every element as it closes, with its open ancestors (root first). Renders and returns
   * true for a direct child of the document's first `w:body`, which the parser then drops.
   */
  take: (element: XmlElement, parents: readonly XmlElement[]) => boolean;
  /** The text of the body, once the whole part is parsed (`root` is its root element). */
  finish: (root: XmlElement) => string;
};

/**
 * Streams the body of word/document.xml into the canonical text layout: one paragraph per
 * line, led by its automatic list number when `numbering` is given, `[footnoteRef:N]` inline and
 * ` [N:  body]` appended to the paragraph (then one space, as in the Word export), tables as one
 * TAB-prefixed line per cell with a blank line before the table and after every row. Only one
 * top-level block (a paragraph, a table, a content control) is held in memory at a time.
 */
export function streamDocumentText(
  notes: NoteRegistry,
  options: DocxLayoutOptions = {},
  numbering: ListNumbering | null = null,
): BodyStream {
  const context: Context = { notes, padGridSpan: options.padGridSpan ?? false, depth: 0, numbering };
  const lines: string[] = [];
  const isBody = (parents: readonly XmlElement[]): boolean => {
    const [root, body] = parents;
    return (
      parents.length === 2 &&
      root !== undefined &&
      body !== undefined &&
      isW(body, 'body') &&
      isW(root, 'document') &&
      wChild(root, 'body') === body
    );
  };
  return {
    take: (element, parents) => {
      if (!isBody(parents)) return false;
      const blocks: XmlElement[] = [];
      unwrapBlock(element, blocks);
      for (const line of renderBlocks(blocks, context)) lines.push(line);
      return true;
    },
    finish: (root) => {
      if (!isW(root, 'document') || !wChild(root, 'body')) {
        throw formatErrors.corrupt('docx', { detail: 'word/document.xml has no w:body' });
      }
      return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    },
  };
}

function deeper(context: Context): Context {
  if (context.depth >= MAX_BLOCK_DEPTH)
    throw formatErrors.corrupt('docx', { detail: 'tables nested too deeply' });
  return { ...context, depth: context.depth + 1 };
}

/** Unwraps content controls, custom XML, tracked insertions and alternate content around blocks. */
function blockElements(container: XmlElement): XmlElement[] {
  const result: XmlElement[] = [];
  for (const element of childElements(container)) unwrapBlock(element, result);
  return result;
}

/** Adds the blocks `element` stands for to `result`: itself, what it wraps, or nothing. */
function unwrapBlock(element: XmlElement, result: XmlElement[]): void {
  if (isAlternateContent(element)) {
    const branch = chosenAlternative(element);
    if (branch) result.push(...blockElements(branch));
  } else if (isW(element, 'sdt')) {
    const content = wChild(element, 'sdtContent');
    if (content) result.push(...blockElements(content));
  } else if (['customXml', 'ins', 'moveTo', 'smartTag', 'sdtContent'].some((name) => isW(element, name))) {
    result.push(...blockElements(element));
  } else if (isW(element, 'p') || isW(element, 'tbl') || isW(element, 'tr') || isW(element, 'tc')) {
    result.push(element);
  }
}

type RenderedParagraph = { line: string; textBoxes: XmlElement[] } | null;

function renderParagraph(paragraph: XmlElement, context: Context): RenderedParagraph {
  const content = renderParagraphContent(paragraph, context.notes);
  if (content.text === '' && content.newNotes.length === 0 && isParagraphMarkDeleted(paragraph)) return null;
  // Word's automatic list number (`第一章`, `（一）`…) with its suffix, as Word displays it.
  let line = (context.numbering?.next(paragraph, content.text !== '') ?? '') + content.text;
  for (const number of content.newNotes) {
    const body = context.notes.body(number);
    line += ` [${number}:  ${body ? renderNoteText(body, deeper(context)) : ''}]`;
  }
  // The Word export ends a line that carries note bodies with a space; keep that byte-for-byte.
  if (content.newNotes.length > 0) line += ' ';
  return { line, textBoxes: content.textBoxes };
}

function renderBody(container: XmlElement, context: Context): string[] {
  return renderBlocks(blockElements(container), context);
}

function renderBlocks(blocks: readonly XmlElement[], context: Context): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (isW(block, 'p')) {
      const paragraph = renderParagraph(block, context);
      if (!paragraph) continue;
      // A paragraph that only anchors text boxes is replaced by their content.
      if (paragraph.line !== '' || paragraph.textBoxes.length === 0) lines.push(paragraph.line);
      for (const box of paragraph.textBoxes) lines.push(...renderBody(box, deeper(context)));
    } else if (isW(block, 'tbl')) {
      lines.push(...renderTable(block, deeper(context)));
    }
  }
  return lines;
}

/** Cell content as lines without TAB: non-blank paragraphs; nested tables flattened cell by cell. */
function renderCellLines(container: XmlElement, context: Context): string[] {
  const lines: string[] = [];
  for (const block of blockElements(container)) {
    if (isW(block, 'p')) {
      const paragraph = renderParagraph(block, context);
      if (!paragraph) continue;
      if (paragraph.line.trim() !== '') lines.push(paragraph.line);
      for (const box of paragraph.textBoxes) lines.push(...renderCellLines(box, deeper(context)));
    } else if (isW(block, 'tbl')) {
      for (const row of tableRows(block)) {
        for (const cell of rowCells(row)) {
          if (cellMerge(cell).continuation) continue;
          lines.push(...renderCellLines(cell, deeper(context)));
        }
      }
    }
  }
  return lines;
}

/** A note body on one line: its paragraphs (and any table cells) joined by spaces. */
function renderNoteText(note: XmlElement, context: Context): string {
  const parts: string[] = [];
  const visit = (container: XmlElement, depth: number): void => {
    if (depth > MAX_BLOCK_DEPTH) throw formatErrors.corrupt('docx', { detail: 'note nested too deeply' });
    for (const block of blockElements(container)) {
      if (isW(block, 'p')) {
        const content = renderParagraphContent(block, null);
        parts.push(content.text);
        for (const box of content.textBoxes) visit(box, depth + 1);
      } else {
        visit(block, depth + 1); // tables, rows and cells: their paragraphs in order
      }
    }
  };
  visit(note, context.depth);
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

function tableRows(table: XmlElement): XmlElement[] {
  return blockElements(table).filter((element) => isW(element, 'tr'));
}

function rowCells(row: XmlElement): XmlElement[] {
  return blockElements(row).filter((element) => isW(element, 'tc'));
}

function intValue(element: XmlElement | null, fallback: number): number {
  const value = element ? Number.parseInt(wAttr(element, 'val') ?? '', 10) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : fallback;
}

type CellMerge = { span: number; continuation: boolean; horizontalContinuation: boolean };

function cellMerge(cell: XmlElement): CellMerge {
  const properties = wChild(cell, 'tcPr');
  if (!properties) return { span: 1, continuation: false, horizontalContinuation: false };
  const vMerge = wChild(properties, 'vMerge');
  const hMerge = wChild(properties, 'hMerge');
  const horizontalContinuation = hMerge !== null && wAttr(hMerge, 'val') !== 'restart';
  return {
    span: intValue(wChild(properties, 'gridSpan'), 1),
    continuation: horizontalContinuation || (vMerge !== null && wAttr(vMerge, 'val') !== 'restart'),
    horizontalContinuation,
  };
}

function rowGridPadding(row: XmlElement, name: 'gridBefore' | 'gridAfter'): number {
  const properties = wChild(row, 'trPr');
  return properties ? intValue(wChild(properties, name), 0) : 0;
}

function isRowDeleted(row: XmlElement): boolean {
  const properties = wChild(row, 'trPr');
  return properties !== null && wChild(properties, 'del') !== null;
}

/** A table: a blank line, then per row one TAB-prefixed line per cell and a closing blank line. */
function renderTable(table: XmlElement, context: Context): string[] {
  const lines: string[] = [''];
  for (const row of tableRows(table)) {
    const cells = rowCells(row);
    if (cells.length === 0 || isRowDeleted(row)) continue;
    const pad = (count: number): void => {
      if (context.padGridSpan) for (let i = 0; i < count; i++) lines.push('\t');
    };
    pad(rowGridPadding(row, 'gridBefore'));
    for (const cell of cells) {
      const merge = cellMerge(cell);
      if (merge.horizontalContinuation) {
        pad(merge.span);
        continue;
      }
      const cellLines = merge.continuation ? [] : renderCellLines(cell, context);
      lines.push(`\t${cellLines[0] ?? ''}`, ...cellLines.slice(1));
      pad(merge.span - 1);
    }
    pad(rowGridPadding(row, 'gridAfter'));
    lines.push('');
  }
  return lines;
}

import { PAGE_FOOTER } from '../structure/layout.js';
import type { PreparedLine } from '../structure/prepared-line.js';
import { compact } from '../structure/toc.js';
import type { MappedText } from '../text/mapped-text.js';
import { isAttributeWord, isGroupLike, isItemCount } from './cell-shapes.js';
import { buildColumns, isHeaderLine, splitHeaderLine } from './columns.js';
import { assignGroups, type GroupLabel } from './group-labels.js';
import type { RawRow, RawTable } from './raw-table.js';
import { isComplete, joinWrapped, toRawRow, type LineRow } from './row-line.js';
import { readNotes } from './table-notes.js';

/**
 * A row line: the number, alone or written into the name cell (`1. 地区生产总值`), then the row's
 * text (or nothing when the number stands alone).
 */
const ROW = /^()(\d{1,3})(?:(?:[.、．](?!\d)[\s\u3000]*|[\s\u3000]+)(\S.*))?$/;
/** A row line led by a piece of a group label (a merged first column). */
const GROUP_ROW = /^(\S+)[\s\u3000]+(\d{1,3})(?:(?:[.、．](?!\d)[\s\u3000]*|[\s\u3000]+)(\S.*))?$/;
/** A row gathers at most this many wrapped lines; a row still open after that ends the table. */
const MAX_CONTINUATIONS = 3;
/** Without a group column, a plain line this short is a group row; a longer one is a wrapped name. */
const MAX_PLAIN_LABEL = 8;

/**
 * Reads a table extracted from a PDF: one row per line (`1 地区生产总值年均增长（%） 5 左右 预期性`)
 * where a row may wrap — the number alone on its line, a name, target or attribute on the next lines,
 * or a name's first line above its number (cells are centred vertically) — group labels on rows of
 * their own, stacked over several lines (`经济` / `发展` / `（7项）`) or written before the numbers of
 * the first rows (a merged first column), sub-indicators without a number (`其中：…`), and the header
 * repeated after a page break.
 */
export function readRowPerLineTable(
  lines: readonly PreparedLine[],
  headerLine: number,
  periodEnd: number | null,
): Omit<RawTable, 'caption'> {
  const headerText = lines[headerLine]?.trimmed ?? '';
  // A header of two rows comes out as two lines (`序号 指标 单位 “十五五”目标` / `2030年 年均`).
  const following = lines[headerLine + 1]?.trimmed ?? '';
  const headerTexts =
    following !== '' && !ROW.test(following) && isHeaderLine(following)
      ? [headerText, following]
      : [headerText];
  const isHeaderRepeat = (text: string): boolean => headerTexts.some((h) => compact(text) === compact(h));
  const columns = buildColumns(headerTexts.flatMap(splitHeaderLine), periodEnd);
  // A row is complete at its attribute: at the end, or wherever the header puts the attribute column.
  const attributeLast = columns[columns.length - 1]?.role === 'attribute';
  const hasAttribute = columns.some((c) => c.role === 'attribute');
  const hasGroupColumn = columns.some((c) => c.role === 'group');
  const rows: LineRow[] = [];
  const labels: GroupLabel[] = [];
  let lead: MappedText[] = [];
  let current: LineRow | null = null;
  let lastSeq = 0;
  let continuations = 0;
  let labelOpen = false;
  let end = headerLine + headerTexts.length;
  const numbered = (): number => rows.filter((r) => r.seq).length + (current?.seq ? 1 : 0);
  const addLabel = (text: MappedText, onRowLine: boolean): void => {
    const open = labels[labels.length - 1];
    if (open && labelOpen && open.count === null && !/^[一二三四五六七八九十]+、/.test(text.text)) {
      open.parts.push(text);
    } else labels.push({ parts: [text], firstRow: numbered() - (onRowLine ? 1 : 0), count: null, span: [] });
    const label = labels[labels.length - 1] as GroupLabel;
    // Where the piece sits: on a row's line, or between two rows.
    label.span.push(numbered() - (onRowLine ? 1 : 0.5));
    const count = /[（(][\s\u3000]*(\d+)[\s\u3000]*项/.exec(text.text);
    if (count) label.count = Number(count[1]);
    labelOpen = true;
  };
  const flush = (): void => {
    if (current) rows.push(current);
    current = null;
  };
  for (let i = headerLine + 1; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const text = line.trimmed;
    if (text === '' || PAGE_FOOTER.test(text) || isHeaderRepeat(text)) continue;
    const open = current !== null && !isComplete(current, hasAttribute, attributeLast);
    const start = rowStart(line, lastSeq, hasGroupColumn);
    const wasLabelOpen: boolean = labelOpen;
    labelOpen = false;
    // A row that has its values but no attribute lies under a merged attribute cell printed on
    // another row's line: the next number still starts the next row.
    if (start && (!open || (current !== null && isComplete(current, false)))) {
      flush();
      current = { seq: start.seq, body: start.body, lead, tail: [], after: [], split: false };
      lead = [];
      lastSeq += 1;
      continuations = 0;
      if (start.group) {
        labelOpen = wasLabelOpen;
        addLabel(start.group, true);
      }
    } else if (current && open && continuations < MAX_CONTINUATIONS) {
      current.body = joinWrapped(current.body, line.text.trim());
      continuations++;
    } else if (isSubRow(text, hasAttribute)) {
      flush();
      const previous = rows[rows.length - 1];
      if (previous?.seq && !previous.split)
        previous.split = /\S[\s\u3000]+\S/.test(previous.body?.text ?? '');
      current = { seq: null, body: line.text.trim(), lead: [], tail: [], after: [], split: false };
      continuations = 0;
    } else if (
      isLabel(
        text,
        hasGroupColumn,
        labels.some((l) => l.parts.some((p) => isMarked(p.text))),
      )
    ) {
      labelOpen = wasLabelOpen;
      addLabel(line.text.trim(), false);
      continue;
    } else if (current && /^(左右|以上|以下|以内)$/.test(text)) {
      // The end of a target wrapped below its row (`提高 1 个百分点` / `以上`).
      current.after.push(line.text.trim());
    } else if (current && /[）)]$/.test(text) && !nameClosed(current)) {
      current.tail.push(line.text.trim());
    } else if (rowStart(nextLine(lines, i), lastSeq, hasGroupColumn)) {
      lead.push(line.text.trim());
      continue;
    } else {
      break;
    }
    end = i + 1;
  }
  flush();
  // A sub-indicator is a sub-row only when its parent's name holds two parts; otherwise it stays whole.
  rows.forEach((row, k) => {
    if (row.split && rows[k + 1]?.seq !== null) row.split = false;
  });
  const groups = assignGroups(
    labels,
    rows.map((r) => r.seq !== null),
    hasGroupColumn,
  );
  const attribute = columns.findIndex((c) => c.role === 'attribute');
  const raw: RawRow[] = [];
  rows.forEach((row, k) => {
    const next = toRawRow(row, groups[k] ?? null, columns);
    raw.push(next);
  });
  if (attribute >= 0) fillMergedAttributes(raw, attribute);
  const notes = readNotes(lines, end);
  return {
    columns,
    rows: raw,
    notes: notes.notes,
    startLine: headerLine,
    endLine: Math.max(end, notes.endLine),
  };
}

/**
 * A merged attribute cell is printed once, on the line of one of the rows it spans (centred, so
 * often a middle one); each row without an attribute takes the nearest printed one; of two as near,
 * the one that sits between unprinted rows (the centre of a merge), else the one above.
 */
function fillMergedAttributes(rows: RawRow[], column: number): void {
  const printed = rows.map((row) => row.values.get(column) ?? null);
  rows.forEach((row, k) => {
    if (printed[k]) return;
    for (let d = 1; d < rows.length; d++) {
      const above = printed[k - d] ?? null;
      const below = printed[k + d] ?? null;
      // Equally near: a printed cell with unprinted rows on both sides is the centre of a merge.
      const belowCentred = below !== null && k + d + 1 < rows.length && !printed[k + d + 1];
      const aboveCentred = above !== null && k - d - 1 >= 0 && !printed[k - d - 1];
      const cell = above && below ? (belowCentred && !aboveCentred ? below : above) : (above ?? below);
      if (cell) {
        row.values.set(column, cell);
        return;
      }
    }
  });
}

function rowStart(
  line: PreparedLine | null,
  lastSeq: number,
  hasGroupColumn: boolean,
): { seq: MappedText; body: MappedText | null; group: MappedText | null } | null {
  if (!line) return null;
  const text = line.text.trim();
  const plain = ROW.exec(text.text);
  const match =
    plain && Number(plain[2]) === lastSeq + 1 ? plain : hasGroupColumn ? GROUP_ROW.exec(text.text) : null;
  if (!match || Number(match[2]) !== lastSeq + 1) return null;
  const groupText = match[1] === '' ? undefined : match[1];
  if (groupText !== undefined && !(hasGroupColumn && isGroupLike(groupText))) return null;
  const seqAt = groupText === undefined ? 0 : text.text.indexOf(match[2] as string, groupText.length);
  const bodyAt = match[3] === undefined ? -1 : text.text.lastIndexOf(match[3]);
  return {
    seq: text.slice(seqAt, seqAt + (match[2] as string).length),
    body: bodyAt >= 0 ? text.slice(bodyAt) : null,
    group: groupText === undefined ? null : text.slice(0, groupText.length),
  };
}

function nextLine(lines: readonly PreparedLine[], from: number): PreparedLine | null {
  for (let k = from + 1; k < lines.length; k++) {
    const line = lines[k] as PreparedLine;
    if (line.trimmed !== '' && !PAGE_FOOTER.test(line.trimmed)) return line;
  }
  return null;
}

/** A row without a number: `其中：…`, or a name with its values (and attribute) on a line of its own. */
function isSubRow(text: string, hasAttribute: boolean): boolean {
  if (/^其中[:：]?/.test(text)) return true;
  if (!/^[\u4e00-\u9fff]/.test(text)) return false;
  const parts = text.split(/[\s\u3000]+/);
  const last = parts[parts.length - 1] ?? '';
  // A name with its unit bracket and a value: the attribute may be a merged cell printed once.
  if (/^\S*[）)][\s\u3000]+[\d.—＞＜≥≤><]/.test(text)) return true;
  return hasAttribute && parts.length >= 3 && isAttributeWord(last);
}

/** `一、经济发展`, `（7项）`: a label marked by its numbering or its item count. */
function isMarked(text: string): boolean {
  return isItemCount(text) || /^[一二三四五六七八九十]+、|[（(][\s\u3000]*\d+[\s\u3000]*项/.test(text);
}

/**
 * A group label. With a group column every short plain line is a piece of one; without it a table
 * writes its group rows in one style, so once labels are marked (`一、…（7项）`) a plain short line is a
 * wrapped name, and a plain line longer than a label is one in any case.
 */
function isLabel(text: string, hasGroupColumn: boolean, markedStyle: boolean): boolean {
  if (!isGroupLike(text)) return false;
  if (hasGroupColumn || isMarked(text)) return true;
  return !markedStyle && text.replace(/[\s\u3000]/g, '').length <= MAX_PLAIN_LABEL;
}

/** The row's name already ends with its unit bracket, so a bracketed line after it is not its end. */
function nameClosed(row: LineRow): boolean {
  const body = row.body?.text ?? '';
  return /[）)][\s\u3000]/.test(body) || /^[）)]/.test(body);
}

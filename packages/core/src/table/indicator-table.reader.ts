import type { PreparedLine } from '../structure/prepared-line.js';
import { compact } from '../structure/toc.js';
import { readCellPerLineTable } from './cell-per-line.reader.js';
import { isHeaderCell } from './columns.js';
import type { RawTable } from './raw-table.js';
import { readRowPerLineTable } from './row-per-line.reader.js';
import { readTabLayoutTable } from './tab-layout.reader.js';

/**
 * Finds the plan's main indicator table (a header with `序号` and `指标`) and reads it with the
 * reader for its layout: tab-indented cells (Word export), one row per line (PDF), or one cell per
 * line (web page). Returns null when the document has no such table.
 */
export function readIndicatorTable(
  lines: readonly PreparedLine[],
  periodEnd: number | null,
  skip: (line: number) => boolean,
): RawTable | null {
  for (let i = 0; i < lines.length; i++) {
    if (skip(i) || !compact(lines[i]?.trimmed ?? '').includes('序号')) continue;
    if (!mentionsIndicatorNearby(lines, i)) continue;
    const start = headerStart(lines, i);
    const first = lines[start] as PreparedLine;
    const oneLine = /指标/.test(compact(lines[i]?.trimmed ?? ''));
    const read = first.text.text.startsWith('\t')
      ? readTabLayoutTable(lines, start, periodEnd)
      : oneLine
        ? readRowPerLineTable(lines, i, periodEnd)
        : readCellPerLineTable(lines, start, periodEnd);
    const hasName = read.columns.some((c) => c.role === 'name');
    if (!hasName || read.rows.length === 0) continue;
    return { ...read, caption: findCaption(lines, start) };
  }
  return null;
}

function mentionsIndicatorNearby(lines: readonly PreparedLine[], at: number): boolean {
  for (let k = at; k < Math.min(lines.length, at + 8); k++) {
    if (/指标/.test(compact(lines[k]?.trimmed ?? ''))) return true;
  }
  return false;
}

/** Walks back over header cells written before `序号` (e.g. `类别`). */
function headerStart(lines: readonly PreparedLine[], at: number): number {
  let start = at;
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const text = lines[k]?.trimmed ?? '';
    if (text === '') continue;
    if (!isHeaderCell(text)) break;
    start = k;
  }
  return start;
}

function findCaption(lines: readonly PreparedLine[], start: number): RawTable['caption'] {
  let seen = 0;
  for (let k = start - 1; k >= 0 && seen < 3; k--) {
    const text = lines[k]?.trimmed ?? '';
    if (text === '') continue;
    seen++;
    if (text.length <= 40 && /指标/.test(text)) return (lines[k] as PreparedLine).text.trim();
  }
  return null;
}

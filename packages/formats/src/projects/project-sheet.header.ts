import type { MoneyUnit } from '@plantrack/core';
import type { XlsxCell, XlsxRow } from '../xlsx.reader.js';
import { type ProjectField, fieldOfHeader, headerUnit } from './project-columns.js';

export type HeaderColumn = { index: number; field: ProjectField; unit: MoneyUnit | null; text: string };

export type SheetHeader = {
  /** Rows (as Excel numbers them) that make up the header: one, or two when it is split. */
  rows: number[];
  columns: HeaderColumn[];
  /** Headed columns that PlanTrack does not read (their header text), ignored. */
  extra: { index: number; text: string }[];
  /** A unit stated for the whole sheet (`单位：万元` above the header), else null. */
  sheetUnit: MoneyUnit | null;
};

/** How far down a header is looked for (title, 单位 line and blank rows come first). */
const SEARCH_ROWS = 12;

const text = (v: XlsxCell | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * The texts of each column over one or two header rows. A merged cell holds its text only in its
 * first cell, so an empty upper cell above a labelled lower one belongs to the group on its left
 * (`投资（万元）` over `总投资 | 年度计划投资`), and an empty lower cell under a label is the
 * same label spanning both rows (`序号`).
 */
function columnTexts(upper: XlsxRow, lower: XlsxRow | null): string[][] {
  const width = Math.max(upper.cells.length, lower?.cells.length ?? 0);
  const out: string[][] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const top = text(upper.cells[i]);
    const bottom = lower === null ? '' : text(lower.cells[i]);
    if (top !== '') group = top;
    const above = top !== '' ? top : bottom !== '' ? group : '';
    out.push([bottom, above].filter((t) => t !== ''));
  }
  return out;
}

/** `（万元）`, `亿元`: a cell that states a unit and nothing else. */
function isUnitOnly(cell: string): boolean {
  return /^(单位[:：]?)?(元|万元|亿元)$/.test(cell.replace(/[\s()（）]/g, ''));
}

function match(texts: string[][]): { columns: HeaderColumn[]; extra: SheetHeader['extra'] } {
  const columns: HeaderColumn[] = [];
  const extra: SheetHeader['extra'] = [];
  const seen = new Set<ProjectField>();
  texts.forEach((candidates, index) => {
    if (candidates.length === 0) return;
    const field = candidates.map(fieldOfHeader).find((f) => f !== null) ?? null;
    const label = candidates.join(' / ');
    if (field === null || seen.has(field)) extra.push({ index, text: label });
    else {
      seen.add(field);
      columns.push({ index, field, unit: headerUnit(candidates), text: label });
    }
  });
  return { columns, extra };
}

/**
 * Finds the header: the row (or pair of rows) within the first rows that names the most known
 * columns, 项目名称 among them. Null when there is none.
 */
export function findHeader(rows: readonly XlsxRow[]): SheetHeader | null {
  let best: (SheetHeader & { score: number }) | null = null;
  const top = rows.slice(0, SEARCH_ROWS);
  for (const [i, row] of top.entries()) {
    const next = top[i + 1];
    const pairs: [XlsxRow, XlsxRow | null][] = [[row, null]];
    if (next !== undefined && next.row === row.row + 1) pairs.push([row, next]);
    for (const [upper, lower] of pairs) {
      const { columns, extra } = match(columnTexts(upper, lower));
      if (!columns.some((c) => c.field === 'name')) continue;
      // A second row counts as part of the header when it adds columns, or units of its own
      // (a row of bare `（万元）` cells under the labels).
      const unitCells = lower === null ? 0 : lower.cells.filter((c) => isUnitOnly(text(c))).length;
      const score = columns.length * 2 + unitCells - extra.length * 0.1 - (lower === null ? 0 : 0.5);
      if (best === null || score > best.score) {
        best = {
          rows: lower === null ? [upper.row] : [upper.row, lower.row],
          columns,
          extra,
          sheetUnit: null,
          score,
        };
      }
    }
  }
  if (best === null) return null;
  const found: SheetHeader & { score: number } = best;
  const first = found.rows[0] ?? 0;
  // The nearest 单位 line above the header (`单位：万元`) holds for every column that names none.
  const unitLine = top.filter((r) => r.row < first).map((r) => headerUnit(r.cells.map(text)));
  const sheetUnit = unitLine.reverse().find((u) => u !== null) ?? null;
  return { rows: found.rows, columns: found.columns, extra: found.extra, sheetUnit };
}

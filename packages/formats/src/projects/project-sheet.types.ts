import type { BilingualMessage, YearRange } from '@plantrack/core';
import type { ProjectField } from './project-columns.js';

/** One project row as read from an office's sheet; money in 万元. */
export type ProjectSheetRow = {
  /** The row number as Excel shows it. */
  row: number;
  seq: string | null;
  code: string | null;
  name: string;
  /** From the column, else from the group heading above the row (`一、产业项目`). */
  category: string | null;
  nature: string | null;
  content: string | null;
  totalWan: number | null;
  annualPlanWan: number | null;
  years: YearRange | null;
  leadUnit: string | null;
  place: string | null;
  owner: string | null;
};

/** A problem in one cell (or one row when `column` is null), in Chinese and English. */
export type ProjectSheetError = {
  sheet: string;
  row: number;
  /** Column letter as Excel shows it. */
  column: string | null;
  field: ProjectField | null;
  message: BilingualMessage;
};

export type ProjectSheetRead = {
  sheet: string;
  /** Header rows as Excel numbers them. */
  headerRows: number[];
  /** Which column was read as what (letter → field), for the mapping preview. */
  mapping: { column: string; field: ProjectField; header: string }[];
  /** Headed columns that were not read. */
  ignoredColumns: { column: string; header: string }[];
  /** Rows skipped as totals (合计/总计/小计), group headings or blank lines. */
  skipped: { row: number; reason: 'total' | 'group' }[];
  /** Every row read, for the preview (also when there are errors). */
  parsed: ProjectSheetRow[];
  errors: ProjectSheetError[];
  /** All-or-nothing: the rows to import, empty whenever there is any error. */
  importable: ProjectSheetRow[];
};

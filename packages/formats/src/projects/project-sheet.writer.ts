import { PROJECT_COLUMNS, type ProjectField } from './project-columns.js';
import type { ProjectSheetRow } from './project-sheet.types.js';
import { type SheetCell, columnLetter, writeXlsxSheets } from './xlsx-sheet.writer.js';

export type ProjectExportRow = Omit<ProjectSheetRow, 'row'>;

const WIDTHS: Readonly<Record<ProjectField, number>> = {
  seq: 6,
  code: 28,
  name: 30,
  category: 12,
  nature: 10,
  content: 40,
  totalInvestment: 14,
  annualPlan: 16,
  years: 14,
  leadUnit: 18,
  place: 12,
  owner: 20,
};

function headerLabel(field: ProjectField, label: string): string {
  return field === 'totalInvestment' || field === 'annualPlan' ? `${label}（万元）` : label;
}

function cellOf(row: ProjectExportRow, field: ProjectField, index: number): SheetCell {
  if (field === 'seq') return row.seq ?? String(index + 1);
  if (field === 'totalInvestment') return row.totalWan;
  if (field === 'annualPlan') return row.annualPlanWan;
  if (field !== 'years') return row[field];
  if (row.years === null) return null;
  const { startYear, endYear } = row.years;
  return startYear === endYear ? `${startYear}` : `${startYear}-${endYear}`;
}

const sum = (values: (number | null)[]): number =>
  Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 1e6) / 1e6;

/**
 * The project list in the layout offices keep (and that {@link readProjectSheet} reads back): a
 * title row, one header row with money in 万元, the projects, and a 合计 row.
 */
export function writeProjectSheet(
  rows: readonly ProjectExportRow[],
  options: { title: string; sheet?: string },
): Uint8Array {
  const fields = PROJECT_COLUMNS.map((c) => c.field);
  const last = columnLetter(fields.length - 1);
  const body = rows.map((r, i) => fields.map((f) => cellOf(r, f, i)));
  const total = fields.map((f): SheetCell => {
    if (f === 'seq') return '合计';
    if (f === 'totalInvestment') return sum(rows.map((r) => r.totalWan));
    if (f === 'annualPlan') return sum(rows.map((r) => r.annualPlanWan));
    return null;
  });
  return writeXlsxSheets([
    {
      name: options.sheet ?? '项目清单',
      rows: [[options.title], PROJECT_COLUMNS.map((c) => headerLabel(c.field, c.label)), ...body, total],
      headerRows: 2,
      widths: fields.map((f) => WIDTHS[f]),
      merges: [`A1:${last}1`],
    },
  ]);
}

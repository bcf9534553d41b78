import {
  type DatabaseHandle,
  type ProjectImportConfirmation,
  type ProjectImportResult,
  findPlanTitle,
  importProjects,
  listProjects,
} from '@plantrack/db';
import {
  type ProjectExportRow,
  type ProjectSheetRead,
  readProjectSheet,
  writeProjectSheet,
} from '@plantrack/formats';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import { canManageProjects, canReadAllProjects } from '../../policies/project.policy.js';

type Db = DatabaseHandle['db'];

/** What the import answers: the sheet as read (mapping, rows, per-cell errors) and what was matched and written. */
export type ProjectImportAnswer = Omit<ProjectSheetRead, 'parsed' | 'importable' | 'headerRows' | 'errors'> &
  Omit<ProjectImportResult, 'matches'> & {
    rows: {
      row: number;
      code: string | null;
      name: string;
      category: string | null;
      totalWan: number | null;
      annualPlanWan: number | null;
      leadUnit: string | null;
      place: string | null;
    }[];
    errors: {
      sheet: string;
      row: number;
      column: string | null;
      field: ProjectSheetRead['errors'][number]['field'];
      messages: { zh: string; en: string };
    }[];
    matches: ProjectImportResult['matches'];
  };

/** `5:update,9:create` → the office's answers. */
export function parseConfirmations(text: string | undefined): ProjectImportConfirmation[] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((pair) => {
    const [row, decision] = pair.split(':');
    return { row: Number(row), decision: decision === 'create' ? 'create' : 'update' };
  });
}

/** Whether the caller may import (the upload gate asks before the body is read). */
export const canImportProjects = (p: Principal): boolean => canManageProjects(p);

/**
 * Reads an office's project sheet and, in commit mode, imports it all or nothing. A preview (or a
 * sheet with any cell error) writes nothing and answers the mapping, the parsed rows, the per-cell
 * zh/en errors and how each row would match; a commit with name-only matches still unanswered
 * writes nothing either and lists them.
 */
export async function importProjectSheet(
  ctx: AppContext,
  p: Principal,
  planId: string,
  input: {
    bytes: Uint8Array;
    mode: 'preview' | 'commit';
    year: number | undefined;
    confirm: string | undefined;
  },
): Promise<ProjectImportAnswer> {
  enforce(p, canManageProjects(p));
  return importSheetInto(ctx.db, planId, { ...input, by: actorOf(p) });
}

/** The import itself, for the route and for `plantrack projects import` (no policy: the caller's job). */
export async function importSheetInto(
  db: Db,
  planId: string,
  input: {
    bytes: Uint8Array;
    mode: 'preview' | 'commit';
    year: number | undefined;
    confirm: string | undefined;
    by: string;
  },
): Promise<ProjectImportAnswer> {
  if ((await findPlanTitle(db, planId)) === undefined) throw notFound('plan');
  const read = readProjectSheet(input.bytes);
  const year = input.year ?? new Date().getUTCFullYear();
  const rows = read.parsed.map((r) => ({
    row: r.row,
    code: r.code,
    name: r.name,
    category: r.category,
    nature: r.nature,
    content: r.content,
    totalWan: r.totalWan,
    annualPlanWan: r.annualPlanWan,
    startYear: r.years?.startYear ?? null,
    endYear: r.years?.endYear ?? null,
    leadUnit: r.leadUnit,
    place: r.place,
    owner: r.owner,
  }));
  const dryRun = input.mode === 'preview' || read.errors.length > 0;
  const result = await importProjects(db, {
    planId,
    year,
    rows,
    confirmations: parseConfirmations(input.confirm),
    dryRun,
    by: input.by,
  });
  return {
    sheet: read.sheet,
    mapping: read.mapping,
    ignoredColumns: read.ignoredColumns,
    skipped: read.skipped,
    rows: rows.map((r) => ({
      row: r.row,
      code: r.code,
      name: r.name,
      category: r.category,
      totalWan: r.totalWan,
      annualPlanWan: r.annualPlanWan,
      leadUnit: r.leadUnit,
      place: r.place,
    })),
    errors: read.errors.map((e) => ({
      sheet: e.sheet,
      row: e.row,
      column: e.column,
      field: e.field,
      messages: e.message,
    })),
    ...result,
  };
}

/** The plan's register as a sheet in the import's layout (年度计划投资 of `year`). */
export async function exportProjectSheet(
  ctx: AppContext,
  p: Principal,
  planId: string,
  year: number | undefined,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  enforce(p, canReadAllProjects(p));
  return exportSheetOf(ctx.db, planId, year);
}

/** The export itself, for the route and for `plantrack projects export`. */
export async function exportSheetOf(
  db: Db,
  planId: string,
  year: number | undefined,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const plan = await findPlanTitle(db, planId);
  if (plan === undefined) throw notFound('plan');
  const y = year ?? new Date().getUTCFullYear();
  const rows: ProjectExportRow[] = (await listProjects(db, planId)).map((r, i) => ({
    seq: String(i + 1),
    code: r.code,
    name: r.name,
    category: r.category,
    nature: r.nature,
    content: r.content,
    totalWan: r.totalWan,
    annualPlanWan: r.annualPlans.find((a) => a.year === y)?.planWan ?? null,
    years: r.startYear !== null && r.endYear !== null ? { startYear: r.startYear, endYear: r.endYear } : null,
    leadUnit: r.leadUnit,
    place: r.place,
    owner: r.owner,
  }));
  return {
    bytes: writeProjectSheet(rows, { title: `${plan.title} ${y}年重大项目` }),
    fileName: `${plan.slug}-projects-${y}.xlsx`,
  };
}

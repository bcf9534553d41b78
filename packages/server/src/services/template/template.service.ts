import { createHash } from 'node:crypto';
import { departmentNames, writeTransaction } from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, type CellError } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import { canUseMyTemplate } from '../../policies/reporting.policy.js';
import { serverRecordKinds } from '../records/kinds/registry.js';
import { asOfOrToday } from '../records/reporting.service.js';
import { notifySubmittedBatch } from '../reminders/submission-notice.service.js';
import type { IndicatorRowResult } from './template-indicator.rows.js';
import { owedByDepartment } from './template-owed.js';
import type { CheckedSheet, SheetRowResult, SheetRowWarning, TemplateSheet } from './template-sheet.js';
import type { TaskRowResult } from './template-task.rows.js';
import type { UploadOptions, UploadOutcome } from './template-upload.shared.js';
import { buildTemplateWorkbook, readWorkbook } from './template.workbook.js';

export type { UploadOutcome } from './template-upload.shared.js';

/** The sheets of the template: one per record kind that has one, in the registry's order. */
function templateSheets(): TemplateSheet[] {
  return serverRecordKinds().flatMap((kind) => kind.templateSheet ?? []);
}

/**
 * The department's template: sheet 指标 with one row per owned indicator × owed period and sheet
 * 任务进展 with one row per owned task × owed period, each pre-filled with the latest revision.
 */
export async function downloadTemplate(
  ctx: AppContext,
  p: Principal,
  query: { asOf?: string | undefined },
): Promise<{ bytes: Buffer; fileName: string }> {
  enforce(p, canUseMyTemplate(p));
  const asOf = asOfOrToday(query.asOf);
  const owed = await owedByDepartment(ctx, p, asOf);
  const depts = await departmentNames(ctx.db, p.departmentIds);
  const deptName = [...depts.values()].join('、');
  const bytes = await buildTemplateWorkbook(
    `${deptName} 监测填报模板（截至 ${asOf}）`,
    templateSheets().map((sheet) => ({ help: sheet.help, add: (wb) => sheet.write(ctx, wb, owed) })),
  );
  return { bytes, fileName: `${deptName || 'department'}-指标填报-${asOf}.xlsx` };
}

export type UploadResultDto = {
  sha256: string;
  mode: 'draft' | 'submit';
  /** Both sheets together. */
  counts: Record<UploadOutcome, number>;
  /** The rows of sheet 指标. */
  rows: IndicatorRowResult[];
  /** The rows of sheet 任务进展. */
  taskRows: TaskRowResult[];
  /** Said when nothing new was saved or submitted. */
  message?: { zh: string; en: string };
  /** A submission held back: the rows whose values draw quality warnings (nothing was saved). */
  warnings?: SheetRowWarning[];
};

const workbookInvalid = (errors: CellError[]): ApiError =>
  new ApiError(
    422,
    'invalid-workbook',
    {
      zh: `工作簿有 ${errors.length} 处错误，未保存任何数据。`,
      en: `The workbook has ${errors.length} error(s); nothing was saved.`,
    },
    { errors },
  );

/** The answer to a template with nothing new in it (200, not an error). */
const NOTHING_NEW = {
  zh: '没有新的数据需要提交：模板中的数值与已填报的相同，或尚未填写。',
  en: 'Nothing new to submit: the template holds the values already reported, or none at all.',
};

/** The answer to a submission held back for its warnings. */
const warningsHeld = (rows: number): { zh: string; en: string } => ({
  zh: `有 ${rows} 行数值触发数据质量提示，尚未提交任何数据：请返回修改，或确认无误后仍然提交。`,
  en: `${rows} row(s) draw data-quality warnings; nothing was submitted. Fix them, or confirm the values and submit anyway.`,
});

/**
 * Reads an uploaded template, checks every cell of both sheets, and — only when no cell is wrong —
 * saves each changed row as a draft (or submits it) in one transaction, observations and progress
 * reports together. Each row's idempotency key is derived from the file's SHA-256, the mode, the
 * sheet and the row number, so uploading the same file again writes nothing. Rows whose values
 * equal the latest revision are left alone. A workbook may hold either sheet or both. A submission
 * whose rows draw quality warnings saves nothing and answers with the warnings, until the same file
 * comes back with `confirmWarnings` = its SHA-256; the stored flags then carry `confirmed`. (Held
 * back whole rather than saved as drafts: one upload has one outcome, and fixing a value in Excel
 * and uploading again leaves no stray drafts.)
 */
export async function uploadTemplate(
  ctx: AppContext,
  p: Principal,
  input: {
    readFile: () => Promise<Buffer>;
    submit: boolean;
    asOf?: string | undefined;
    /** The file's SHA-256 when the reporter confirmed its warnings (确认无误，仍然提交). */
    confirmWarnings?: string | undefined;
  },
): Promise<UploadResultDto> {
  enforce(p, canUseMyTemplate(p));
  const asOf = asOfOrToday(input.asOf);
  // Read the upload only once the caller is known to be allowed to send one.
  const bytes = await input.readFile();
  const sheets = templateSheets();
  const opened = await readWorkbook(
    bytes,
    sheets.map((sheet) => sheet.name),
    { limits: { maxFileBytes: ctx.config.templateMaxBytes } },
  );
  if (!opened.ok) {
    const code = opened.status === 413 ? 'workbook-too-large' : 'unreadable-workbook';
    throw new ApiError(opened.status, code, opened.messages);
  }
  const read = sheets.map((sheet) => ({ sheet, read: sheet.read(opened.workbook) }));
  if (!read.some((r) => r.read.present)) {
    const names = read.map((r) => r.sheet.name);
    throw workbookInvalid([
      {
        sheet: names[0] ?? '',
        row: 1,
        column: 'A',
        messages: {
          zh: `工作簿中没有名为${names.map((n) => `“${n}”`).join('或')}的工作表，请使用系统下载的模板。`,
          en: `The workbook has no sheet named ${names.map((n) => `"${n}"`).join(' or ')}; use the template downloaded from PlanTrack.`,
        },
      },
    ]);
  }
  const errors = read.flatMap((r) => r.read.errors);
  if (errors.length > 0) throw workbookInvalid(errors);

  const owed = await owedByDepartment(ctx, p, asOf);
  const checked = read.map((r) => ({ sheet: r.sheet, checked: r.read.check(owed, errors) }));
  if (errors.length > 0) throw workbookInvalid(errors);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const mode = input.submit ? 'submit' : 'draft';
  // An unchanged (or unfilled) template is not an error: there is simply nothing new to send.
  if (checked.every((c) => c.checked.count === 0)) {
    const counts = { saved: 0, submitted: 0, unchanged: 0, replayed: 0 };
    return { sha256, mode, counts, rows: [], taskRows: [], message: NOTHING_NEW };
  }

  if (input.submit) {
    // As in the form: a submission drawing quality warnings waits for the reporter to confirm them.
    const confirmed = input.confirmWarnings === sha256;
    const warnings: SheetRowWarning[] = [];
    for (const c of checked) warnings.push(...((await c.checked.review?.(ctx, confirmed)) ?? []));
    if (warnings.length > 0 && !confirmed) {
      const counts = { saved: 0, submitted: 0, unchanged: 0, replayed: 0 };
      return {
        sha256,
        mode,
        counts,
        rows: [],
        taskRows: [],
        warnings,
        message: warningsHeld(warnings.length),
      };
    }
  }

  const options: UploadOptions = {
    sha256,
    mode,
    submit: input.submit,
    actor: actorOf(p),
  };
  try {
    const saved = await saveRows(ctx, checked, options);
    // Reviewers hear of the upload's submissions as one notice; never an error for the upload.
    await notifySubmittedBatch(ctx, p, {
      count: saved.counts.submitted,
      sha256: options.sha256,
      subject: firstSubmittedSubject(saved),
    }).catch(() => undefined);
    const changed = saved.counts.saved + saved.counts.submitted;
    return changed === 0 ? { ...saved, message: NOTHING_NEW } : saved;
  } catch (error) {
    // PostgreSQL: a concurrent writer made a statement of the batch fail, which aborts the whole
    // transaction (25P02 on the next statement). Nothing was saved; the caller may upload again.
    if ((error as { code?: unknown }).code === '25P02') {
      throw new ApiError(409, 'stale-revision', {
        zh: '上传期间数据已被他人修改，未保存任何数据，请重新上传。',
        en: 'The data changed during the upload; nothing was saved. Upload the file again.',
      });
    }
    throw error;
  }
}

/** Every sheet in one transaction: every row is decided first, and nothing is written on any error. */
async function saveRows(
  ctx: AppContext,
  sheets: readonly { sheet: TemplateSheet; checked: CheckedSheet }[],
  options: UploadOptions,
): Promise<UploadResultDto> {
  return writeTransaction(ctx.db, async (trx) => {
    const stateErrors: CellError[] = [];
    const prepared = [];
    for (const s of sheets)
      prepared.push({ sheet: s.sheet, plan: await s.checked.prepare(trx, options, stateErrors) });
    if (stateErrors.length > 0) throw workbookInvalid(stateErrors);
    const counts: Record<UploadOutcome, number> = { saved: 0, submitted: 0, unchanged: 0, replayed: 0 };
    const results: Record<string, SheetRowResult[]> = {};
    for (const { sheet, plan } of prepared) {
      const rows = [...plan.done];
      for (const write of plan.writes) rows.push(await write());
      rows.sort((a, b) => a.row - b.row);
      for (const r of rows) counts[r.outcome] += 1;
      results[sheet.resultKey] = rows;
    }
    // Each sheet's rows have the shape of its `resultKey` field (its facet builds them).
    return { sha256: options.sha256, mode: options.mode, counts, ...results } as UploadResultDto;
  });
}

/** The indicator or task of the first submitted row of an upload (the notice's plan is its plan). */
function firstSubmittedSubject(result: UploadResultDto): { kind: 'indicator' | 'task'; id: string } | null {
  for (const rows of Object.values(result)) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows as Record<string, unknown>[]) {
      if (row.outcome !== 'submitted') continue;
      if (typeof row.indicatorId === 'string') return { kind: 'indicator', id: row.indicatorId };
      if (typeof row.taskId === 'string') return { kind: 'task', id: row.taskId };
    }
  }
  return null;
}

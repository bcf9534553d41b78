import { createHash } from 'node:crypto';
import {
  type ObservationRevision,
  type ObservationValues,
  checkPeriod,
  listIndicators,
  listPlans,
  observationRepository,
  writeTransaction,
} from '@plantrack/db';
import { type Principal, actorOf } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { ApiError, type CellError, type Messages } from '../errors.js';
import { enforce } from '../policies/policy.js';
import { canUseMyTemplate } from '../policies/reporting.policy.js';
import { asOfOrToday, ownedStatus } from './reporting.service.js';
import {
  DATA_SHEET,
  type ColumnKey,
  type TemplateRow,
  type UploadedRow,
  buildTemplateWorkbook,
  columnLetter,
  normalizeText,
  parseFlag,
  parseNumber,
  readDataRows,
  readWorkbook,
} from './template.workbook.js';

/** An indicator × period the caller's department owes, with what the template needs of it. */
type OwedRow = {
  planId: string;
  indicatorId: string;
  seq: string;
  name: string;
  unit: string | null;
  scope: string | null;
  period: string;
};

/** The indicators the caller's departments own and the periods each owes, in plan order. */
async function owedIndicatorRows(
  ctx: AppContext,
  p: Principal,
  asOf: string,
): Promise<{ owed: OwedRow[]; knownIndicators: Set<string> }> {
  const owed: OwedRow[] = [];
  const knownIndicators = new Set<string>();
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    const indicators = new Map((await listIndicators(ctx.db, plan.id)).map((i) => [i.indicatorId, i]));
    for (const id of indicators.keys()) knownIndicators.add(id);
    for (const { owed: o, owners } of await ownedStatus(ctx, plan.id, asOf)) {
      const indicator = indicators.get(o.targetId);
      if (o.kind !== 'indicator' || indicator === undefined) continue;
      if (!owners.some((d) => p.departmentIds.includes(d))) continue;
      owed.push({
        planId: plan.id,
        indicatorId: o.targetId,
        seq: indicator.seq,
        name: indicator.name,
        unit: indicator.unit,
        scope: indicator.scope,
        period: o.period,
      });
    }
  }
  return { owed, knownIndicators };
}

/** The department's template: one row per owned indicator × owed period, pre-filled. */
export async function downloadTemplate(
  ctx: AppContext,
  p: Principal,
  query: { asOf?: string | undefined },
): Promise<{ bytes: Buffer; fileName: string }> {
  enforce(p, canUseMyTemplate(p));
  const asOf = asOfOrToday(query.asOf);
  const { owed } = await owedIndicatorRows(ctx, p, asOf);
  const rows: TemplateRow[] = [];
  for (const o of owed) {
    const latest = await observationRepository.latest(ctx.db, {
      indicatorId: o.indicatorId,
      period: o.period,
      scope: '',
    });
    rows.push({
      indicatorId: o.indicatorId,
      seq: o.seq,
      name: o.name,
      unit: o.unit,
      period: o.period,
      scope: o.scope,
      value: latest?.values.value ?? null,
      estimated: latest === undefined ? null : latest.values.estimated,
      source: latest?.values.source ?? null,
      comment: latest?.values.comment ?? null,
    });
  }
  const depts =
    p.departmentIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('departments')
          .select('canonical_name')
          .where('id', 'in', [...p.departmentIds])
          .execute();
  const deptName = depts.map((d) => d.canonical_name).join('、');
  const bytes = await buildTemplateWorkbook(`${deptName} 监测指标填报模板（截至 ${asOf}）`, rows);
  return { bytes, fileName: `${deptName || 'department'}-指标填报-${asOf}.xlsx` };
}

/** What happened to one row of an upload. */
export type UploadOutcome = 'saved' | 'submitted' | 'unchanged' | 'replayed';

export type UploadResultDto = {
  sha256: string;
  mode: 'draft' | 'submit';
  counts: Record<UploadOutcome, number>;
  rows: {
    row: number;
    indicatorId: string;
    period: string;
    outcome: UploadOutcome;
    revisionNo: number;
    status: 'draft' | 'submitted' | 'approved' | 'returned';
  }[];
};

type CheckedRow = { row: number; owed: OwedRow; values: Required<ObservationValues> };

const cellError = (row: number, key: ColumnKey, messages: Messages): CellError => ({
  sheet: DATA_SHEET,
  row,
  column: columnLetter(key),
  messages,
});

/** Checks the cells of one row on their own and against what the department owes. */
function checkRow(
  r: UploadedRow,
  owedByKey: Map<string, OwedRow>,
  ownIndicators: Set<string>,
  knownIndicators: Set<string>,
  errors: CellError[],
): CheckedRow | undefined {
  const { cells } = r;
  const before = errors.length;
  const err = (key: ColumnKey, messages: Messages): void => {
    errors.push(cellError(r.row, key, messages));
  };
  const indicatorId = cells.indicatorId === null ? '' : String(cells.indicatorId);
  if (indicatorId === '') {
    err('indicatorId', { zh: '缺少指标ID。', en: 'The indicator id is missing.' });
  } else if (!knownIndicators.has(indicatorId)) {
    err('indicatorId', {
      zh: `指标ID“${indicatorId}”不存在。`,
      en: `No indicator has the id "${indicatorId}".`,
    });
  } else if (!ownIndicators.has(indicatorId)) {
    err('indicatorId', {
      zh: '该指标不由本部门填报，不能上传。',
      en: 'This indicator is not reported by your department.',
    });
  }
  const period = cells.period === null ? '' : String(cells.period);
  let periodOk = false;
  try {
    checkPeriod(period);
    periodOk = true;
  } catch {
    err('period', {
      zh: `期间“${period}”格式不正确，应为 2026、2026Q1 或 2026-03。`,
      en: `Invalid period "${period}": use 2026, 2026Q1 or 2026-03.`,
    });
  }
  const owed = owedByKey.get(`${indicatorId}|${period}`);
  if (periodOk && ownIndicators.has(indicatorId) && owed === undefined) {
    err('period', {
      zh: `该指标在期间“${period}”无需填报（不是应报期间）。`,
      en: `The indicator owes no report for the period "${period}".`,
    });
  }
  if (owed !== undefined) {
    if (cells.unit !== null && normalizeText(String(cells.unit)) !== normalizeText(owed.unit)) {
      err('unit', {
        zh: `单位应为“${owed.unit ?? ''}”，实际为“${String(cells.unit)}”。`,
        en: `The unit should be "${owed.unit ?? ''}", found "${String(cells.unit)}".`,
      });
    }
    if (cells.scope !== null && normalizeText(String(cells.scope)) !== normalizeText(owed.scope)) {
      err('scope', {
        zh: `口径应留空或为“${owed.scope ?? ''}”，实际为“${String(cells.scope)}”。`,
        en: `The scope should be empty or "${owed.scope ?? ''}", found "${String(cells.scope)}".`,
      });
    }
  }
  const value = parseNumber(cells.value);
  if (value === undefined) {
    err(
      'value',
      cells.value === null
        ? { zh: '数值为空。', en: 'The value is empty.' }
        : {
            zh: `数值“${String(cells.value)}”不是数字。`,
            en: `The value "${String(cells.value)}" is not a number.`,
          },
    );
  }
  const estimated = parseFlag(cells.estimated);
  if (estimated === undefined) {
    err('estimated', {
      zh: `是否预计应填“是”或“否”，实际为“${String(cells.estimated)}”。`,
      en: `是否预计 must be “是” (yes) or “否” (no), found "${String(cells.estimated)}".`,
    });
  }
  const source = cells.source === null ? null : String(cells.source);
  if (source !== null && source.length > 500) {
    err('source', { zh: '来源不能超过 500 个字符。', en: 'The source may have at most 500 characters.' });
  }
  const comment = cells.comment === null ? null : String(cells.comment);
  if (comment !== null && comment.length > 4000) {
    err('comment', { zh: '说明不能超过 4000 个字符。', en: 'The remarks may have at most 4000 characters.' });
  }
  if (errors.length > before || owed === undefined || value === undefined || estimated === undefined) {
    return undefined;
  }
  return {
    row: r.row,
    owed,
    values: {
      value,
      valueText: null,
      unit: owed.unit,
      estimated: estimated ?? false,
      source,
      comment,
      evidence: [],
    },
  };
}

/** Whether an uploaded row repeats the stored values (a missing unit is the indicator's unit). */
function sameValues(
  stored: Required<ObservationValues>,
  uploaded: Required<ObservationValues>,
  indicatorUnit: string | null,
): boolean {
  const a = stored;
  const b = uploaded;
  return (
    a.value === b.value &&
    normalizeText(a.unit ?? indicatorUnit) === normalizeText(b.unit ?? indicatorUnit) &&
    a.estimated === b.estimated &&
    (a.source ?? null) === (b.source ?? null) &&
    (a.comment ?? null) === (b.comment ?? null)
  );
}

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

/**
 * Reads an uploaded template, checks every cell, and — only when no cell is wrong — saves each
 * changed row as a draft (or submits it) in one transaction. Each row's idempotency key is derived
 * from the file's SHA-256, the mode and the row number, so uploading the same file again writes
 * nothing. Rows whose values equal the latest revision are left alone.
 */
export async function uploadTemplate(
  ctx: AppContext,
  p: Principal,
  input: { readFile: () => Promise<Buffer>; submit: boolean; asOf?: string | undefined },
): Promise<UploadResultDto> {
  enforce(p, canUseMyTemplate(p));
  const asOf = asOfOrToday(input.asOf);
  // Read the upload only once the caller is known to be allowed to send one.
  const bytes = await input.readFile();
  const opened = await readWorkbook(bytes);
  if (!opened.ok) throw new ApiError(400, 'unreadable-workbook', opened.messages);
  const { errors, rows } = readDataRows(opened.workbook);
  if (errors.length > 0) throw workbookInvalid(errors);

  const { owed, knownIndicators } = await owedIndicatorRows(ctx, p, asOf);
  const owedByKey = new Map(owed.map((o) => [`${o.indicatorId}|${o.period}`, o]));
  const ownIndicators = new Set(owed.map((o) => o.indicatorId));
  const checked: CheckedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const { value, estimated, source, comment } = r.cells;
    // A row the reporter left empty (no value, nothing else entered) is not uploaded.
    if (value === null && estimated === null && source === null && comment === null) continue;
    const c = checkRow(r, owedByKey, ownIndicators, knownIndicators, errors);
    if (c === undefined) continue;
    const key = `${c.owed.indicatorId}|${c.owed.period}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push(
        cellError(r.row, 'period', {
          zh: `与第 ${first} 行重复（同一指标、同一期间）。`,
          en: `Duplicates row ${first} (same indicator and period).`,
        }),
      );
      continue;
    }
    firstRowOf.set(key, r.row);
    checked.push(c);
  }
  if (errors.length > 0) throw workbookInvalid(errors);
  if (checked.length === 0) {
    throw new ApiError(400, 'empty-workbook', {
      zh: '工作簿中没有填写任何数据。',
      en: 'The workbook holds no rows to upload.',
    });
  }

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const mode = input.submit ? 'submit' : 'draft';
  const actor = actorOf(p);
  try {
    return await saveRows(ctx, { checked, sha256, mode, actor, submit: input.submit });
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

async function saveRows(
  ctx: AppContext,
  args: { checked: CheckedRow[]; sha256: string; mode: 'draft' | 'submit'; actor: string; submit: boolean },
): Promise<UploadResultDto> {
  const { checked, sha256, mode, actor, submit } = args;
  return writeTransaction(ctx.db, async (trx) => {
    const stateErrors: CellError[] = [];
    const plan: { c: CheckedRow; idempotencyKey: string; latest: ObservationRevision | undefined }[] = [];
    const result: UploadResultDto['rows'] = [];
    for (const c of checked) {
      const ref = { indicatorId: c.owed.indicatorId, period: c.owed.period, scope: '' };
      const idempotencyKey = `xlsx:${sha256}:${mode}:${c.row}`;
      const earlier = await observationRepository.byIdempotencyKey(trx, idempotencyKey);
      if (earlier !== undefined) {
        result.push(rowResult(c, 'replayed', earlier));
        continue;
      }
      const latest = await observationRepository.latest(trx, ref);
      const unchanged = latest !== undefined && sameValues(latest.values, c.values, c.owed.unit);
      const status = latest?.status;
      const submittable = status === 'draft' || status === 'returned';
      if (unchanged && !(submit && submittable)) {
        result.push(rowResult(c, 'unchanged', latest));
        continue;
      }
      if (status === 'approved' || status === 'submitted') {
        stateErrors.push(
          cellError(
            c.row,
            'value',
            status === 'approved'
              ? {
                  zh: '该数据已审核通过并锁定；如需修改，请提交更正并说明原因。',
                  en: 'This value is approved and locked; submit a correction with a reason to change it.',
                }
              : {
                  zh: '该数据正在审核中，暂不能修改。',
                  en: 'This value is under review and cannot be edited now.',
                },
          ),
        );
        continue;
      }
      plan.push({ c, idempotencyKey, latest });
    }
    if (stateErrors.length > 0) throw workbookInvalid(stateErrors);
    for (const { c, idempotencyKey, latest } of plan) {
      const command = {
        ref: { indicatorId: c.owed.indicatorId, period: c.owed.period, scope: '' },
        expectedRevision: latest?.revisionNo ?? 0,
        actor,
        idempotencyKey,
        values: c.values,
      };
      const revision = submit
        ? await observationRepository.submit(trx, command)
        : await observationRepository.saveDraft(trx, command);
      result.push(rowResult(c, submit ? 'submitted' : 'saved', revision));
    }
    result.sort((a, b) => a.row - b.row);
    const counts: Record<UploadOutcome, number> = { saved: 0, submitted: 0, unchanged: 0, replayed: 0 };
    for (const r of result) counts[r.outcome] += 1;
    return { sha256, mode, counts, rows: result };
  });
}

function rowResult(
  c: CheckedRow,
  outcome: UploadOutcome,
  revision: ObservationRevision,
): UploadResultDto['rows'][number] {
  return {
    row: c.row,
    indicatorId: c.owed.indicatorId,
    period: c.owed.period,
    outcome,
    revisionNo: revision.revisionNo,
    status: revision.status,
  };
}

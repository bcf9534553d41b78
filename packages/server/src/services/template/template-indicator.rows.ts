import type { QualityFlag } from '@plantrack/core';
import {
  type Alongside,
  type Db,
  type ObservationRevision,
  type ObservationValues,
  checkPeriod,
  observationRepository,
} from '@plantrack/db';
import type { AppContext } from '../../context.js';
import type { CellError, Messages } from '../../errors.js';
import { checkDraftQuality, qualityCheckOnReview } from '../records/quality.service.js';
import { normalizeText, parseFlag, parseNumber } from './template.cells.js';
import type { DepartmentOwed, OwedIndicatorRow } from './template-owed.js';
import {
  type RowOutcome,
  type UploadOptions,
  lockedMessages,
  periodMessages,
  rowAction,
} from './template-upload.shared.js';
import { type ColumnKey, DATA_SHEET, type UploadedRow, columnLetter } from './template.workbook.js';

/** A valid row of the indicator sheet, ready to save. */
export type CheckedIndicatorRow = {
  row: number;
  owed: OwedIndicatorRow;
  values: Required<ObservationValues>;
};

/** An indicator row's result in the upload response. */
export type IndicatorRowResult = RowOutcome & { indicatorId: string; period: string };

const cellError = (row: number, key: ColumnKey, messages: Messages): CellError => ({
  sheet: DATA_SHEET,
  row,
  column: columnLetter(key),
  messages,
});

/** Checks the cells of one row on their own and against what the department owes. */
function checkRow(
  r: UploadedRow,
  owedByKey: Map<string, OwedIndicatorRow>,
  ownIndicators: Set<string>,
  knownIndicators: Set<string>,
  errors: CellError[],
): CheckedIndicatorRow | undefined {
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
    err('period', periodMessages(period));
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

/**
 * Checks every filled row of the indicator sheet (errors appended to `errors`); rows the reporter
 * left empty (no value, nothing else entered) are not uploaded.
 */
export function checkIndicatorRows(
  rows: readonly UploadedRow[],
  owed: DepartmentOwed,
  errors: CellError[],
): CheckedIndicatorRow[] {
  const owedByKey = new Map(owed.indicators.map((o) => [`${o.indicatorId}|${o.period}`, o]));
  const ownIndicators = new Set(owed.indicators.map((o) => o.indicatorId));
  const checked: CheckedIndicatorRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const { value, estimated, source, comment } = r.cells;
    if (value === null && estimated === null && source === null && comment === null) continue;
    const c = checkRow(r, owedByKey, ownIndicators, owed.knownIndicators, errors);
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
  return checked;
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

function result(c: CheckedIndicatorRow, outcome: IndicatorRowResult['outcome'], r: ObservationRevision) {
  return {
    row: c.row,
    indicatorId: c.owed.indicatorId,
    period: c.owed.period,
    outcome,
    revisionNo: r.revisionNo,
    status: r.status,
  };
}

/** A row that would be submitted with quality warnings: shown to the reporter before anything is sent. */
export type IndicatorRowWarning = {
  row: number;
  indicatorId: string;
  period: string;
  value: number | null;
  flags: QualityFlag[];
};

/** The quality review of a submission: each written row's warnings, and the check that stores its flags. */
export type IndicatorRowsReview = {
  warnings: IndicatorRowWarning[];
  onReview: Map<number, Alongside<ObservationRevision>>;
};

/**
 * Before the upload's transaction, for a submission: runs the form's checks (the same as
 * `POST /api/observations/check`) on every row that would be written, and prepares the check that
 * stores each submitted revision's flags — marked `confirmed` when the reporter confirmed this
 * file's warnings, as the form does with `confirmedWarnings`.
 */
export async function reviewIndicatorRows(
  ctx: AppContext,
  checked: readonly CheckedIndicatorRow[],
  confirmed: boolean,
): Promise<IndicatorRowsReview> {
  const warnings: IndicatorRowWarning[] = [];
  const onReview = new Map<number, Alongside<ObservationRevision>>();
  for (const c of checked) {
    const ref = { indicatorId: c.owed.indicatorId, period: c.owed.period, scope: '' };
    const latest = await observationRepository.latest(ctx.db, ref);
    const unchanged = latest !== undefined && sameValues(latest.values, c.values, c.owed.unit);
    // Rows left alone or refused as locked are not submitted: they draw no warning.
    if (rowAction(latest, unchanged, true) !== 'write') continue;
    const flags = await checkDraftQuality(ctx, { ...ref, value: c.values.value, unit: c.values.unit });
    if (flags.length > 0)
      warnings.push({
        row: c.row,
        indicatorId: ref.indicatorId,
        period: ref.period,
        value: c.values.value,
        flags,
      });
    const codes = confirmed ? flags.map((f) => f.code) : [];
    onReview.set(c.row, await qualityCheckOnReview(ctx, ref, codes));
  }
  return { warnings, onReview };
}

/**
 * Inside the upload's transaction: decides each row from its record's latest revision. Rows
 * already written by this file (same idempotency key) are `replayed`, rows equal to the latest
 * revision `unchanged`; a row of a record under review or approved is an error at its value
 * cell. Returns the decided rows and the writes to run once no row of any sheet is wrong.
 */
export async function prepareIndicatorRows(
  trx: Db,
  checked: readonly CheckedIndicatorRow[],
  options: UploadOptions,
  errors: CellError[],
  onReview?: ReadonlyMap<number, Alongside<ObservationRevision>>,
): Promise<{ done: IndicatorRowResult[]; writes: (() => Promise<IndicatorRowResult>)[] }> {
  const done: IndicatorRowResult[] = [];
  const writes: (() => Promise<IndicatorRowResult>)[] = [];
  for (const c of checked) {
    const ref = { indicatorId: c.owed.indicatorId, period: c.owed.period, scope: '' };
    const idempotencyKey = `xlsx:${options.sha256}:${options.mode}:${c.row}`;
    const earlier = await observationRepository.byIdempotencyKey(trx, idempotencyKey);
    if (earlier !== undefined) {
      done.push(result(c, 'replayed', earlier));
      continue;
    }
    const latest = await observationRepository.latest(trx, ref);
    const unchanged = latest !== undefined && sameValues(latest.values, c.values, c.owed.unit);
    const action = rowAction(latest, unchanged, options.submit);
    if (action === 'unchanged' && latest !== undefined) {
      done.push(result(c, 'unchanged', latest));
    } else if (action === 'locked') {
      errors.push(cellError(c.row, 'value', lockedMessages(latest?.status)));
    } else {
      writes.push(async () => {
        const command = {
          ref,
          expectedRevision: latest?.revisionNo ?? 0,
          actor: options.actor,
          idempotencyKey,
          values: c.values,
          alongside: options.submit ? onReview?.get(c.row) : undefined,
        };
        const revision = options.submit
          ? await observationRepository.submit(trx, command)
          : await observationRepository.saveDraft(trx, command);
        return result(c, options.submit ? 'submitted' : 'saved', revision);
      });
    }
  }
  return { done, writes };
}

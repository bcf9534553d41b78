import type { QualityFlag } from '@plantrack/core';
import {
  type Alongside,
  type Db,
  type ObservationRevision,
  type ObservationValues,
  observationRepository,
} from '@plantrack/db';
import type { AppContext } from '../../context.js';
import type { CellError, Messages } from '../../errors.js';
import { checkDraftQuality, qualityCheckOnReview } from '../records/quality.service.js';
import { normalizeText, parseFlag, parseNumber } from './template.cells.js';
import type { DepartmentOwed, OwedIndicatorRow } from './template-owed.js';
import {
  type ElementWords,
  type OwedLookup,
  checkFilledRows,
  checkOwedCells,
  prepareRows,
} from './template-rows.shared.js';
import { type RowOutcome, type UploadOptions, rowAction } from './template-upload.shared.js';
import { type ColumnKey, DATA_SHEET, type UploadedRow, columnLetter } from './template.workbook.js';

/** A valid row of the indicator sheet, ready to save. */
export type CheckedIndicatorRow = {
  row: number;
  owed: OwedIndicatorRow;
  values: Required<ObservationValues>;
};

/** An indicator row's result in the upload response. */
export type IndicatorRowResult = RowOutcome & { indicatorId: string; period: string };

const INDICATOR: ElementWords = { zh: '指标', en: 'indicator' };

const cellError = (row: number, key: ColumnKey, messages: Messages): CellError => ({
  sheet: DATA_SHEET,
  row,
  column: columnLetter(key),
  messages,
});

/** Checks the cells of one row on their own and against what the department owes. */
function checkRow(
  r: UploadedRow,
  owedIndicators: OwedLookup<OwedIndicatorRow>,
  errors: CellError[],
): CheckedIndicatorRow | undefined {
  const { cells } = r;
  const before = errors.length;
  const err = (key: ColumnKey, messages: Messages): void => {
    errors.push(cellError(r.row, key, messages));
  };
  const owed = checkOwedCells(
    INDICATOR,
    {
      id: cells.indicatorId === null ? '' : String(cells.indicatorId),
      period: cells.period === null ? '' : String(cells.period),
    },
    owedIndicators,
    (cell, messages) => {
      err(cell === 'id' ? 'indicatorId' : cell, messages);
    },
  );
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
  const owedIndicators: OwedLookup<OwedIndicatorRow> = {
    owedByKey: new Map(owed.indicators.map((o) => [`${o.indicatorId}|${o.period}`, o])),
    own: new Set(owed.indicators.map((o) => o.indicatorId)),
    known: owed.knownIndicators,
  };
  return checkFilledRows({
    rows,
    words: INDICATOR,
    isBlank: ({ cells: c }) =>
      c.value === null && c.estimated === null && c.source === null && c.comment === null,
    check: (r) => checkRow(r, owedIndicators, errors),
    keyOf: (c) => `${c.owed.indicatorId}|${c.owed.period}`,
    periodError: (row, messages) => cellError(row, 'period', messages),
    errors,
  });
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
 * Inside the upload's transaction: decides each row from its record's latest revision (replayed,
 * unchanged, locked at its value cell, or a write), a submitted row's revision carrying the flags
 * its quality check prepared. Returns the decided rows and the writes to run once no row of any
 * sheet is wrong.
 */
export function prepareIndicatorRows(
  trx: Db,
  checked: readonly CheckedIndicatorRow[],
  options: UploadOptions,
  errors: CellError[],
  onReview?: ReadonlyMap<number, Alongside<ObservationRevision>>,
): Promise<{ done: IndicatorRowResult[]; writes: (() => Promise<IndicatorRowResult>)[] }> {
  const refOf = (c: CheckedIndicatorRow) => ({
    indicatorId: c.owed.indicatorId,
    period: c.owed.period,
    scope: '',
  });
  return prepareRows(
    checked,
    {
      idempotencyKeyOf: (c) => `xlsx:${options.sha256}:${options.mode}:${c.row}`,
      byIdempotencyKey: (key) => observationRepository.byIdempotencyKey(trx, key),
      latest: (c) => observationRepository.latest(trx, refOf(c)),
      sameValues: (stored, c) => sameValues(stored, c.values, c.owed.unit),
      lockedError: (row, messages) => cellError(row, 'value', messages),
      write: async (c, command) => {
        const full = {
          ...command,
          ref: refOf(c),
          actor: options.actor,
          values: c.values,
          alongside: options.submit ? onReview?.get(c.row) : undefined,
        };
        return options.submit
          ? observationRepository.submit(trx, full)
          : observationRepository.saveDraft(trx, full);
      },
      result: (c, row) => ({ ...row, indicatorId: c.owed.indicatorId, period: c.owed.period }),
    },
    options,
    errors,
  );
}

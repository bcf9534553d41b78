import { type Alongside, type ObservationRevision, observationRepository } from '@plantrack/db';
import { checkIndicatorRows, prepareIndicatorRows, reviewIndicatorRows } from './template-indicator.rows.js';
import type { TemplateSheet } from './template-sheet.js';
import {
  DATA_SHEET,
  INDICATOR_HELP,
  type TemplateRow,
  addIndicatorSheet,
  readDataRows,
} from './template.workbook.js';

/** The observations' sheet 指标: one row per owned indicator × owed period. */
export const indicatorTemplateSheet: TemplateSheet = {
  name: DATA_SHEET,
  resultKey: 'rows',
  help: INDICATOR_HELP,
  write: async (ctx, wb, owed) => {
    const rows: TemplateRow[] = [];
    for (const o of owed.indicators) {
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
    await addIndicatorSheet(wb, rows);
  },
  read: (workbook) => {
    const sheet = readDataRows(workbook);
    return {
      present: sheet.present,
      errors: sheet.errors,
      check: (owed, errors) => {
        const checked = checkIndicatorRows(sheet.rows, owed, errors);
        // The flag-storing checks prepared by `review`, run with each submitted row's revision.
        let onReview = new Map<number, Alongside<ObservationRevision>>();
        return {
          count: checked.length,
          review: async (ctx, confirmed) => {
            const reviewed = await reviewIndicatorRows(ctx, checked, confirmed);
            onReview = reviewed.onReview;
            return reviewed.warnings;
          },
          prepare: (trx, options, stateErrors) =>
            prepareIndicatorRows(trx, checked, options, stateErrors, onReview),
        };
      },
    };
  },
};

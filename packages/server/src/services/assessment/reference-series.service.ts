import {
  type ReferenceKind,
  type ReferenceSeriesRow,
  type ReferenceSeriesWithValues,
  type ReferenceValueRow,
  addReferenceValue,
  createReferenceSeries,
  linkIndicatorToSeries,
  listReferenceSeries,
  planHeader,
  referenceSeriesSource,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canManageReferenceSeries, canReadReferenceSeries } from '../../policies/assessment.policy.js';
import { enforce } from '../../policies/policy.js';

export async function seriesOfPlan(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<ReferenceSeriesWithValues[]> {
  enforce(p, canReadReferenceSeries(p));
  await planHeader(ctx.db, planId);
  return listReferenceSeries(ctx.db, planId);
}

export function newSeries(
  ctx: AppContext,
  p: Principal,
  planId: string,
  body: {
    key: string;
    name: string;
    kind: ReferenceKind;
    unit?: string | null | undefined;
    scope?: string | null | undefined;
    source?: string | null | undefined;
  },
): Promise<ReferenceSeriesRow> {
  enforce(p, canManageReferenceSeries(p));
  return createReferenceSeries(ctx.db, {
    planId,
    key: body.key,
    name: body.name,
    kind: body.kind,
    unit: body.unit ?? null,
    scope: body.scope ?? null,
    source: body.source ?? null,
    actor: actorOf(p),
  });
}

/**
 * Records a value. Reference values are published figures, so each must say where it comes from:
 * on the value itself or, for a series from one publication, on the series.
 */
export async function newValue(
  ctx: AppContext,
  p: Principal,
  seriesId: string,
  body: {
    period: string;
    value: number | null;
    valueText?: string | null | undefined;
    estimated?: boolean | undefined;
    source?: string | null | undefined;
    note?: string | null | undefined;
  },
): Promise<ReferenceValueRow> {
  enforce(p, canManageReferenceSeries(p));
  if ((body.source ?? '').trim() === '') {
    const series = await referenceSeriesSource(ctx.db, seriesId);
    if (series !== undefined && (series.source ?? '').trim() === '') {
      throw new ApiError(400, 'missing-source', {
        zh: '参照值须注明来源（数值或所属序列的 source）。',
        en: 'A reference value must name its source (on the value or on its series).',
      });
    }
  }
  return addReferenceValue(ctx.db, {
    seriesId,
    period: body.period,
    value: body.value,
    valueText: body.valueText ?? null,
    estimated: body.estimated ?? false,
    source: body.source ?? null,
    note: body.note ?? null,
    actor: actorOf(p),
  });
}

export function linkSeries(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
  seriesId: string | null,
): Promise<{ planId: string; indicatorKey: string; seriesId: string | null }> {
  enforce(p, canManageReferenceSeries(p));
  return linkIndicatorToSeries(ctx.db, { indicatorId, seriesId, actor: actorOf(p) });
}

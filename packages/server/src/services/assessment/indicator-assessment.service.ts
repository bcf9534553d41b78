import type { IndicatorAssessment } from '@plantrack/api';
import { expectedPathOf } from '@plantrack/core';
import { indicatorIdentity } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canReadDashboard } from '../../policies/assessment.policy.js';
import { enforce } from '../../policies/policy.js';
import { presentAssessment } from '../../presenters/assessment.presenter.js';
import { assessOneIndicator } from './assessment.service.js';
import { asOfOrToday } from '../records/reporting.service.js';
import { stampedCachePerApp } from '../cache/stamped.cache.js';

/** The full assessment of one indicator with everything that went into it (the contract's shape). */
export type IndicatorAssessmentDto = IndicatorAssessment;

// The response text is cached, so a hit costs the stamp lookup and a string send.
// Room for every indicator of a province-scale deployment (about 3,000).
const cacheOf = stampedCachePerApp<string>(4_096);

/** The full assessment as JSON text (an {@link IndicatorAssessmentDto}). */
export async function indicatorAssessmentJson(
  ctx: AppContext,
  p: Principal,
  indicatorId: string,
  query: { asOf?: string | undefined },
): Promise<string> {
  enforce(p, canReadDashboard(p));
  return cached(ctx, indicatorId, asOfOrToday(query.asOf), false);
}

/** The same for everyone, as JSON text: 404 unless the indicator is published; approved data only. */
export function publicIndicatorAssessmentJson(
  ctx: AppContext,
  indicatorId: string,
  query: { asOf?: string | undefined },
): Promise<string> {
  return cached(ctx, indicatorId, asOfOrToday(query.asOf), true);
}

async function cached(
  ctx: AppContext,
  indicatorId: string,
  asOf: string,
  publishedOnly: boolean,
): Promise<string> {
  const stamp = await ctx.changeStamps.current();
  return cacheOf(ctx).get(`${publishedOnly ? 'public' : 'staff'}|${indicatorId}|${asOf}`, stamp, async () =>
    JSON.stringify(await build(ctx, { indicatorId, asOf, publishedOnly }, stamp)),
  );
}

async function build(
  ctx: AppContext,
  { indicatorId, asOf, publishedOnly }: { indicatorId: string; asOf: string; publishedOnly: boolean },
  stamp: string,
): Promise<IndicatorAssessmentDto> {
  const { planId } = await indicatorIdentity(ctx.db, indicatorId);
  const year = Number(asOf.slice(0, 4));
  const { data, indicator, assessment } = await assessOneIndicator(
    ctx,
    { planId, indicatorId, asOf: year, publishedOnly },
    stamp,
  );
  const series = data.references.get(indicator.key);
  const targetYear = data.period.targetYear;
  return {
    plan: { id: data.plan.id, title: data.plan.title },
    indicator: {
      id: indicator.indicatorId,
      key: indicator.key,
      seq: indicator.seq,
      group: indicator.group,
      name: indicator.name,
      unit: indicator.unit,
      attribute: indicator.attribute,
      targetText: indicator.target.text,
      scope: indicator.scope,
      published: indicator.published,
    },
    asOf,
    assessedYear: year,
    assessment: presentAssessment(assessment, indicator.unit),
    expectedPath: expectedPathOf(assessment, targetYear),
    targetLine: assessment.targetValue === null ? null : { year: targetYear, value: assessment.targetValue },
    reference:
      series === undefined
        ? null
        : {
            id: series.id,
            key: series.key,
            name: series.name,
            unit: series.unit,
            scope: series.scope,
            source: series.source,
            kind: series.kind,
            values: series.values.map((v) => ({
              period: v.period,
              value: v.value,
              valueText: v.valueText,
              estimated: v.estimated,
              source: v.source,
              revisionNo: v.revisionNo,
            })),
          },
    thresholdsSource: data.thresholdsSource,
  };
}

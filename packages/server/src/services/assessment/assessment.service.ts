import {
  type Assessment,
  type AssessmentInput,
  type AssessmentThresholds,
  DEFAULT_THRESHOLDS,
  type Direction,
  type Observation,
  type ReferenceSeries,
  assessIndicator,
} from '@plantrack/core';
import {
  type ReferenceSeriesRow,
  type ReferenceValueRow,
  getAssessmentSettings,
  linkedReferenceSeries,
  type ApprovedObservationRow,
  type AssessableIndicatorRow,
  type PlanHeader,
  approvedObservations,
  assessableIndicators,
  planHeader,
} from '@plantrack/db';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { stampedCachePerApp } from '../cache/stamped.cache.js';

/** A linked reference series with its values in force. */
export type LinkedSeries = ReferenceSeriesRow & { values: ReferenceValueRow[] };

/** Everything stored that the engine needs for a plan, read in bulk. */
export type PlanAssessmentData = {
  plan: PlanHeader;
  /** The engine's plan period: baseline year and target year. */
  period: { baselineYear: number; targetYear: number };
  indicators: AssessableIndicatorRow[];
  observations: Map<string, ApprovedObservationRow[]>;
  references: Map<string, LinkedSeries>;
  thresholds: AssessmentThresholds;
  thresholdsSource: 'default' | 'plan';
};

/**
 * Reads a plan's newest version, its indicators (optionally only published ones), the
 * values in force, the linked reference series and the thresholds: five queries whatever the
 * number of indicators or observations.
 */
export async function loadPlanAssessmentData(
  ctx: AppContext,
  planId: string,
  options: { publishedOnly?: boolean } = {},
): Promise<PlanAssessmentData> {
  const plan = await planHeader(ctx.db, planId);
  let indicators = await assessableIndicators(ctx.db, plan.versionId);
  if (options.publishedOnly === true) indicators = indicators.filter((i) => i.published);
  const period = enginePeriod(plan);
  // The engine reads the baseline year to the target year; earlier years could only be set aside.
  const years = {
    from: Math.min(period.baselineYear, ...indicators.map(baselineYearOf)),
    to: period.targetYear,
  };
  // Independent reads, asked together: on PostgreSQL they travel on separate pooled connections,
  // so an uncached assessment waits for one round trip instead of three.
  const [approved, references, settings] = await Promise.all([
    approvedObservations(
      ctx.db,
      indicators.map((i) => i.indicatorId),
      years,
    ),
    linkedReferenceSeries(ctx.db, planId),
    getAssessmentSettings(ctx.db, planId),
  ]);
  const observations = new Map<string, ApprovedObservationRow[]>();
  for (const row of approved) {
    const list = observations.get(row.indicatorId);
    if (list === undefined) observations.set(row.indicatorId, [row]);
    else list.push(row);
  }
  return {
    plan,
    period,
    indicators,
    observations,
    references,
    thresholds: (settings?.thresholds as AssessmentThresholds | undefined) ?? DEFAULT_THRESHOLDS,
    thresholdsSource: settings === undefined ? 'default' : 'plan',
  };
}

/** The plan's baseline and target years, completed from its period when the outline omits one. */
function enginePeriod(plan: PlanHeader): { baselineYear: number; targetYear: number } {
  const targetYear = plan.periodEnd ?? (plan.periodStart === null ? null : plan.periodStart + 4);
  const baselineYear = plan.baselineYear ?? (plan.periodStart === null ? null : plan.periodStart - 1);
  return {
    baselineYear: baselineYear ?? (targetYear ?? new Date().getUTCFullYear()) - 5,
    targetYear: targetYear ?? (baselineYear ?? new Date().getUTCFullYear()) + 5,
  };
}

function baselineYearOf(i: AssessableIndicatorRow): number {
  return i.baseline?.year ?? Number.POSITIVE_INFINITY;
}

/**
 * The engine input of one indicator. Only annual observations are assessed (the engine grades
 * years); an observation stored with the empty scope is in the indicator's own scope (口径), and
 * one in any other scope is passed on so the engine sets it aside with its reason. A linked series
 * is named as the explicit reference, so the engine never guesses between series.
 */
export function buildEngineInput(
  data: PlanAssessmentData,
  indicator: AssessableIndicatorRow,
  asOf: number,
): AssessmentInput {
  const observations: Observation[] = [];
  for (const o of data.observations.get(indicator.indicatorId) ?? []) {
    if (!/^\d{4}$/.test(o.period)) continue;
    observations.push({
      period: Number(o.period),
      value: o.value,
      scope: o.scope === '' ? indicator.scope : o.scope,
      estimated: o.estimated,
      status: 'approved',
      ...(o.source === null ? {} : { source: o.source }),
    });
  }
  // Stable order by year keeps the engine's "later row wins" rule meaningful.
  observations.sort((a, b) => a.period - b.period);
  const series = data.references.get(indicator.key);
  const references: ReferenceSeries[] = series === undefined ? [] : [engineSeries(series)];
  return {
    indicator: {
      seq: indicator.seq,
      name: indicator.name,
      unit: indicator.unit,
      attribute:
        indicator.attribute === '约束性' || indicator.attribute === '预期性' ? indicator.attribute : null,
      direction: isDirection(indicator.direction) ? indicator.direction : null,
      target: indicator.target,
      baseline: indicator.baseline,
      scope: indicator.scope,
    },
    plan: data.period,
    observations,
    references,
    asOf,
    thresholds: data.thresholds,
    ...(series === undefined ? {} : { options: { referenceName: series.name } }),
  };
}

function engineSeries(series: LinkedSeries): ReferenceSeries {
  return {
    name: series.name,
    points: series.values.flatMap((v) =>
      v.value === null || !/^\d{4}$/.test(v.period)
        ? []
        : [{ period: Number(v.period), value: v.value, estimated: v.estimated }],
    ),
    scope: series.scope,
    ...(series.source === null ? {} : { source: series.source }),
  };
}

function isDirection(d: string | null): d is Direction {
  return d === 'higher' || d === 'lower';
}

// Every plan of a province-scale deployment (about 100), for both audiences.
const planDataCacheOf = stampedCachePerApp<PlanAssessmentData>(256);

/**
 * A plan's assessment inputs, kept against the change stamp for the indicator pages: opening one
 * indicator reads its whole plan (the same five queries as for one indicator, a few more rows), so
 * its siblings are assessed without reading again, and the indicators of one plan opened at the
 * same moment share one load. The data is shared: callers only read it.
 */
function cachedPlanAssessmentData(
  ctx: AppContext,
  planId: string,
  publishedOnly: boolean,
  stamp: string,
): Promise<PlanAssessmentData> {
  return planDataCacheOf(ctx).get(`${publishedOnly ? 'public' : 'staff'}|${planId}`, stamp, () =>
    loadPlanAssessmentData(ctx, planId, { publishedOnly }),
  );
}

/**
 * Assesses one indicator from its plan's data (as the dashboard does, so the two agree); 404 when
 * it is not in the plan's newest version (or not public). `stamp` is the store's change stamp.
 */
export async function assessOneIndicator(
  ctx: AppContext,
  target: { planId: string; indicatorId: string; asOf: number; publishedOnly: boolean },
  stamp: string,
): Promise<{ data: PlanAssessmentData; indicator: AssessableIndicatorRow; assessment: Assessment }> {
  const data = await cachedPlanAssessmentData(ctx, target.planId, target.publishedOnly, stamp);
  const indicator = data.indicators.find((i) => i.indicatorId === target.indicatorId);
  if (indicator === undefined) throw notFound(target.indicatorId);
  return { data, indicator, assessment: assessIndicator(buildEngineInput(data, indicator, target.asOf)) };
}

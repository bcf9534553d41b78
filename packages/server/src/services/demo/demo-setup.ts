import type { Indicator } from '@plantrack/core';
import { type Department, type IndicatorRow, type TaskRow } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { replaceIndicatorOwners } from '../organisation/indicator-owner.service.js';
import { putReportingCycle } from '../records/reporting-cycle.service.js';
import { linkSeries, newSeries, newValue } from '../assessment/reference-series.service.js';
import type { DemoClock } from './demo-calendar.js';
import { DEMO_SOURCE, type SimulatedSeries } from './demo-values.js';

/**
 * Which department owns an indicator in the demo: the outline's table names none, so the demo
 * assigns by subject (first matching rule), falling back to the development and reform bureau.
 */
const OWNER_RULES: readonly [RegExp, string][] = [
  [/预算收入/, '区财政局'],
  [/研发|专利|高新技术企业/, '区科学技术局'],
  [/制造业|高新技术产业/, '区工业和信息化局'],
  [/就业/, '区人力资源和社会保障局'],
  [/人才/, '区委人才工作领导小组办公室'],
  [/二氧化碳|PM2\.5|水体/, '常州市武进生态环境局'],
  [/林木|耕地/, '常州市自然资源和规划局武进分局'],
  [/粮食/, '区农业农村局'],
  [/安全感/, '常州市公安局武进分局'],
  [/生产安全/, '区安全生产委员会办公室'],
  [/社区/, '区住房和城乡建设局'],
];
const FALLBACK_OWNER = '区发展和改革局';

export function demoOwnerOf(name: string, departments: readonly Department[]): Department | undefined {
  const wanted = OWNER_RULES.find(([pattern]) => pattern.test(name))?.[1] ?? FALLBACK_OWNER;
  return (
    departments.find((d) => d.canonicalName === wanted) ??
    departments.find((d) => d.canonicalName === FALLBACK_OWNER) ??
    departments[0]
  );
}

/** Growth indicators and every task are reported quarterly in the demo (due the 15th of the next month). */
const QUARTERLY = { frequency: 'quarterly' as const, dueMonthOffset: 1, dueDay: 15 };

export function isQuarterlyIndicator(ind: Pick<Indicator, 'name' | 'target'>): boolean {
  return ind.target.kind === 'rate' || /增长|增速/.test(ind.name);
}

/** Indicator owners (through the owners service) and reporting cycles (through the cycle service). */
export async function assignOwnersAndCycles(
  ctx: AppContext,
  office: Principal,
  args: { planId: string; indicators: IndicatorRow[]; tasks: TaskRow[]; departments: Department[] },
): Promise<Map<string, string>> {
  const ownerOf = new Map<string, string>();
  for (const ind of args.indicators) {
    const owner = demoOwnerOf(ind.name, args.departments);
    if (owner === undefined) continue;
    await replaceIndicatorOwners(ctx, office, ind.indicatorId, {
      owners: [{ department: owner.id, role: 'lead' }],
      expectedVersion: 0,
      ifMatch: undefined,
    });
    ownerOf.set(ind.indicatorId, owner.id);
    if (isQuarterlyIndicator(ind)) {
      await putReportingCycle(ctx, office, {
        planId: args.planId,
        subjectKind: 'indicator',
        key: ind.indicatorKey,
        rule: QUARTERLY,
      });
    }
  }
  for (const task of args.tasks) {
    await putReportingCycle(ctx, office, {
      planId: args.planId,
      subjectKind: 'task',
      key: task.taskKey,
      rule: QUARTERLY,
    });
  }
  return ownerOf;
}

/** The simulated comparison series of a relative or external target, linked to its indicator. */
export async function addReferenceSeries(
  ctx: AppContext,
  office: Principal,
  args: { planId: string; indicator: IndicatorRow; simulated: SimulatedSeries; clock: DemoClock },
): Promise<number> {
  const reference = args.simulated.reference;
  if (reference === null) return 0;
  const series = await newSeries(ctx, office, args.planId, {
    key: `demo-${args.indicator.seq}`,
    name: `${reference.name}（${args.indicator.name}）`,
    kind: reference.kind,
    unit: args.indicator.unit,
    source: DEMO_SOURCE,
  });
  for (const point of reference.points) {
    // Recorded when such a figure is published: early March of the next year.
    args.clock.set(new Date(`${Number(point.period) + 1}-03-01T10:00:00Z`));
    await newValue(ctx, office, series.id, { period: point.period, value: point.value, source: DEMO_SOURCE });
  }
  await linkSeries(ctx, office, args.indicator.indicatorId, series.id);
  return reference.points.length;
}

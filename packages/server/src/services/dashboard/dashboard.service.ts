import {
  type Assessment,
  type AssessmentStatus,
  ROLLUP_RULE,
  type RollupGroup,
  type RollupItem,
  STATUS_ORDER,
  assessIndicator,
  expectedPathOf,
  rollUp,
} from '@plantrack/core';
import type { Dashboard, DashboardCard, TaskProgressStatus } from '@plantrack/api';
import {
  listTasks,
  type ApprovedProgressRow,
  type PlanPhase,
  departmentNames,
  indicatorChapters,
  latestApprovedProgress,
  latestSubAnnualFigures,
  type SubAnnualFigureRow,
  planPhases,
  publishedTaskIds,
} from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canReadDashboard } from '../../policies/assessment.policy.js';
import { enforce } from '../../policies/policy.js';
import { shortExplanation, sparkline } from '../../presenters/assessment.presenter.js';
import {
  type PlanAssessmentData,
  buildEngineInput,
  loadPlanAssessmentData,
} from '../assessment/assessment.service.js';
import { type MissingSummary, missingForCurrentPeriod, taskStatusOf } from './dashboard-missing.js';
import { indicatorOwnersOfPlan } from '../organisation/ownership.service.js';
import { asOfOrToday } from '../records/reporting.service.js';
import { stampedCachePerApp } from '../cache/stamped.cache.js';

/** The dashboard as the contract has it: its shape is written once, in @plantrack/api. */
export type DashboardDto = Dashboard;
export type { DashboardCard, TaskProgressStatus };

type Audience = 'staff' | 'public';

/** What a plan's dashboard reads from the store whatever the date it is assessed as of. */
type DashboardInputs = {
  data: PlanAssessmentData;
  chapters: Map<string, string>;
  phases: PlanPhase[];
  owners: Map<string, string[]>;
  tasks: Awaited<ReturnType<typeof listTasks>>;
  progress: Map<string, ApprovedProgressRow>;
  /** The newest approved quarterly or monthly figure of each indicator. */
  subAnnual: Map<string, SubAnnualFigureRow>;
};

// A plan's stored inputs serve every `asOf`: a dashboard for another date only re-assesses.
const inputsCacheOf = stampedCachePerApp<DashboardInputs>(256);
// The response text itself, so a hit costs the stamp lookup and a string send.
const jsonCacheOf = stampedCachePerApp<string>(1_024);

/** The leader dashboard, everything it shows in one response, as JSON text. */
export async function dashboardJson(
  ctx: AppContext,
  p: Principal,
  planId: string,
  query: { asOf?: string | undefined },
): Promise<string> {
  enforce(p, canReadDashboard(p));
  return cachedDashboardJson(ctx, planId, asOfOrToday(query.asOf), 'staff');
}

/** The public dashboard (published indicators and tasks, approved data, nothing about reporting), as JSON text. */
export function publicDashboardJson(
  ctx: AppContext,
  planId: string,
  query: { asOf?: string | undefined },
): Promise<string> {
  return cachedDashboardJson(ctx, planId, asOfOrToday(query.asOf), 'public');
}

async function cachedDashboardJson(
  ctx: AppContext,
  planId: string,
  asOf: string,
  audience: Audience,
): Promise<string> {
  const stamp = await ctx.changeStamps.current();
  return jsonCacheOf(ctx).get(`${audience}|${planId}|${asOf}`, stamp, async () => {
    const loaded = await inputsCacheOf(ctx).get(`${audience}|${planId}`, stamp, () =>
      loadDashboardInputs(ctx, planId, audience),
    );
    return JSON.stringify(await assembleDashboard(ctx, loaded, asOf, audience));
  });
}

/**
 * The dashboard's inputs in a fixed number of queries: plan, indicators, values in force,
 * reference series, thresholds, chapters, phases, owners, tasks and their progress (the reporting
 * status, staff only, is read when assembling). Phases are rolled up by assessing as of each
 * phase's last year (or the assessment year, for the phase under way).
 */
async function loadDashboardInputs(
  ctx: AppContext,
  planId: string,
  audience: Audience,
): Promise<DashboardInputs> {
  const publicOnly = audience === 'public';
  const data = await loadPlanAssessmentData(ctx, planId, { publishedOnly: publicOnly });
  const versionId = data.plan.versionId;
  const chapters = await indicatorChapters(ctx.db, versionId);
  const phases = await planPhases(ctx.db, versionId);
  const owners = await indicatorOwnersOfPlan(ctx, planId);
  let tasks = await listTasks(ctx.db, planId, versionId);
  if (publicOnly) tasks = await onlyPublishedTasks(ctx, tasks);
  const progress = await latestApprovedProgress(
    ctx.db,
    tasks.map((t) => t.taskId),
  );
  const subAnnual = await latestSubAnnualFigures(
    ctx.db,
    data.indicators.map((i) => i.indicatorId),
  );
  return { data, chapters, phases, owners, tasks, progress, subAnnual };
}

async function assembleDashboard(
  ctx: AppContext,
  inputs: DashboardInputs,
  asOf: string,
  audience: Audience,
): Promise<DashboardDto> {
  const { data, chapters, phases, owners, tasks, progress, subAnnual } = inputs;
  const publicOnly = audience === 'public';
  const planId = data.plan.id;
  const year = Number(asOf.slice(0, 4));
  const missing = publicOnly ? null : await missingForCurrentPeriod(ctx, planId, asOf);

  const assessments = data.indicators.map((i) => assessIndicator(buildEngineInput(data, i, year)));
  const cards = data.indicators.map((i, n) =>
    card(
      i,
      assessments[n] as Assessment,
      chapters,
      owners.get(i.key) ?? [],
      data.period.targetYear,
      subAnnual,
    ),
  );
  const items: RollupItem[] = cards.map((c, n) => ({
    assessment: assessments[n] as Assessment,
    plan: data.plan.title,
    group: c.group,
    chapter: c.chapter,
    departments: c.departmentIds,
    phase: null,
  }));
  const taskItems = tasks.map((t) => {
    const report = progress.get(t.taskId);
    const shown = taskStatusOf(t.taskId, report?.progress, missing);
    return {
      id: t.taskId,
      measure: t.measure.length > 40 ? `${t.measure.slice(0, 40)}…` : t.measure,
      status: (shown === 'approved' ? report?.progress : shown) as TaskProgressStatus,
      period: report?.period ?? null,
      departmentIds: [...new Set(t.owners.map((o) => o.departmentId))],
    };
  });
  const deptIds = new Set<string>([
    ...cards.flatMap((c) => c.departmentIds),
    ...taskItems.flatMap((t) => t.departmentIds),
    ...(missing?.departments.flatMap((d) => (d.departmentId === null ? [] : [d.departmentId])) ?? []),
  ]);
  const names = await departmentNames(ctx.db, [...deptIds]);
  const byName = (ids: readonly string[]): string[] => ids.map((id) => names.get(id) ?? id);
  const planRollup = rollUp(items, 'plan')[0];
  return {
    public: publicOnly,
    asOf,
    assessedYear: year,
    plan: {
      id: data.plan.id,
      title: data.plan.title,
      region: data.plan.region,
      periodStart: data.plan.periodStart,
      periodEnd: data.plan.periodEnd,
      baselineYear: data.plan.baselineYear,
      versionNo: data.plan.versionNo,
    },
    thresholds: { id: data.thresholds.id, source: data.thresholdsSource },
    counts: planRollup?.counts ?? emptyCounts(),
    warnings: cards.filter((c) => c.warning).length,
    departments: [...deptIds]
      .map((id) => ({ id, name: names.get(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    cards,
    rollups: {
      rule: ROLLUP_RULE,
      group: rollUp(items, 'group'),
      chapter: rollUp(items, 'chapter'),
      department: rollUp(
        items.map((it) => ({ ...it, departments: byName(it.departments) })),
        'department',
      ),
      phase: phaseRollups(data, phases, year, items),
    },
    tasks: { counts: taskCounts(taskItems), items: taskItems },
    missingReports: missing === null ? null : withNames(missing, names),
  };
}

function card(
  i: PlanAssessmentData['indicators'][number],
  a: Assessment,
  chapters: ReadonlyMap<string, string>,
  departmentIds: string[],
  targetYear: number,
  subAnnual: ReadonlyMap<string, SubAnnualFigureRow>,
): DashboardCard {
  const figure = a.latest === null ? subAnnual.get(i.indicatorId) : undefined;
  return {
    id: i.indicatorId,
    key: i.key,
    seq: i.seq,
    group: i.group,
    chapter: chapters.get(i.indicatorId) ?? null,
    name: i.name,
    unit: i.unit,
    attribute: i.attribute,
    binding: i.attribute === '约束性',
    targetText: i.target.text,
    baseline: a.baseline === null ? null : { year: a.baseline.year, value: a.baseline.value },
    latest:
      a.latest === null
        ? null
        : { period: a.latest.period, value: a.latest.value, estimated: a.latest.estimated },
    latestFigure: figure === undefined ? null : { period: figure.period, value: figure.value },
    status: a.status,
    warning: a.warning,
    explanation: shortExplanation(a),
    forecast:
      a.forecast === null
        ? null
        : { year: a.forecast.year, value: a.forecast.value, meetsTarget: a.forecast.meetsTarget },
    sparkline: sparkline(a),
    expectedPath: expectedPathOf(a, targetYear),
    departmentIds,
  };
}

/** Each phase that has begun, assessed as of its last year (or the assessment year while under way). */
function phaseRollups(
  data: PlanAssessmentData,
  phases: readonly PlanPhase[],
  year: number,
  current: readonly RollupItem[],
): (RollupGroup & { asOf: number })[] {
  const out: (RollupGroup & { asOf: number })[] = [];
  for (const phase of phases) {
    if (phase.startYear > year) continue;
    const asOf = Math.min(phase.endYear, year);
    const items = current.map((it, n) => {
      const indicator = data.indicators[n];
      const assessment =
        asOf === year || indicator === undefined
          ? it.assessment
          : assessIndicator(buildEngineInput(data, indicator, asOf));
      return { ...it, assessment, phase: `${phase.name}（${phaseYears(phase)}）` };
    });
    for (const group of rollUp(items, 'phase')) out.push({ ...group, asOf });
  }
  return out;
}

function phaseYears(p: PlanPhase): string {
  return p.startYear === p.endYear ? `${p.startYear}` : `${p.startYear}–${p.endYear}`;
}

function emptyCounts(): Record<AssessmentStatus, number> {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<AssessmentStatus, number>;
}

function taskCounts(items: readonly { status: TaskProgressStatus }[]): Record<TaskProgressStatus, number> {
  const counts: Record<TaskProgressStatus, number> = {
    not_started: 0,
    in_progress: 0,
    completed: 0,
    delayed: 0,
    not_reported: 0,
    awaiting: 0,
  };
  for (const t of items) counts[t.status]++;
  return counts;
}

async function onlyPublishedTasks<T extends { taskId: string }>(ctx: AppContext, tasks: T[]): Promise<T[]> {
  if (tasks.length === 0) return tasks;
  const ids = await publishedTaskIds(
    ctx.db,
    tasks.map((t) => t.taskId),
  );
  return tasks.filter((t) => ids.has(t.taskId));
}

function withNames(m: MissingSummary, names: ReadonlyMap<string, string>): MissingSummary {
  return {
    ...m,
    departments: m.departments.map((d) => ({
      ...d,
      name: d.departmentId === null ? null : (names.get(d.departmentId) ?? d.name),
    })),
  };
}

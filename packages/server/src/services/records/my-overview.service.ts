/**
 * 我的填报's full list: every indicator and task the reporter's department owns (lead or co-lead),
 * with the next period due (or the one still running), the newest value sent and the target —
 * not only the periods already owed, so a department sees its work before anything falls due.
 */
import {
  type CycleRule,
  type LastReport,
  isReported,
  lastReportsOf,
  listIndicatorOwnerSets,
  listIndicators,
  type OwedPeriod,
  listPlans,
  listTasks,
  reportingCyclesOfPlan,
  upcomingPeriod,
} from '@plantrack/db';
import type { MyOverviewItem } from '@plantrack/api';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { enforce } from '../../policies/policy.js';
import { canReadMyPeriods } from '../../policies/reporting.policy.js';
import { asOfOrToday, ownedStatus } from './reporting.service.js';

type Role = 'lead' | 'co_lead';

/** The department's strongest role among its owner rows: lead beats co-lead. */
function roleOf(
  owners: readonly { departmentId: string; role: Role | 'co' }[],
  mine: readonly string[],
): Role | null {
  const roles = owners.filter((o) => mine.includes(o.departmentId)).map((o) => o.role);
  if (roles.includes('lead')) return 'lead';
  return roles.length > 0 ? 'co_lead' : null;
}

function presentLast(last: LastReport | undefined): MyOverviewItem['last'] {
  if (last === undefined) return null;
  const { period, status, value, valueText, unit, progress } = last;
  return { period, status, value, valueText, unit, progress };
}

/** Every item the caller's department owns across plans, with next due date, last value and target. */
export async function myOverview(
  ctx: AppContext,
  p: Principal,
  query: { asOf?: string | undefined },
): Promise<MyOverviewItem[]> {
  enforce(p, canReadMyPeriods(p));
  const asOf = asOfOrToday(query.asOf);
  const annual: CycleRule = { frequency: 'annual', ...ctx.config.annualDue };
  const out: MyOverviewItem[] = [];
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    const indicatorRoles = new Map<string, Role>();
    for (const set of await listIndicatorOwnerSets(ctx.db, plan.id)) {
      const role = roleOf(set.owners, p.departmentIds);
      if (role !== null) indicatorRoles.set(set.indicatorKey, role);
    }
    const taskRoles = new Map<string, Role>();
    const tasks = await listTasks(ctx.db, plan.id);
    for (const t of tasks) {
      const role = roleOf(t.owners, p.departmentIds);
      if (role !== null) taskRoles.set(t.taskId, role);
    }
    const owedByItem = new Map<string, OwedPeriod[]>();
    for (const { owed: o } of await ownedStatus(ctx, plan.id, asOf)) {
      owedByItem.set(o.targetId, [...(owedByItem.get(o.targetId) ?? []), o]);
    }
    const cycles = await reportingCyclesOfPlan(ctx.db, plan.id);
    // Every owned item, also those owing no period yet (the plan's first year still running).
    const subjects = [
      ...(await listIndicators(ctx.db, plan.id))
        .filter((i) => indicatorRoles.has(i.indicatorKey))
        .map((i) => ({
          kind: 'indicator' as const,
          id: i.indicatorId,
          key: i.indicatorKey,
          name: i.name,
          unit: i.unit,
          role: indicatorRoles.get(i.indicatorKey) ?? 'lead',
          target: i.target.text,
        })),
      ...tasks
        .filter((t) => taskRoles.has(t.taskId))
        .map((t) => ({
          kind: 'task' as const,
          id: t.taskId,
          key: t.taskKey,
          name: t.measure,
          unit: null,
          role: taskRoles.get(t.taskId) ?? 'lead',
          target: null,
        })),
    ];
    const last = await lastReportsOf(ctx.db, {
      indicatorIds: subjects.filter((s) => s.kind === 'indicator').map((s) => s.id),
      taskIds: subjects.filter((s) => s.kind === 'task').map((s) => s.id),
    });
    for (const s of subjects) {
      const cycle = cycles.get(s.id) ?? annual;
      const open = (owedByItem.get(s.id) ?? []).find((o) => !isReported(o.state));
      const upcoming = upcomingPeriod({ asOf, cycle });
      const nextDue =
        open !== undefined
          ? { period: open.period, dueDate: open.dueDate, overdue: open.overdue, kind: 'owed' as const }
          : upcoming === null
            ? null
            : {
                period: upcoming.period,
                dueDate: upcoming.dueDate,
                overdue: false,
                kind: 'upcoming' as const,
              };
      out.push({
        planId: plan.id,
        ...s,
        frequency: cycle.frequency,
        nextDue,
        last: presentLast(last.get(s.id)),
      });
    }
  }
  return out;
}

import {
  type OwedPeriod,
  checkDate,
  isReported,
  listPlans,
  listTasks,
  reportingStatus,
  departmentNames,
} from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { enforce } from '../../policies/policy.js';
import { canReadMissingReports, canReadMyPeriods } from '../../policies/reporting.policy.js';
import { indicatorOwnersOfPlan } from '../organisation/ownership.service.js';

/** One period an item owes, as the API shows it. */
export type PeriodItemDto = {
  planId: string;
  kind: 'indicator' | 'task';
  id: string;
  key: string;
  name: string;
  unit: string | null;
  frequency: 'annual' | 'half_yearly' | 'quarterly' | 'monthly';
  period: string;
  dueDate: string;
  state: 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';
  revisionNo: number;
  overdue: boolean;
  daysUntilDue: number;
  round: {
    id: string;
    name: string;
    status: 'open' | 'closed';
    semantics: 'annual_value' | 'year_to_date';
  } | null;
};

export type MissingReportsDto = {
  asOf: string;
  withinDays: number;
  departments: { departmentId: string | null; name: string | null; items: PeriodItemDto[] }[];
};

/** Today's date (UTC) when the caller names none; the period logic itself reads no clock. */
export function asOfOrToday(asOf: string | undefined): string {
  return asOf === undefined ? new Date().toISOString().slice(0, 10) : checkDate(asOf);
}

export function presentPeriod(planId: string, o: OwedPeriod): PeriodItemDto {
  return {
    planId,
    kind: o.kind,
    id: o.targetId,
    key: o.key,
    name: o.name,
    unit: o.unit,
    frequency: o.frequency,
    period: o.period,
    dueDate: o.dueDate,
    state: o.state,
    revisionNo: o.revisionNo,
    overdue: o.overdue,
    daysUntilDue: o.daysUntilDue,
    round:
      o.round === null
        ? null
        : {
            id: o.round.id,
            name: o.round.name,
            status: o.round.status,
            semantics: o.round.semantics,
          },
  };
}

/**
 * Every period every item of a plan owes (only `periods`, when given), with the departments
 * owning each item.
 */
export async function ownedStatus(
  ctx: AppContext,
  planId: string,
  asOf: string,
  periods?: readonly string[],
): Promise<{ owed: OwedPeriod; owners: string[] }[]> {
  const owed = await reportingStatus(ctx.db, {
    planId,
    asOf,
    annualDue: ctx.config.annualDue,
    ...(periods === undefined ? {} : { periods }),
  });
  const taskOwners = new Map(
    (await listTasks(ctx.db, planId)).map((t) => [
      t.taskId,
      [...new Set(t.owners.map((o) => o.departmentId))],
    ]),
  );
  const indicatorOwners = await indicatorOwnersOfPlan(ctx, planId);
  return owed.map((o) => ({
    owed: o,
    owners: o.kind === 'task' ? (taskOwners.get(o.targetId) ?? []) : (indicatorOwners.get(o.key) ?? []),
  }));
}

/** What the caller's department owes, across plans: periods, due dates and states. */
export async function myPeriods(
  ctx: AppContext,
  p: Principal,
  query: { asOf?: string | undefined },
): Promise<PeriodItemDto[]> {
  enforce(p, canReadMyPeriods(p));
  const asOf = asOfOrToday(query.asOf);
  const out: PeriodItemDto[] = [];
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    for (const { owed, owners } of await ownedStatus(ctx, plan.id, asOf)) {
      if (owners.some((d) => p.departmentIds.includes(d))) out.push(presentPeriod(plan.id, owed));
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name));
}

/**
 * Who has not reported: per department, the items owing a period with no submitted or approved
 * value that are overdue or due within `withinDays` of `asOf`. Items no department owns are listed
 * under `departmentId: null`.
 */
export async function missingReports(
  ctx: AppContext,
  p: Principal,
  planId: string,
  query: { period?: string | undefined; withinDays?: number | undefined; asOf?: string | undefined },
): Promise<MissingReportsDto> {
  enforce(p, canReadMissingReports(p));
  const asOf = asOfOrToday(query.asOf);
  const withinDays = query.withinDays ?? ctx.config.dueSoonDays;
  const byDept = new Map<string | null, PeriodItemDto[]>();
  const periods = query.period === undefined ? undefined : [query.period];
  for (const { owed, owners } of await ownedStatus(ctx, planId, asOf, periods)) {
    if (isReported(owed.state) || owed.daysUntilDue > withinDays) continue;
    for (const d of owners.length === 0 ? [null] : owners) {
      byDept.set(d, [...(byDept.get(d) ?? []), presentPeriod(planId, owed)]);
    }
  }
  const deptIds = [...byDept.keys()].filter((d): d is string => d !== null);
  const names = await departmentNames(ctx.db, deptIds);
  const departments = [...byDept.entries()].map(([departmentId, items]) => ({
    departmentId,
    name: departmentId === null ? null : (names.get(departmentId) ?? null),
    items: items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name)),
  }));
  departments.sort((a, b) =>
    a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  return { asOf, withinDays, departments };
}

import { listIndicators, listPlans, listTasks } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { myOverview } from '../records/my-overview.service.js';
import { ownedStatus } from '../records/reporting.service.js';

/** An indicator × period the caller's department owes, with what the template needs of it. */
export type OwedIndicatorRow = {
  planId: string;
  indicatorId: string;
  seq: string;
  name: string;
  unit: string | null;
  scope: string | null;
  period: string;
};

/** A task × period the caller's department owes. */
export type OwedTaskRow = { planId: string; taskId: string; measure: string; period: string };

/** What the caller's departments owe across plans, in plan order, and every item id that exists. */
export type DepartmentOwed = {
  indicators: OwedIndicatorRow[];
  tasks: OwedTaskRow[];
  knownIndicators: Set<string>;
  knownTasks: Set<string>;
};

/**
 * The indicators and tasks the caller's departments own and the periods each owes as of `asOf`
 * (an item owing none yet: the period it will owe next), read once for both sheets of the template.
 */
export async function owedByDepartment(ctx: AppContext, p: Principal, asOf: string): Promise<DepartmentOwed> {
  const out: DepartmentOwed = {
    indicators: [],
    tasks: [],
    knownIndicators: new Set(),
    knownTasks: new Set(),
  };
  const upcoming = await myOverview(ctx, p, { asOf });
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    const indicators = new Map((await listIndicators(ctx.db, plan.id)).map((i) => [i.indicatorId, i]));
    for (const id of indicators.keys()) out.knownIndicators.add(id);
    for (const t of await listTasks(ctx.db, plan.id)) out.knownTasks.add(t.taskId);
    const owedItems = new Set<string>();
    for (const { owed: o, owners } of await ownedStatus(ctx, plan.id, asOf)) {
      if (!owners.some((d) => p.departmentIds.includes(d))) continue;
      owedItems.add(o.targetId);
      if (o.kind === 'task') {
        out.tasks.push({ planId: plan.id, taskId: o.targetId, measure: o.name, period: o.period });
        continue;
      }
      const indicator = indicators.get(o.targetId);
      if (indicator === undefined) continue;
      out.indicators.push({
        planId: plan.id,
        indicatorId: o.targetId,
        seq: indicator.seq,
        name: indicator.name,
        unit: indicator.unit,
        scope: indicator.scope,
        period: o.period,
      });
    }
    // Items that owe nothing yet are listed with the period they will owe next, so the template is
    // never an empty header while the department owns items.
    for (const item of upcoming.filter((i) => i.planId === plan.id && !owedItems.has(i.id))) {
      const period = item.nextDue?.period;
      if (period === undefined) continue;
      if (item.kind === 'task') {
        out.tasks.push({ planId: plan.id, taskId: item.id, measure: item.name, period });
        continue;
      }
      const indicator = indicators.get(item.id);
      if (indicator === undefined) continue;
      out.indicators.push({
        planId: plan.id,
        indicatorId: item.id,
        seq: indicator.seq,
        name: indicator.name,
        unit: indicator.unit,
        scope: indicator.scope,
        period,
      });
    }
  }
  return out;
}

import { listIndicators, listPlans, listTasks } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
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
 * The indicators and tasks the caller's departments own and the periods each owes as of `asOf`,
 * read once for both sheets of the template.
 */
export async function owedByDepartment(ctx: AppContext, p: Principal, asOf: string): Promise<DepartmentOwed> {
  const out: DepartmentOwed = {
    indicators: [],
    tasks: [],
    knownIndicators: new Set(),
    knownTasks: new Set(),
  };
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    const indicators = new Map((await listIndicators(ctx.db, plan.id)).map((i) => [i.indicatorId, i]));
    for (const id of indicators.keys()) out.knownIndicators.add(id);
    for (const t of await listTasks(ctx.db, plan.id)) out.knownTasks.add(t.taskId);
    for (const { owed: o, owners } of await ownedStatus(ctx, plan.id, asOf)) {
      if (!owners.some((d) => p.departmentIds.includes(d))) continue;
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
  }
  return out;
}

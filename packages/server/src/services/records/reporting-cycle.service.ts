import {
  type CycleRule,
  type Frequency,
  listIndicators,
  listTasks,
  planRegionCode,
  reportingCyclesOfPlan,
  setReportingCycle,
  indicatorIdByKey,
  taskIdByKey,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { canReadAdministration, canSetReportingCycles } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';

export type SubjectKind = 'indicator' | 'task';

/** The cycle an indicator or task is reported on; `explicit` false means the server default. */
export type ReportingCycleDto = CycleRule & {
  subjectKind: SubjectKind;
  id: string;
  key: string;
  name: string;
  explicit: boolean;
};

export type PlanCyclesDto = { default: CycleRule; items: ReportingCycleDto[] };

function defaultRule(ctx: AppContext): CycleRule {
  return { frequency: 'annual', ...ctx.config.annualDue };
}

/** The cycle of every indicator and task of a plan's newest version (explicit or the default). */
export async function planReportingCycles(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<PlanCyclesDto> {
  enforce(p, canReadAdministration(p));
  await planRegionCode(ctx.db, planId); // 404 for an unknown plan
  const cycles = await reportingCyclesOfPlan(ctx.db, planId);
  const fallback = defaultRule(ctx);
  const item = (subjectKind: SubjectKind, id: string, key: string, name: string): ReportingCycleDto => {
    const set = cycles.get(id);
    const rule: CycleRule =
      set === undefined
        ? fallback
        : { frequency: set.frequency, dueMonthOffset: set.dueMonthOffset, dueDay: set.dueDay };
    return { subjectKind, id, key, name, explicit: set !== undefined, ...rule };
  };
  return {
    default: fallback,
    items: [
      ...(await listIndicators(ctx.db, planId)).map((i) =>
        item('indicator', i.indicatorId, i.indicatorKey, i.name),
      ),
      ...(await listTasks(ctx.db, planId)).map((t) => item('task', t.taskId, t.taskKey, t.measure)),
    ],
  };
}

/**
 * Sets how often an indicator or task (by its key, stable across versions) is reported and when
 * each report is due; audited by the store. The periods departments owe follow at once.
 */
export async function putReportingCycle(
  ctx: AppContext,
  p: Principal,
  args: { planId: string; subjectKind: SubjectKind; key: string; rule: CycleRule & { frequency: Frequency } },
): Promise<ReportingCycleDto> {
  enforce(p, canSetReportingCycles(p));
  const subjectId =
    args.subjectKind === 'indicator'
      ? await indicatorIdByKey(ctx.db, args.planId, args.key)
      : await taskIdByKey(ctx.db, args.planId, args.key);
  if (subjectId === undefined) throw notFound(`${args.subjectKind} ${args.key} (plan ${args.planId})`);
  await setReportingCycle(ctx.db, {
    subject: args.subjectKind === 'indicator' ? { indicatorId: subjectId } : { taskId: subjectId },
    rule: args.rule,
    actor: actorOf(p),
  });
  const all = await planReportingCycles(ctx, p, args.planId);
  const found = all.items.find((i) => i.id === subjectId);
  return (
    found ?? {
      subjectKind: args.subjectKind,
      id: subjectId,
      key: args.key,
      name: args.key,
      explicit: true,
      ...args.rule,
    }
  );
}

import { listIndicators, listPlans, listTasks, type QueueItem, reviewQueue } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { enforce } from '../../policies/policy.js';
import { canReadMyItems, canReadReviewQueue } from '../../policies/record.policy.js';
import {
  type IndicatorDto,
  type TaskDto,
  presentIndicator,
  presentTask,
} from '../../presenters/plan.presenter.js';
import { indicatorKeysOfDepartments } from '../organisation/ownership.service.js';
import { withQueueFlags } from '../records/quality.service.js';
import { withSubmitterNames } from '../organisation/people-labels.js';
import { type LateFor, withLateMarks } from '../rounds/late-marks.js';

export type MyItems = { planId: string; indicators: IndicatorDto[]; tasks: TaskDto[] }[];

/** A reporter's queue: the indicators and tasks their department leads or co-leads, per plan. */
export async function myItems(ctx: AppContext, p: Principal): Promise<MyItems> {
  enforce(p, canReadMyItems(p));
  const keys = await indicatorKeysOfDepartments(ctx, p.departmentIds);
  const out: MyItems = [];
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    const indicators = (await listIndicators(ctx.db, plan.id))
      .filter((i) => keys.has(i.indicatorKey))
      .map(presentIndicator);
    const tasks = (await listTasks(ctx.db, plan.id))
      .filter((t) => t.owners.some((o) => p.departmentIds.includes(o.departmentId)))
      .map(presentTask);
    out.push({ planId: plan.id, indicators, tasks });
  }
  return out;
}

/**
 * Submissions waiting for review, observations with the data-quality flags raised on submission,
 * each with who submitted it by name and department, and marked when it came in after its
 * round closed.
 */
export async function queue(
  ctx: AppContext,
  p: Principal,
): Promise<
  (QueueItem & {
    submittedByName: string | null;
    submittedByDepartment: string | null;
    lateFor: LateFor | null;
    submittedByDepartmentId: string | null;
  })[]
> {
  enforce(p, canReadReviewQueue(p));
  return withLateMarks(
    ctx,
    await withSubmitterNames(ctx, await withQueueFlags(ctx.db, await reviewQueue(ctx.db))),
  );
}

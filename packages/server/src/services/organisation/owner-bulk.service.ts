import {
  type BulkIndicatorOwners,
  type BulkTaskOwners,
  indicatorIdentity,
  planIdOfTask,
  planRegionCode,
  setOwnersInBulk,
} from '@plantrack/db';
import type { BulkOwnersResult, BulkOwnersUpdate } from '@plantrack/api';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canAssignOwners } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';
import { resolveDepartment } from './indicator-owner.service.js';
import { ensureOwnersSeeded } from './ownership.service.js';

function notInPlan(what: string): ApiError {
  return new ApiError(400, 'not-in-plan', {
    zh: `${what}不属于该规划。`,
    en: `${what} does not belong to this plan.`,
  });
}

/**
 * Changes the owners of several indicators and tasks of one plan at once (the office selects rows
 * and sets a lead or adds a co-lead, or accepts all shown suggestions): all in one transaction,
 * each item audited as its one-by-one change. Departments are named by id, name or alias like the
 * single routes; an unknown one, an item of another plan or a stale version changes nothing.
 */
export async function replaceOwnersInBulk(
  ctx: AppContext,
  p: Principal,
  planId: string,
  input: BulkOwnersUpdate,
): Promise<BulkOwnersResult> {
  enforce(p, canAssignOwners(p));
  const region = await planRegionCode(ctx.db, planId);
  await ensureOwnersSeeded(ctx, planId);
  const indicators: BulkIndicatorOwners[] = [];
  for (const item of input.indicators ?? []) {
    const identity = await indicatorIdentity(ctx.db, item.indicatorId);
    if (identity.planId !== planId) throw notInPlan(item.indicatorId);
    const owners = [];
    for (const o of item.owners) {
      owners.push({ departmentId: await resolveDepartment(ctx, region, o.department), role: o.role });
    }
    indicators.push({ indicatorKey: identity.indicatorKey, owners, expectedVersion: item.expectedVersion });
  }
  const tasks: BulkTaskOwners[] = [];
  for (const item of input.tasks ?? []) {
    if ((await planIdOfTask(ctx.db, item.taskId)) !== planId) throw notInPlan(item.taskId);
    const owners = [];
    for (const o of item.owners) {
      owners.push({
        departmentId: await resolveDepartment(ctx, region, o.department),
        role: o.role === 'lead' ? ('lead' as const) : ('co_lead' as const),
      });
    }
    tasks.push({ taskId: item.taskId, owners });
  }
  return setOwnersInBulk(ctx.db, { planId, indicators, tasks, actor: actorOf(p) });
}

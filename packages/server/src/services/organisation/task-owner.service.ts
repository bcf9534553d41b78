import {
  listTasks,
  planIdOfTask,
  planRegionCode,
  setTaskOwners,
  type TaskOwnerAssignment,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { canAssignOwners } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';
import { type TaskDto, presentTask } from '../../presenters/plan.presenter.js';
import { resolveDepartment } from './indicator-owner.service.js';

/**
 * Replaces the lead and co-lead departments of a task (planning office, administrator), named by
 * id, canonical name or alias within the plan's region like indicator owners; audited by the store.
 */
export async function replaceTaskOwners(
  ctx: AppContext,
  p: Principal,
  taskId: string,
  input: { owners: { department: string; role: 'lead' | 'co_lead' }[] },
): Promise<TaskDto> {
  enforce(p, canAssignOwners(p));
  const planId = await planIdOfTask(ctx.db, taskId);
  if (planId === null) throw notFound(`task ${taskId}`);
  const region = await planRegionCode(ctx.db, planId);
  const owners: TaskOwnerAssignment[] = [];
  for (const { department, role } of input.owners) {
    owners.push({ departmentId: await resolveDepartment(ctx, region, department), role });
  }
  await setTaskOwners(ctx.db, { taskId, owners, actor: actorOf(p) });
  const row = (await listTasks(ctx.db, planId)).find((t) => t.taskId === taskId);
  if (row === undefined) throw notFound(`task ${taskId}`);
  return presentTask(row);
}

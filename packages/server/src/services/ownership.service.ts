import type { AppContext } from '../context.js';
import { departmentIdsByName } from '../repositories/user.repository.js';
import { indicatorIdentity, taskDepartmentIds } from '../repositories/monitoring-query.repository.js';

/**
 * Which departments own an item. Tasks: the lead and co-lead departments the outline names
 * (`由…牵头`). Indicators: the outline's table names none, so the configured assignment
 * (`config.indicatorOwners`, by indicator key) until the store has an assignment table.
 */
export async function indicatorOwnerIds(ctx: AppContext, indicatorId: string): Promise<string[]> {
  const { indicatorKey } = await indicatorIdentity(ctx.db, indicatorId);
  const names = ctx.config.indicatorOwners[indicatorKey] ?? [];
  const ids = await departmentIdsByName(ctx.db, names);
  return [...ids.values()];
}

export function taskOwnerIds(ctx: AppContext, taskId: string): Promise<string[]> {
  return taskDepartmentIds(ctx.db, taskId);
}

/** Indicator keys assigned to any of the departments (for the "my items" queue and filters). */
export async function indicatorKeysOfDepartments(
  ctx: AppContext,
  departmentIds: readonly string[],
): Promise<Set<string>> {
  const allNames = [...new Set(Object.values(ctx.config.indicatorOwners).flat())];
  const ids = await departmentIdsByName(ctx.db, allNames);
  const keys = new Set<string>();
  for (const [key, names] of Object.entries(ctx.config.indicatorOwners)) {
    if (names.some((n) => departmentIds.includes(ids.get(n) ?? ''))) keys.add(key);
  }
  return keys;
}

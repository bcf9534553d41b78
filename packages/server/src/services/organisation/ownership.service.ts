import {
  indicatorKeysOwnedBy,
  ownerIdsByIndicatorKey,
  plansWithoutOwners,
  seedIndicatorOwners,
  taskOwnerIds as ownersOfTask,
  indicatorIdentity,
} from '@plantrack/db';
import type { AppContext } from '../../context.js';

/** The actor recorded for owners taken from `config.indicatorOwners`. */
export const CONFIG_SEED_ACTOR = 'config:indicatorOwners';

/**
 * Applies `config.indicatorOwners` to a plan none of whose indicators was ever assigned. The
 * records are the truth; the configuration is only an initial seed, so once the planning office
 * has assigned anything in a plan the configuration no longer touches it. A write: called where a
 * plan arrives (start-up, import) or owners are set, never on a read, so a GET writes nothing.
 */
export async function ensureOwnersSeeded(ctx: AppContext, planId: string): Promise<void> {
  if (Object.keys(ctx.config.indicatorOwners).length === 0) return;
  const done = seededPlans.get(ctx) ?? new Set<string>();
  seededPlans.set(ctx, done);
  if (done.has(planId)) return;
  await seedIndicatorOwners(ctx.db, { planId, owners: ctx.config.indicatorOwners, actor: CONFIG_SEED_ACTOR });
  done.add(planId);
}

/** Plans this app instance has seeded or found assigned: the seed applies once, so skip the check. */
const seededPlans = new WeakMap<AppContext, Set<string>>();

/**
 * Seeds every stored plan that has no owners yet from `config.indicatorOwners`, once at start-up
 * (idempotent: a plan with owners is left alone), so the reads that need owners never write.
 */
export async function seedOwnersOfAllPlans(ctx: AppContext): Promise<void> {
  if (Object.keys(ctx.config.indicatorOwners).length === 0) return;
  for (const planId of await plansWithoutOwners(ctx.db)) await ensureOwnersSeeded(ctx, planId);
}

/**
 * Which departments own an item. Tasks: the lead and co-lead departments the outline names
 * (`由…牵头`). Indicators: the outline's table names none, so the `indicator_owners` records the
 * planning office keeps (seeded from configuration).
 */
export async function indicatorOwnerIds(ctx: AppContext, indicatorId: string): Promise<string[]> {
  const { planId, indicatorKey } = await indicatorIdentity(ctx.db, indicatorId);
  return (await indicatorOwnersOfPlan(ctx, planId)).get(indicatorKey) ?? [];
}

/** Owning department ids of a plan's assigned indicators, by indicator key. */
export function indicatorOwnersOfPlan(ctx: AppContext, planId: string): Promise<Map<string, string[]>> {
  return ownerIdsByIndicatorKey(ctx.db, planId);
}

/** Owning department ids of a task: the same definition search filters by (db task-owner.repository). */
export function taskOwnerIds(ctx: AppContext, taskId: string): Promise<string[]> {
  return ownersOfTask(ctx.db, taskId);
}

/** Indicator keys assigned to any of the departments (for the "my items" queue and filters). */
export function indicatorKeysOfDepartments(
  ctx: AppContext,
  departmentIds: readonly string[],
): Promise<Set<string>> {
  return indicatorKeysOwnedBy(ctx.db, departmentIds);
}

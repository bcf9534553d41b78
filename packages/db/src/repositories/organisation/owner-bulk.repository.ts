import type { Kysely } from 'kysely';
import { InvalidInputError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { type OwnerAssignment, setIndicatorOwners } from './indicator-owner.repository.js';
import { type TaskOwnerAssignment, setTaskOwners } from './task-owner-write.repository.js';

/** One indicator's new owners in a bulk change, with the version the office saw. */
export type BulkIndicatorOwners = {
  indicatorKey: string;
  owners: readonly OwnerAssignment[];
  expectedVersion: number;
};

/** One task's new lead and co-lead departments in a bulk change. */
export type BulkTaskOwners = { taskId: string; owners: readonly TaskOwnerAssignment[] };

/**
 * Replaces the owners of several indicators and tasks of one plan in ONE transaction: either every
 * item changes or none does (a stale indicator version is a conflict that undoes the rest). Each
 * item is audited on its own, exactly as the one-by-one change (`indicator_owners.set`,
 * `task.owners.set`), so a row's history does not depend on how the change was made.
 */
export async function setOwnersInBulk(
  db: Kysely<Database>,
  args: {
    planId: string;
    indicators: readonly BulkIndicatorOwners[];
    tasks: readonly BulkTaskOwners[];
    actor: string;
  },
): Promise<{ indicators: number; tasks: number }> {
  const taskIds = args.tasks.map((t) => t.taskId);
  const keys = args.indicators.map((i) => i.indicatorKey);
  if (new Set(taskIds).size !== taskIds.length || new Set(keys).size !== keys.length) {
    throw new InvalidInputError({
      zh: '同一指标或任务在一次批量修改中只能出现一次。',
      en: 'An indicator or task may appear once only in a bulk change.',
    });
  }
  return writeTransaction(db, async (trx) => {
    if (taskIds.length > 0) {
      const foreign = await trx
        .selectFrom('tasks')
        .select('id')
        .where('id', 'in', taskIds)
        .where('plan_id', '!=', args.planId)
        .execute();
      if (foreign.length > 0) {
        throw new InvalidInputError({
          zh: `任务不属于该规划：${foreign.map((f) => f.id).join('、')}`,
          en: `Tasks of another plan: ${foreign.map((f) => f.id).join(', ')}`,
        });
      }
    }
    for (const item of args.indicators) {
      await setIndicatorOwners(trx, { planId: args.planId, ...item, actor: args.actor });
    }
    for (const item of args.tasks) {
      await setTaskOwners(trx, { ...item, actor: args.actor });
    }
    return { indicators: args.indicators.length, tasks: args.tasks.length };
  });
}

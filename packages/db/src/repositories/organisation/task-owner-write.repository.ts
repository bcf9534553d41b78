import type { Kysely } from 'kysely';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

/** One lead or co-lead department of a task, as the caller sets it. */
export type TaskOwnerAssignment = { departmentId: string; role: 'lead' | 'co_lead' };

/**
 * Replaces the lead and co-lead departments of a task as its newest version states them (the
 * version every reader and policy takes owners from), audited as `task.owners.set` with the
 * owners before and after. At least one lead: an empty list would let an older version's owners
 * show through. A department kept keeps the name the plan wrote for it.
 */
export async function setTaskOwners(
  db: Kysely<Database>,
  args: { taskId: string; owners: readonly TaskOwnerAssignment[]; actor: string },
): Promise<void> {
  const unique = new Map(args.owners.map((o) => [o.departmentId, o.role]));
  if (![...unique.values()].includes('lead')) {
    throw new InvalidInputError({
      zh: '任务至少需要一个牵头单位。',
      en: 'A task needs at least one lead department.',
    });
  }
  await writeTransaction(db, async (trx) => {
    const newest = await trx
      .selectFrom('task_versions as tv')
      .innerJoin('plan_versions as pv', 'pv.id', 'tv.plan_version_id')
      .innerJoin('tasks as t', 't.id', 'tv.task_id')
      .select(['tv.id', 't.plan_id'])
      .where('tv.task_id', '=', args.taskId)
      .orderBy('pv.version_no', 'desc')
      .executeTakeFirst();
    if (newest === undefined) {
      throw new NotFoundError({ zh: `任务不存在：${args.taskId}`, en: `No such task: ${args.taskId}` });
    }
    const before = await trx
      .selectFrom('task_departments as td')
      .innerJoin('departments as d', 'd.id', 'td.department_id')
      .select(['td.department_id', 'td.role', 'td.name_as_written', 'd.canonical_name'])
      .where('td.task_version_id', '=', newest.id)
      .execute();
    const names = new Map(
      (
        await trx
          .selectFrom('departments')
          .select(['id', 'canonical_name'])
          .where('id', 'in', [...unique.keys()])
          .execute()
      ).map((d) => [d.id, d.canonical_name]),
    );
    await trx.deleteFrom('task_departments').where('task_version_id', '=', newest.id).execute();
    await trx
      .insertInto('task_departments')
      .values(
        [...unique.entries()].map(([departmentId, role]) => ({
          id: newId(),
          task_version_id: newest.id,
          department_id: departmentId,
          role,
          name_as_written:
            before.find((b) => b.department_id === departmentId)?.name_as_written ??
            names.get(departmentId) ??
            departmentId,
        })),
      )
      .execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: 'task.owners.set',
      entity: 'task',
      entityId: args.taskId,
      planId: newest.plan_id,
      detail: {
        before: before.map((b) => ({ departmentId: b.department_id, name: b.canonical_name, role: b.role })),
        after: [...unique.entries()].map(([departmentId, role]) => ({
          departmentId,
          name: names.get(departmentId) ?? null,
          role,
        })),
      },
    });
  });
}

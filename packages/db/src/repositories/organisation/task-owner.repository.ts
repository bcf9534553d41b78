import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';

/**
 * The one definition of who owns a task: the lead and co-lead departments (`由…牵头`) named by the
 * newest plan version that names any. Both the per-request lookup ({@link taskOwnerIds}, read by
 * the record policies) and the filter search applies in SQL ({@link taskOwnedByAny}) are built
 * from this clause, so a search can never admit a reader the record itself would refuse.
 */
function newestOwnersOf(taskId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    task_departments td
    join task_versions tv on tv.id = td.task_version_id
    join plan_versions pv on pv.id = tv.plan_version_id
    where tv.task_id = ${taskId}
      and pv.version_no = (
        select max(pv2.version_no)
        from task_departments td2
        join task_versions tv2 on tv2.id = td2.task_version_id
        join plan_versions pv2 on pv2.id = tv2.plan_version_id
        where tv2.task_id = ${taskId}
      )
  `;
}

/** The departments that own a task (see {@link newestOwnersOf}); `NotFoundError` when there is no such task. */
export async function taskOwnerIds(db: Kysely<Database>, taskId: string): Promise<string[]> {
  const rows = await sql<{ department_id: string }>`
    select distinct td.department_id from ${newestOwnersOf(sql`${taskId}`)}
  `.execute(db);
  if (rows.rows.length > 0) return rows.rows.map((r) => r.department_id).sort();
  const exists = await db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst();
  if (exists === undefined) {
    throw new NotFoundError({ zh: `任务不存在：${taskId}`, en: `No such task: ${taskId}` });
  }
  return [];
}

/**
 * SQL condition: the task (an expression of the outer query, e.g. `sql.ref('pr.task_id')`) is
 * owned by at least one of the departments. False for an empty list.
 */
export function taskOwnedByAny(
  taskId: RawBuilder<unknown>,
  departmentIds: readonly string[],
): RawBuilder<SqlBool> {
  if (departmentIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (
    select 1 from ${newestOwnersOf(taskId)}
      and td.department_id in (${sql.join(departmentIds)})
  )`;
}

/**
 * SQL subquery: the ids of the tasks owned by at least one of the departments. Only tasks that
 * name one of them in some version can be owned by it, so the exact test above runs for those
 * alone; the result does not depend on the outer query, so it is computed once per statement.
 */
export function tasksOwnedByAny(departmentIds: readonly string[]): RawBuilder<unknown> {
  if (departmentIds.length === 0) return sql`select null as task_id where 1 = 0`;
  return sql`
    select distinct tv0.task_id
    from task_departments td0
    join task_versions tv0 on tv0.id = td0.task_version_id
    where td0.department_id in (${sql.join(departmentIds)})
      and ${taskOwnedByAny(sql.ref('tv0.task_id'), departmentIds)}
  `;
}

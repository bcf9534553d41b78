import type { DatabaseHandle } from '../../connection.factory.js';

/** Read models of the reminder job and the return notice. Plain Kysely, portable across both dialects. */
type Db = DatabaseHandle['db'];

/** Active users holding the department reporter role, by department id. */
export async function reportersByDepartment(db: Db): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.department_id'])
    .where('r.role', '=', 'department_reporter')
    .where('u.active', '=', 1)
    .where('u.department_id', 'is not', null)
    .orderBy('u.id')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (r.department_id === null) continue;
    out.set(r.department_id, [...(out.get(r.department_id) ?? []), r.id]);
  }
  return out;
}

/** The revision a reviewer returned: who wrote it, and the indicator or task it reports on. */
export type ReturnedRevision = {
  authorId: string;
  subjectId: string;
  subjectName: string;
  planId: string;
};

/**
 * What a return notice needs about the returned revision (`supersedesId` of the `return` revision):
 * its author (an active user, or undefined for system writers) and its subject's name as the
 * plan's newest version states it.
 */
export async function returnedRevision(
  db: Db,
  kind: 'observation' | 'progress_report',
  revisionId: string,
): Promise<ReturnedRevision | undefined> {
  const source =
    kind === 'observation'
      ? await db
          .selectFrom('observations as o')
          .innerJoin('indicators as s', 's.id', 'o.indicator_id')
          .select(['o.created_by as authorId', 's.id as subjectId', 's.plan_id as planId'])
          .where('o.id', '=', revisionId)
          .executeTakeFirst()
      : await db
          .selectFrom('progress_reports as p')
          .innerJoin('tasks as s', 's.id', 'p.task_id')
          .select(['p.created_by as authorId', 's.id as subjectId', 's.plan_id as planId'])
          .where('p.id', '=', revisionId)
          .executeTakeFirst();
  if (source === undefined) return undefined;
  const author = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', source.authorId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (author === undefined) return undefined;
  const name =
    kind === 'observation'
      ? await db
          .selectFrom('indicator_versions as v')
          .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
          .select('v.name as name')
          .where('v.indicator_id', '=', source.subjectId)
          .orderBy('pv.version_no', 'desc')
          .executeTakeFirst()
      : await db
          .selectFrom('task_versions as v')
          .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
          .select('v.measure as name')
          .where('v.task_id', '=', source.subjectId)
          .orderBy('pv.version_no', 'desc')
          .executeTakeFirst();
  return { ...source, subjectName: name?.name ?? source.subjectId };
}

import type { PlanRecordKindName } from '@plantrack/core';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import { elementTablesOf, recordColumn, recordTableAsK } from '../../support/record-tables.js';

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
 * plan's newest version states it. One statement, built from the kind's tables in the registry.
 */
export async function returnedRevision(
  db: Db,
  kind: PlanRecordKindName,
  revisionId: string,
): Promise<ReturnedRevision | undefined> {
  const element = elementTablesOf(kind);
  const subjectId = recordColumn<string>(kind, 'target');
  // The subject's plan and its name in the plan's newest version, as scalar subqueries.
  const planId = db
    .selectFrom(db.dynamic.table(element.table).as('s'))
    .select('s.plan_id')
    .where('s.id', '=', subjectId);
  const newestName = db
    .selectFrom(db.dynamic.table(element.versions).as('v'))
    .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
    .select(sql.ref<string>(`v.${element.nameColumn}`).as('name'))
    .where(sql.ref(`v.${element.versionOf}`), '=', subjectId)
    .orderBy('pv.version_no', 'desc')
    .limit(1);
  const row = await db
    .selectFrom(recordTableAsK(db, kind))
    // Only an active author is told; a system writer or a deactivated user is not.
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'k.created_by').on('u.active', '=', 1))
    .select([
      'k.created_by as authorId',
      'u.id as activeAuthorId',
      subjectId.as('subjectId'),
      planId.as('planId'),
      newestName.as('subjectName'),
    ])
    .where('k.id', '=', revisionId)
    .executeTakeFirst();
  if (row === undefined || row.activeAuthorId === null || row.planId === null) return undefined;
  return {
    authorId: row.authorId,
    subjectId: row.subjectId,
    subjectName: row.subjectName ?? row.subjectId,
    planId: row.planId,
  };
}

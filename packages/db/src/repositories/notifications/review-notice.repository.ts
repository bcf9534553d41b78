import { sql } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ELEMENT_TABLES } from '../../support/record-tables.js';

/** Read model of the notice that tells reviewers of new submissions. Portable Kysely. */
type Db = DatabaseHandle['db'];

/**
 * Who is told of a new submission: the active reviewers; where none exists yet, the active
 * planning office (who review then). The submitter is never told of their own submission.
 */
export async function submissionReviewerIds(db: Db, submitterId: string): Promise<string[]> {
  // Both roles in one read; the office is told only where no reviewer exists.
  const holders = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'r.role'])
    .where('r.role', 'in', ['reviewer', 'planning_office'])
    .where('u.active', '=', 1)
    .where('u.id', '!=', submitterId)
    .orderBy('u.id')
    .execute();
  const of = (role: string) => [...new Set(holders.filter((h) => h.role === role).map((h) => h.id))];
  const reviewers = of('reviewer');
  return reviewers.length > 0 ? reviewers : of('planning_office');
}

/** A submitter by name and department, and the name of the indicator or task submitted on. */
export type SubmissionFacts = {
  submitterName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  subjectName: string;
  planId: string | null;
};

/**
 * What the submission notice names: the submitter and their department (by name), and the subject
 * as the plan's newest version names it (an indicator's name, a task's measure).
 */
export async function submissionFacts(
  db: Db,
  args: { submitterId: string; subject: { kind: 'indicator' | 'task'; id: string } },
): Promise<SubmissionFacts> {
  const { kind, id } = args.subject;
  const element = ELEMENT_TABLES[kind];
  // The subject's newest version, as a scalar subquery per column, so the whole read is one statement.
  const newest = (column: 'name' | 'planId') =>
    db
      .selectFrom(db.dynamic.table(element.versions).as('v'))
      .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
      .select(sql.ref<string>(column === 'name' ? `v.${element.nameColumn}` : 'pv.plan_id').as('value'))
      .where(sql.ref(`v.${element.versionOf}`), '=', id)
      .orderBy('pv.version_no', 'desc')
      .limit(1);
  // A one-row source left-joined to the submitter: the subject is named even for a non-user actor.
  const row = await db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('one'))
    .leftJoin('users as u', (join) => join.on('u.id', '=', args.submitterId))
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.display_name as name',
      'd.id as departmentId',
      'd.canonical_name as departmentName',
      newest('name').as('subjectName'),
      newest('planId').as('planId'),
    ])
    .executeTakeFirst();
  return {
    submitterName: row?.name ?? null,
    departmentId: row?.departmentId ?? null,
    departmentName: row?.departmentName ?? null,
    subjectName: row?.subjectName ?? id,
    planId: row?.planId ?? null,
  };
}

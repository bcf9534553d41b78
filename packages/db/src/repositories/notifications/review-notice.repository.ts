import type { DatabaseHandle } from '../../connection.factory.js';

/** Read model of the notice that tells reviewers of new submissions. Portable Kysely. */
type Db = DatabaseHandle['db'];

/**
 * Who is told of a new submission: the active reviewers; where none exists yet, the active
 * planning office (who review then). The submitter is never told of their own submission.
 */
export async function submissionReviewerIds(db: Db, submitterId: string): Promise<string[]> {
  const holders = async (role: 'reviewer' | 'planning_office'): Promise<string[]> =>
    (
      await db
        .selectFrom('users as u')
        .innerJoin('user_roles as r', 'r.user_id', 'u.id')
        .select('u.id')
        .distinct()
        .where('r.role', '=', role)
        .where('u.active', '=', 1)
        .where('u.id', '!=', submitterId)
        .orderBy('u.id')
        .execute()
    ).map((r) => r.id);
  const reviewers = await holders('reviewer');
  return reviewers.length > 0 ? reviewers : holders('planning_office');
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
  const person = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['u.display_name as name', 'd.id as departmentId', 'd.canonical_name as departmentName'])
    .where('u.id', '=', args.submitterId)
    .executeTakeFirst();
  const { kind, id } = args.subject;
  const subject =
    kind === 'indicator'
      ? await db
          .selectFrom('indicator_versions as v')
          .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
          .select(['v.name as name', 'pv.plan_id as planId'])
          .where('v.indicator_id', '=', id)
          .orderBy('pv.version_no', 'desc')
          .executeTakeFirst()
      : await db
          .selectFrom('task_versions as v')
          .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
          .select(['v.measure as name', 'pv.plan_id as planId'])
          .where('v.task_id', '=', id)
          .orderBy('pv.version_no', 'desc')
          .executeTakeFirst();
  return {
    submitterName: person?.name ?? null,
    departmentId: person?.departmentId ?? null,
    departmentName: person?.departmentName ?? null,
    subjectName: subject?.name ?? id,
    planId: subject?.planId ?? null,
  };
}

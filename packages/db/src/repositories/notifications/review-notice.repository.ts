import { sql } from 'kysely';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ELEMENT_TABLES } from '../../support/record-tables.js';
import { reusableQuery } from '../../support/reusable-query.js';

/** Read model of the notice that tells reviewers of new submissions. Portable Kysely. */
type Db = DatabaseHandle['db'];

/**
 * What the submission notice names and whom it tells: the submitter and their department (by
 * name), the subject as the plan's newest version names it (an indicator's name, a task's
 * measure), and the reviewers to tell: the active reviewers; where none exists yet, the active
 * planning office (who review then). The submitter is never told of their own submission.
 */
export type SubmissionFacts = {
  submitterName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  subjectName: string;
  planId: string | null;
  reviewerIds: string[];
};

/**
 * Everything a submission notice needs, in one statement: a submission's notice is written after
 * the write commits, on the submit path, so each statement saved is a round trip off every submit.
 */
export async function submissionFacts(
  db: Db,
  args: { submitterId: string; subject: { kind: 'indicator' | 'task'; id: string } },
): Promise<SubmissionFacts> {
  const { kind, id } = args.subject;
  const rows = await FACTS[kind](db, { submitterId: args.submitterId, subjectId: id });
  const row = rows[0];
  const of = (role: string) => [
    ...new Set(rows.flatMap((r) => (r.holderId !== null && r.holderRole === role ? [r.holderId] : []))),
  ];
  const reviewers = of('reviewer');
  return {
    submitterName: row?.name ?? null,
    departmentId: row?.departmentId ?? null,
    departmentName: row?.departmentName ?? null,
    subjectName: row?.subjectName ?? id,
    planId: row?.planId ?? null,
    reviewerIds: reviewers.length > 0 ? reviewers : of('planning_office'),
  };
}

type FactsArgs = { submitterId: string; subjectId: string };

/** The facts statement of an element kind, compiled once (run on every submission: reusable-query.ts). */
function factsOf(kind: 'indicator' | 'task') {
  const element = ELEMENT_TABLES[kind];
  return reusableQuery((db, args: FactsArgs) => {
    // The subject's newest version, as an uncorrelated scalar subquery per column (evaluated once).
    const newest = (column: 'name' | 'planId') =>
      db
        .selectFrom(db.dynamic.table(element.versions).as('v'))
        .innerJoin('plan_versions as pv', 'pv.id', 'v.plan_version_id')
        .select(sql.ref<string>(column === 'name' ? `v.${element.nameColumn}` : 'pv.plan_id').as('value'))
        .where(sql.ref(`v.${element.versionOf}`), '=', args.subjectId)
        .orderBy('pv.version_no', 'desc')
        .limit(1);
    // Both roles that may be told, in one read; the office is told only where no reviewer exists.
    const holders = db
      .selectFrom('users as hu')
      .innerJoin('user_roles as hr', 'hr.user_id', 'hu.id')
      .select(['hu.id', 'hr.role'])
      .where('hr.role', 'in', ['reviewer', 'planning_office'])
      .where('hu.active', '=', 1)
      .where('hu.id', '!=', args.submitterId);
    // A one-row source left-joined to the submitter (the subject is named even for a non-user
    // actor) and to every holder: one row per holder, or one row of facts when there is none.
    return db
      .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('one'))
      .leftJoin('users as u', (join) => join.on('u.id', '=', args.submitterId))
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .leftJoin(holders.as('h'), (join) => join.on(sql<boolean>`1 = 1`))
      .select([
        'u.display_name as name',
        'd.id as departmentId',
        'd.canonical_name as departmentName',
        newest('name').as('subjectName'),
        newest('planId').as('planId'),
        'h.id as holderId',
        'h.role as holderRole',
      ])
      .orderBy('h.id');
  });
}

const FACTS = { indicator: factsOf('indicator'), task: factsOf('task') };

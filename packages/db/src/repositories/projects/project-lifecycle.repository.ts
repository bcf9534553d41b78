import { type BilingualMessage, type ProjectStage, checkTransition } from '@plantrack/core';
import type { Kysely } from 'kysely';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { auditProject } from './project-audit.js';
import { projectNotFound } from './project-write.repository.js';

const invalidMove = (message: BilingualMessage): ConflictError =>
  new ConflictError('invalid-transition', message);

/**
 * Moves a project one lifecycle step (core's allowed moves), recording who and when in the
 * append-only `project_transitions`. 后评价 is reached only through {@link recordPostEvaluation}.
 */
export async function transitionProject(
  db: Kysely<Database>,
  input: { projectId: string; to: ProjectStage; note: string | null; by: string },
): Promise<void> {
  if (input.to === '后评价') {
    throw invalidMove({
      zh: '后评价阶段由填写后评价表进入。',
      en: 'A project reaches post-evaluation by filing its post-evaluation.',
    });
  }
  await writeTransaction(db, async (trx) => moveStage(trx, input.projectId, input.to, input.note, input.by));
}

async function moveStage(
  trx: Kysely<Database>,
  projectId: string,
  to: ProjectStage,
  note: string | null,
  by: string,
): Promise<void> {
  const row = await trx.selectFrom('projects').select('stage').where('id', '=', projectId).executeTakeFirst();
  if (row === undefined) throw projectNotFound();
  const refused = checkTransition(row.stage, to);
  if (refused !== null) throw invalidMove(refused);
  const now = nowIso();
  await trx
    .insertInto('project_transitions')
    .values({
      id: newId(),
      project_id: projectId,
      from_stage: row.stage,
      to_stage: to,
      note,
      created_at: now,
      created_by: by,
    })
    .execute();
  await trx.updateTable('projects').set({ stage: to, updated_at: now }).where('id', '=', projectId).execute();
  await auditProject(trx, {
    actor: by,
    action: 'transition',
    projectId,
    detail: { from: row.stage, to, note },
  });
}

/** A post-evaluation (后评价): were scope, investment, time and expected benefits met, and the lessons. */
export type PostEvaluationInput = {
  scopeMet: boolean;
  investmentMet: boolean;
  timeMet: boolean;
  benefitsMet: boolean;
  lessons: string;
};

/**
 * Files the post-evaluation of a completed (竣工) project and moves it to 后评价 in the same
 * transaction, so an evaluated project always has its form and the form always its stage.
 */
export async function recordPostEvaluation(
  db: Kysely<Database>,
  input: { projectId: string; evaluation: PostEvaluationInput; by: string },
): Promise<void> {
  if (input.evaluation.lessons.trim() === '') {
    throw new InvalidInputError({
      zh: '后评价须填写经验与教训。',
      en: 'A post-evaluation needs its lessons.',
    });
  }
  await writeTransaction(db, async (trx) => {
    await moveStage(trx, input.projectId, '后评价', null, input.by);
    const e = input.evaluation;
    await trx
      .insertInto('project_evaluations')
      .values({
        project_id: input.projectId,
        scope_met: e.scopeMet ? 1 : 0,
        investment_met: e.investmentMet ? 1 : 0,
        time_met: e.timeMet ? 1 : 0,
        benefits_met: e.benefitsMet ? 1 : 0,
        lessons: e.lessons.trim(),
        created_at: nowIso(),
        created_by: input.by,
      })
      .execute();
    await auditProject(trx, {
      actor: input.by,
      action: 'post-evaluation',
      projectId: input.projectId,
      detail: e,
    });
  });
}

/** Adds an open issue (存在问题/需协调事项) with the department to solve it and its deadline. */
export async function addProjectIssue(
  db: Kysely<Database>,
  input: { projectId: string; text: string; department: string | null; deadline: string | null; by: string },
): Promise<string> {
  if (input.text.trim() === '') {
    throw new InvalidInputError({ zh: '问题内容不能为空。', en: 'The issue text cannot be empty.' });
  }
  const exists = await db
    .selectFrom('projects')
    .select('id')
    .where('id', '=', input.projectId)
    .executeTakeFirst();
  if (exists === undefined) throw projectNotFound();
  const id = newId();
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto('project_issues')
      .values({
        id,
        project_id: input.projectId,
        text: input.text.trim(),
        department: input.department,
        deadline: input.deadline,
        state: 'open',
        created_at: nowIso(),
        created_by: input.by,
        resolved_at: null,
        resolved_by: null,
        resolution: null,
      })
      .execute();
    await auditProject(trx, {
      actor: input.by,
      action: 'issue-add',
      projectId: input.projectId,
      detail: { issueId: id, text: input.text.trim() },
    });
  });
  return id;
}

/** Marks an open issue resolved, with who, when and how. Resolving twice is refused. */
export async function resolveProjectIssue(
  db: Kysely<Database>,
  input: { projectId: string; issueId: string; resolution: string | null; by: string },
): Promise<void> {
  const result = await writeTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('project_issues')
      .set({ state: 'resolved', resolved_at: nowIso(), resolved_by: input.by, resolution: input.resolution })
      .where('id', '=', input.issueId)
      .where('project_id', '=', input.projectId)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) {
      await auditProject(trx, {
        actor: input.by,
        action: 'issue-resolve',
        projectId: input.projectId,
        detail: { issueId: input.issueId, resolution: input.resolution },
      });
    }
    return updated;
  });
  if (result.numUpdatedRows > 0n) return;
  const issue = await db
    .selectFrom('project_issues')
    .select('state')
    .where('id', '=', input.issueId)
    .where('project_id', '=', input.projectId)
    .executeTakeFirst();
  if (issue === undefined) throw new NotFoundError({ zh: '找不到该问题。', en: 'Issue not found.' });
  throw new ConflictError('invalid-transition', {
    zh: '该问题已解决。',
    en: 'The issue is already resolved.',
  });
}

/** The office's 滞后 threshold for the plan, in percentage points behind 时序进度 (default 10). */
export async function projectLagThreshold(db: Kysely<Database>, planId: string): Promise<number> {
  const row = await db
    .selectFrom('project_settings')
    .select('lag_threshold_points')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row?.lag_threshold_points ?? DEFAULT_LAG_THRESHOLD_POINTS;
}

/** The threshold when the office has set none: 10 points behind 时序进度. */
export const DEFAULT_LAG_THRESHOLD_POINTS = 10;

/** Sets the office's 滞后 threshold for the plan. */
export async function setProjectLagThreshold(
  db: Kysely<Database>,
  planId: string,
  points: number,
): Promise<void> {
  if (!Number.isFinite(points) || points < 0 || points > 100) {
    throw new InvalidInputError({
      zh: '滞后阈值须在 0–100 个百分点之间。',
      en: 'The lag threshold must be 0–100 points.',
    });
  }
  const now = nowIso();
  await db
    .insertInto('project_settings')
    .values({ plan_id: planId, lag_threshold_points: points, updated_at: now })
    .onConflict((oc) => oc.column('plan_id').doUpdateSet({ lag_threshold_points: points, updated_at: now }))
    .execute();
}

import { type Kysely, type Migration, sql } from 'kysely';
import {
  REVIEW_ACTIONS,
  REVIEW_STATUSES,
  addIndex,
  isFlag,
  oneOf,
  protectAppendOnly,
} from './migration-helpers.js';

/** Lifecycle stages as the migration fixes them (core's PROJECT_STAGES). */
export const PROJECT_STAGE_VALUES = ['储备', '前期', '在建', '竣工', '后评价'] as const;
/** 前期节点 steps as the migration fixes them. */
export const PROJECT_STEP_VALUES = ['立项', '用地', '规划', '环评', '施工许可'] as const;
/** Tables the database itself keeps append-only. */
export const PROJECT_APPEND_ONLY_TABLES = ['project_transitions', 'project_reports'] as const;

/**
 * The major-project register (重大项目库, methodology §18): projects of a plan with their annual plan
 * investment, 前期节点, issues (存在问题/需协调事项), lifecycle transitions (append-only), the
 * post-evaluation, the office's lag threshold, and monthly project reports as append-only revisions
 * going through the draft → submitted → returned/approved flow. Money is REAL 万元.
 */
export const projectsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.check(oneOf('level', ['省', '市', '区'])))
      .addColumn('category', 'text')
      .addColumn('nature', 'text', (c) =>
        c.check(oneOf('nature', ['储备', '前期', '新开工', '续建', '竣工'])),
      )
      .addColumn('place', 'text')
      .addColumn('lng', 'double precision')
      .addColumn('lat', 'double precision')
      .addColumn('serves_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('new_capacity', 'text')
      .addColumn('total_wan', 'double precision')
      .addColumn('funding_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('start_year', 'integer')
      .addColumn('end_year', 'integer')
      .addColumn('planned_start', 'text')
      .addColumn('actual_start', 'text')
      .addColumn('planned_completion', 'text')
      .addColumn('actual_completion', 'text')
      .addColumn('lead_unit', 'text')
      .addColumn('lead_department_id', 'text', (c) => c.references('departments.id'))
      .addColumn('responsible_person', 'text')
      .addColumn('linked_leader', 'text')
      .addColumn('owner', 'text')
      .addColumn('owner_contact', 'text')
      .addColumn('stage', 'text', (c) => c.notNull().check(oneOf('stage', PROJECT_STAGE_VALUES)))
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0).check(isFlag('published')))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // NULL codes are distinct on both dialects: projects still 谋划/储备 may have none.
      .addUniqueConstraint('projects_plan_code_unique', ['plan_id', 'code'])
      .execute();
    await addIndex(db, 'projects', ['plan_id', 'name']);
    await addIndex(db, 'projects', ['lead_department_id']);

    await db.schema
      .createTable('project_annual_plans')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('plan_wan', 'double precision')
      .addColumn('milestone_text', 'text')
      .addPrimaryKeyConstraint('project_annual_plans_pk', ['project_id', 'year'])
      .execute();

    await db.schema
      .createTable('project_milestones')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('step', 'text', (c) => c.notNull().check(oneOf('step', PROJECT_STEP_VALUES)))
      .addColumn('deadline', 'text')
      .addColumn('department', 'text')
      .addColumn('done_on', 'text')
      .addPrimaryKeyConstraint('project_milestones_pk', ['project_id', 'step'])
      .execute();

    await db.schema
      .createTable('project_issues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('department', 'text')
      .addColumn('deadline', 'text')
      .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', ['open', 'resolved'])))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolution', 'text')
      .execute();
    await addIndex(db, 'project_issues', ['project_id']);

    await db.schema
      .createTable('project_transitions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('from_stage', 'text', (c) => c.check(oneOf('from_stage', PROJECT_STAGE_VALUES)))
      .addColumn('to_stage', 'text', (c) => c.notNull().check(oneOf('to_stage', PROJECT_STAGE_VALUES)))
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await addIndex(db, 'project_transitions', ['project_id']);

    await db.schema
      .createTable('project_evaluations')
      .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
      .addColumn('scope_met', 'integer', (c) => c.notNull().check(isFlag('scope_met')))
      .addColumn('investment_met', 'integer', (c) => c.notNull().check(isFlag('investment_met')))
      .addColumn('time_met', 'integer', (c) => c.notNull().check(isFlag('time_met')))
      .addColumn('benefits_met', 'integer', (c) => c.notNull().check(isFlag('benefits_met')))
      .addColumn('lessons', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('project_settings')
      .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plans.id'))
      .addColumn('lag_threshold_points', 'double precision', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('project_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
      .addColumn('revision_no', 'integer', (c) => c.notNull().check(sql`revision_no >= 1`))
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', REVIEW_STATUSES)))
      .addColumn('action', 'text', (c) => c.notNull().check(oneOf('action', REVIEW_ACTIONS)))
      .addColumn('month_wan', 'double precision')
      .addColumn('ytd_wan', 'double precision')
      .addColumn('progress_text', 'text')
      .addColumn('reason', 'text')
      .addColumn('evidence_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('project_reports_revision_unique', ['project_id', 'year', 'month', 'revision_no'])
      .execute();
    for (const table of PROJECT_APPEND_ONLY_TABLES) await protectAppendOnly(db, table);
  },
};

import type { Kysely, Migration } from 'kysely';
import { addIndex, isFlag, withSourceSpan } from './migration-helpers.js';

/**
 * Plans, versions and the framework extracted from each version: outline nodes, indicators and tasks (an identity row plus one row per version), commitments.
 * Written once with Kysely's schema builder so the same statements run on SQLite and PostgreSQL:
 * TEXT ids (UUID v7), TEXT ISO timestamps, INTEGER 0/1 flags, TEXT JSON, DOUBLE PRECISION values.
 */
export const planTablesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createPlanTables(db);
  },
};

async function createPlanTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('region_code', 'text')
    .addColumn('level', 'text')
    .addColumn('period_start', 'integer')
    .addColumn('period_end', 'integer')
    .addColumn('baseline_year', 'integer')
    .addColumn('parent_plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('model_json', 'text', (c) => c.notNull())
    .addColumn('diff_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addUniqueConstraint('plan_versions_plan_version_uq', ['plan_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('outline_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('node_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .$call(withSourceSpan)
    .addUniqueConstraint('outline_nodes_version_key_uq', ['plan_version_id', 'node_key'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('parent_indicator_id', 'text', (c) => c.references('indicators.id'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0).check(isFlag('published')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicators_plan_key_uq', ['plan_id', 'indicator_key'])
    .execute();

  await db.schema
    .createTable('indicator_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('seq', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('parent_seq', 'text')
    .addColumn('attribute', 'text')
    .addColumn('attribute_inferred', 'integer', (c) => c.notNull().check(isFlag('attribute_inferred')))
    .addColumn('direction', 'text')
    .addColumn('baseline_json', 'text')
    .addColumn('target_json', 'text', (c) => c.notNull())
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('extra_json', 'text', (c) => c.notNull())
    .addColumn('edit_no', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(withSourceSpan)
    .addUniqueConstraint('indicator_versions_version_indicator_uq', ['plan_version_id', 'indicator_id'])
    .execute();
  await addIndex(db, 'indicator_versions', ['indicator_id']);

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('quantity_json', 'text')
    .addColumn('quantity_text', 'text')
    .addColumn('deadline', 'integer')
    .addColumn('sentence', 'text', (c) => c.notNull())
    .addColumn('node_key', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.references('indicators.id'))
    .addColumn('edit_no', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(withSourceSpan)
    .addUniqueConstraint('commitments_version_ref_uq', ['plan_version_id', 'ref'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0).check(isFlag('published')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('tasks_plan_key_uq', ['plan_id', 'task_key'])
    .execute();

  await db.schema
    .createTable('task_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('plan_version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('node_key', 'text', (c) => c.notNull())
    .addColumn('edit_no', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(withSourceSpan)
    .addUniqueConstraint('task_versions_version_task_uq', ['plan_version_id', 'task_id'])
    .execute();
  await addIndex(db, 'task_versions', ['task_id']);
}

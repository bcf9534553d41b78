import { type Kysely, type Migration, sql } from 'kysely';
import { OWNER_ROLES } from '../schema/indicator-owner-tables.schema.js';
import { addIndex, oneOf } from './migration-helpers.js';

/**
 * Indicator owners as records: which departments report each indicator, lead (牵头) or co (配合).
 * Keyed by plan and indicator key, like `indicators`, so owners carry over to a revised outline.
 * Until now the assignment lived in server configuration. Written once for both dialects.
 */
export const indicatorOwnersMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('indicator_owner_sets')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('indicator_key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicator_owner_sets_pk', ['plan_id', 'indicator_key'])
      .addForeignKeyConstraint(
        'indicator_owner_sets_indicator_fk',
        ['plan_id', 'indicator_key'],
        'indicators',
        ['plan_id', 'indicator_key'],
      )
      .execute();

    await db.schema
      .createTable('indicator_owners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('indicator_key', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', OWNER_ROLES)))
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addColumn('assigned_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('indicator_owners_uq', ['plan_id', 'indicator_key', 'department_id'])
      .addForeignKeyConstraint(
        'indicator_owners_set_fk',
        ['plan_id', 'indicator_key'],
        'indicator_owner_sets',
        ['plan_id', 'indicator_key'],
      )
      .execute();
    // "My items" looks owners up by department.
    await addIndex(db, 'indicator_owners', ['department_id']);
  },
};

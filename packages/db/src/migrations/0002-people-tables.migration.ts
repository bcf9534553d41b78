import type { Kysely, Migration } from 'kysely';
import { ROLES } from '../schema/people-tables.schema.js';
import { addIndex, isFlag, oneOf } from './migration-helpers.js';

/**
 * Departments with aliases, task owners, users, roles and API tokens.
 * Written once with Kysely's schema builder so the same statements run on SQLite and PostgreSQL:
 * TEXT ids (UUID v7), TEXT ISO timestamps, INTEGER 0/1 flags, TEXT JSON, DOUBLE PRECISION values.
 */
export const peopleTablesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createPeopleTables(db);
  },
};

async function createPeopleTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('canonical_name', 'text', (c) => c.notNull())
    .addColumn('known', 'integer', (c) => c.notNull().check(isFlag('known')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('departments_region_name_uq', ['region_code', 'canonical_name'])
    .execute();

  await db.schema
    .createTable('department_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addUniqueConstraint('department_aliases_region_alias_uq', ['region_code', 'alias'])
    .execute();

  await db.schema
    .createTable('task_departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_version_id', 'text', (c) => c.notNull().references('task_versions.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ['lead', 'co_lead'])))
    .addColumn('name_as_written', 'text', (c) => c.notNull())
    .addUniqueConstraint('task_departments_uq', ['task_version_id', 'department_id', 'role'])
    .execute();
  await addIndex(db, 'task_departments', ['department_id']);

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(isFlag('active')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ROLES)))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
}

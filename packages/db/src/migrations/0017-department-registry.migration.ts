import type { Kysely, Migration } from 'kysely';
import { isFlag } from './migration-helpers.js';

/**
 * The department registry the planning office keeps: a department can be deactivated (no longer
 * offered for new owners or users, its history kept) and has a contact person (name, phone,
 * e-mail) the office calls when a figure is late. Merging duplicates needs no column: the merged
 * department's rows move to the kept one and the merged row is removed (recorded in the audit log).
 */
export const departmentRegistryMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('departments')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(isFlag('active')))
      .execute();
    for (const column of ['contact_name', 'contact_phone', 'contact_email']) {
      await db.schema.alterTable('departments').addColumn(column, 'text').execute();
    }
  },
};

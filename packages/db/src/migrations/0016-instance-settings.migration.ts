import type { Kysely, Migration } from 'kysely';

/**
 * `instance_settings`: facts about the database as a whole, one row per key. The first is `demo`
 * (value `true`): the database was created by `plantrack demo` and holds simulated data only, so
 * the service shows a demo banner and reports carry a demo mark, and `plantrack demo` may reset it.
 */
export const instanceSettingsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('instance_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

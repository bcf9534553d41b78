import type { Kysely } from 'kysely';
import { appliedMigrations } from '../../backup/table-catalog.js';
import type { Database } from '../../schema/database.schema.js';
import { nowIso } from '../../support/ids.js';

const DEMO_KEY = 'demo';

/** True when `plantrack demo` created this database: everything in it is simulated. */
export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', DEMO_KEY)
    .executeTakeFirst();
  return row?.value === 'true';
}

/** Marks the database as a demo database (before any simulated data is written). */
export async function markDemoDatabase(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('instance_settings')
    .values({ key: DEMO_KEY, value: 'true', updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true', updated_at: nowIso() }))
    .execute();
}

/** True when the database holds no plan and no user: nothing real that a demo could mix with. */
export async function isEmptyDatabase(db: Kysely<Database>): Promise<boolean> {
  const plan = await db.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return plan === undefined && user === undefined;
}

/**
 * What a database is before `plantrack demo` writes to it, read without migrating it: `new` (no
 * schema yet), `empty` (schema, but no plan and no user), `demo` (marked by a previous demo run)
 * or `real` (anything else: never written by the demo).
 */
export type DemoTargetState = 'new' | 'empty' | 'demo' | 'real';

export async function demoTargetState(db: Kysely<Database>): Promise<DemoTargetState> {
  const applied = await appliedMigrations(db);
  if (applied.length === 0) return 'new';
  if (applied.includes('0016-instance-settings') && (await isDemoDatabase(db))) return 'demo';
  return (await isEmptyDatabase(db)) ? 'empty' : 'real';
}

import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, isFlag } from './migration-helpers.js';

/** How long a token made before scopes and expiries existed stays usable after the upgrade. */
const LEGACY_TOKEN_DAYS = 90;

/**
 * Account security: a password an administrator set must be changed at the next sign-in
 * (`users.must_change_password`), and API tokens get a scope (`read_only`, `roles_json`: the roles
 * chosen at issue, null for tokens issued before scopes, which keep their owner's roles). Tokens
 * that never expired now expire 90 days after the upgrade, and tokens of users who are inactive
 * now are revoked, so reactivating such a user does not bring them back.
 */
export const accountSecurityMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) =>
        c.notNull().defaultTo(0).check(isFlag('must_change_password')),
      )
      .execute();
    await db.schema
      .alterTable('api_tokens')
      .addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0).check(isFlag('read_only')))
      .execute();
    await db.schema.alterTable('api_tokens').addColumn('roles_json', 'text').execute();
    // A user's tokens are listed and revoked together (password change, deactivation).
    await addIndex(db, 'api_tokens', ['user_id']);

    const now = new Date();
    const legacyExpiry = new Date(now.getTime() + LEGACY_TOKEN_DAYS * 86_400_000).toISOString();
    await sql`update api_tokens set expires_at = ${legacyExpiry}
      where expires_at is null and revoked_at is null`.execute(db);
    await sql`update api_tokens set revoked_at = ${now.toISOString()}
      where revoked_at is null and user_id in (select id from users where active = 0)`.execute(db);
  },
};

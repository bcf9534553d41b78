import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../support/ids.js';
import { forEachDialect } from '../testing/dialects.js';
import { findLiveApiToken } from '../repositories/accounts/api-token.repository.js';
import { migrateToLatest, staticMigrationProvider } from './migration.provider.js';

forEachDialect((_dialect, open) => {
  describe('migration 0013-account-security', () => {
    it('gives tokens without an expiry one, revokes inactive users’ tokens, keeps the owner’s roles', async () => {
      const { db } = await open({ migrate: false });
      const migrator = new Migrator({ db, provider: staticMigrationProvider });
      expect((await migrator.migrateTo('0011-indicator-owners')).error).toBeUndefined();
      const user = async (email: string, active: 0 | 1) => {
        const id = newId();
        const created_at = '2027-01-01T00:00:00.000Z';
        const row = {
          id,
          email,
          display_name: email,
          password_hash: null,
          department_id: null,
          active,
          created_at,
        };
        await db.insertInto('users').values(row).execute();
        return id;
      };
      const token = async (userId: string, hash: string) => {
        const created_at = '2027-01-01T00:00:00.000Z';
        const row = { id: newId(), user_id: userId, name: hash, token_hash: hash, created_at };
        await db
          .insertInto('api_tokens')
          .values({ ...row, expires_at: null, revoked_at: null, last_used_at: null })
          .execute();
      };
      await token(await user('active@test.local', 1), 'active-hash');
      const inactive = await user('inactive@test.local', 0);
      await token(inactive, 'inactive-hash');

      await migrateToLatest(db);
      const live = await findLiveApiToken(db, 'active-hash');
      const days = (Date.parse(live?.expiresAt ?? '') - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89);
      expect(days).toBeLessThanOrEqual(90);
      expect(live).toMatchObject({ readOnly: false, roles: null });
      // Reactivating the user later must not bring the token back.
      await db.updateTable('users').set({ active: 1 }).where('id', '=', inactive).execute();
      expect(await findLiveApiToken(db, 'inactive-hash')).toBeUndefined();
      const flags = await db.selectFrom('users').select('must_change_password').execute();
      expect(flags.map((f) => f.must_change_password)).toEqual([0, 0]);
    });
  });
});

import type { DatabaseHandle } from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { createApiToken, createUser, findUserByTokenHash } from './user.repository.js';

forEachDialect((_dialect, open) => {
  describe('API token use', () => {
    let handle: DatabaseHandle;
    let tokenId: string;
    beforeAll(async () => {
      handle = await open();
      const user = await createUser(handle.db, {
        email: 'sync@test.local',
        displayName: 'sync',
        passwordHash: null,
        roles: ['department_reporter'],
        grantedBy: 'test',
      });
      ({ id: tokenId } = await createApiToken(handle.db, {
        userId: user.id,
        name: 'excel-sync',
        tokenHash: 'hash-of-sync-token',
        expiresAt: null,
      }));
    });

    const lastUsedAt = async () =>
      (
        await handle.db
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', tokenId)
          .executeTakeFirstOrThrow()
      ).last_used_at;

    it('records the first use, then writes again only once the recorded use is a minute old', async () => {
      expect(await lastUsedAt()).toBeNull();
      expect((await findUserByTokenHash(handle.db, 'hash-of-sync-token'))?.email).toBe('sync@test.local');
      const first = await lastUsedAt();
      expect(first).not.toBeNull();

      // Recorded just now: further reads authenticate without writing.
      const recent = new Date(Date.now() - 30_000).toISOString();
      await handle.db
        .updateTable('api_tokens')
        .set({ last_used_at: recent })
        .where('id', '=', tokenId)
        .execute();
      expect((await findUserByTokenHash(handle.db, 'hash-of-sync-token'))?.email).toBe('sync@test.local');
      expect(await lastUsedAt()).toBe(recent);

      // Older than a minute: the use is recorded again.
      const stale = new Date(Date.now() - 120_000).toISOString();
      await handle.db
        .updateTable('api_tokens')
        .set({ last_used_at: stale })
        .where('id', '=', tokenId)
        .execute();
      await findUserByTokenHash(handle.db, 'hash-of-sync-token');
      expect(((await lastUsedAt()) ?? '') > stale).toBe(true);
    });

    it('refuses an unknown token without writing', async () => {
      expect(await findUserByTokenHash(handle.db, 'no-such-hash')).toBeUndefined();
    });
  });
});

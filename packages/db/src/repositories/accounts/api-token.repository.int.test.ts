import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { newId } from '../../support/ids.js';
import {
  createApiToken,
  findLiveApiToken,
  listApiTokens,
  revokeApiToken,
  revokeUserApiTokens,
} from './api-token.repository.js';

async function addUser(handle: DatabaseHandle, email: string): Promise<string> {
  const id = newId();
  await handle.db
    .insertInto('users')
    .values({
      id,
      email,
      display_name: email,
      password_hash: null,
      department_id: null,
      active: 1,
      created_at: '2027-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

forEachDialect((_dialect, open) => {
  describe('API token repository', () => {
    let handle: DatabaseHandle;
    let userId: string;
    let tokenId: string;
    beforeAll(async () => {
      handle = await open();
      userId = await addUser(handle, 'sync@test.local');
      ({ id: tokenId } = await createApiToken(handle.db, {
        userId,
        name: 'excel-sync',
        tokenHash: 'hash-of-sync-token',
        expiresAt: inDays(90),
        readOnly: true,
        roles: ['department_reporter'],
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
      const live = await findLiveApiToken(handle.db, 'hash-of-sync-token');
      expect(live).toMatchObject({ userId, readOnly: true, roles: ['department_reporter'] });
      const first = await lastUsedAt();
      expect(first).not.toBeNull();

      // Recorded just now: further reads authenticate without writing.
      const recent = new Date(Date.now() - 30_000).toISOString();
      await handle.db
        .updateTable('api_tokens')
        .set({ last_used_at: recent })
        .where('id', '=', tokenId)
        .execute();
      expect(await findLiveApiToken(handle.db, 'hash-of-sync-token')).toBeDefined();
      expect(await lastUsedAt()).toBe(recent);

      // Older than a minute: the use is recorded again.
      const stale = new Date(Date.now() - 120_000).toISOString();
      await handle.db
        .updateTable('api_tokens')
        .set({ last_used_at: stale })
        .where('id', '=', tokenId)
        .execute();
      await findLiveApiToken(handle.db, 'hash-of-sync-token');
      expect(((await lastUsedAt()) ?? '') > stale).toBe(true);
    });

    it('refuses an unknown or expired token without writing', async () => {
      expect(await findLiveApiToken(handle.db, 'no-such-hash')).toBeUndefined();
      await createApiToken(handle.db, {
        userId,
        name: 'old',
        tokenHash: 'hash-of-old-token',
        expiresAt: inDays(-1),
        readOnly: false,
        roles: [],
      });
      expect(await findLiveApiToken(handle.db, 'hash-of-old-token')).toBeUndefined();
    });

    it('lists, revokes one (only its owner’s), and revokes all of a user at once', async () => {
      const other = await addUser(handle, 'other@test.local');
      const second = await createApiToken(handle.db, {
        userId,
        name: 'second',
        tokenHash: 'hash-of-second',
        expiresAt: inDays(1),
        readOnly: false,
        roles: ['reviewer'],
      });
      expect((await listApiTokens(handle.db, userId)).map((t) => t.name)).toContain('second');
      expect(
        await revokeApiToken(handle.db, { userId: other, tokenId: second.id, actor: other }),
      ).toBeUndefined();
      const revoked = await revokeApiToken(handle.db, { userId, tokenId: second.id, actor: userId });
      expect(revoked?.revokedAt).not.toBeNull();
      expect(await findLiveApiToken(handle.db, 'hash-of-second')).toBeUndefined();
      // The sync token and the expired one are still unrevoked: both are revoked now.
      expect(await revokeUserApiTokens(handle.db, { userId, actor: 'admin', reason: 'deactivated' })).toBe(2);
      expect(await findLiveApiToken(handle.db, 'hash-of-sync-token')).toBeUndefined();
      expect(await revokeUserApiTokens(handle.db, { userId, actor: 'admin', reason: 'deactivated' })).toBe(0);
    });
  });
});

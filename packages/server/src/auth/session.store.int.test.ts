import type { DatabaseHandle } from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { buildApp } from '../app.js';
import { type Harness, as, makeHarness, signIn } from '../testing/harness.js';
import { SessionStore, hashSessionId } from './session.store.js';

const HOUR = 60 * 60 * 1000;

forEachDialect((dialect, open) => {
  describe('persistent sessions', () => {
    let handle: DatabaseHandle;
    let h: Harness;
    beforeAll(async () => {
      handle = await open();
      h = await makeHarness(handle, dialect);
      return async () => {
        await h.app.close();
      };
    });

    it('survive building a second app on the same database (a restart)', async () => {
      const session = await signIn(h.app, h.emails.reviewer);
      const restarted = await buildApp({ db: handle.db, dialect });
      try {
        const me = await restarted.inject({ method: 'GET', url: '/api/me', headers: as(session) });
        expect(me.statusCode).toBe(200);
        expect(me.json<{ email: string }>().email).toBe(h.emails.reviewer);
        // The CSRF token is bound to the stored session too: an unsafe request passes on the new app.
        const out = await restarted.inject({
          method: 'POST',
          url: '/api/auth/sign-out',
          headers: as(session),
        });
        expect(out.statusCode).toBe(204);
        // Signed out on one app means signed out on every app sharing the store.
        const after = await h.app.inject({ method: 'GET', url: '/api/me', headers: as(session) });
        expect(after.statusCode).toBe(401);
      } finally {
        await restarted.close();
      }
    });

    it('stores only a SHA-256 of the session id', async () => {
      const store = new SessionStore(handle.db, HOUR);
      const user = await handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const session = await store.create(user.id);
      const rows = await handle.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', user.id)
        .execute();
      expect(rows.map((r) => r.id_hash)).toContain(hashSessionId(session.id));
      expect(JSON.stringify(rows)).not.toContain(session.id);
      await store.delete(session.id);
      expect(await store.get(session.id)).toBeUndefined();
    });

    it('slides the expiry on use, ends an idle session and purges expired rows', async () => {
      let now = Date.parse('2026-03-01T08:00:00.000Z');
      const store = new SessionStore(handle.db, HOUR, () => now);
      const user = await handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const kept = await store.create(user.id);
      const idle = await store.create(user.id);
      now += 50 * 60 * 1000;
      expect((await store.get(kept.id))?.expiresAt).toBe(now + HOUR);
      now += 50 * 60 * 1000;
      // 100 minutes after sign-in: the used session lives on, the idle one has expired and is gone.
      expect(await store.get(kept.id)).toMatchObject({ userId: user.id, csrfToken: kept.csrfToken });
      expect(await store.get(idle.id)).toBeUndefined();
      const stale = await store.create(user.id);
      now += 2 * HOUR;
      await store.create(user.id);
      const left = await handle.db.selectFrom('sessions').select('id_hash').execute();
      expect(left.map((r) => r.id_hash)).not.toContain(hashSessionId(stale.id));
      expect(left.map((r) => r.id_hash)).not.toContain(hashSessionId(kept.id));
    });

    it('deactivating a user deletes all of their sessions', async () => {
      const first = await signIn(h.app, h.emails.leader);
      const second = await signIn(h.app, h.emails.leader);
      const user = await handle.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', h.emails.leader)
        .executeTakeFirstOrThrow();
      await handle.db.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
      const res = await h.app.inject({ method: 'GET', url: '/api/me', headers: as(first) });
      expect(res.statusCode).toBe(401);
      const rows = await handle.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', user.id)
        .execute();
      expect(rows).toEqual([]);
      await handle.db.updateTable('users').set({ active: 1 }).where('id', '=', user.id).execute();
      expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: as(second) })).statusCode).toBe(
        401,
      );
    });
  });
});

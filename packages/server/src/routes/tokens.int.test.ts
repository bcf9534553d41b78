import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { expireApiTokenNow } from '../../../db/src/testing/api-token-clock.js';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, PASSWORD, type Session, as, makeHarness, signIn } from '../testing/harness.js';

type Token = {
  id: string;
  token: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  readOnly: boolean;
  roles: string[] | null;
};

function expectProblem(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ code: string; messages: { zh: string; en: string } }>();
  expect(body.code).toBe(code);
  expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.messages.en.length).toBeGreaterThan(0);
}

forEachDialect((dialect, open) => {
  describe('API tokens: scope, expiry, last use, list and revoke', () => {
    let h: Harness;
    beforeAll(async () => {
      // A long token cache, so every "at once" below is the cache being told, not expiring.
      h = await makeHarness(await open(), dialect, { tokenCacheMs: 60_000, tokenMaxDays: 400 });
      return async () => {
        await h.app.close();
      };
    });

    const issue = (session: Session | undefined, body: object, headers: Record<string, string> = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: { ...as(session), ...headers },
        payload: body,
      });
    const issued = async (session: Session, body: object): Promise<Token> => {
      const res = await issue(session, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Token>();
    };
    const bearer = (t: Token) => ({ authorization: `Bearer ${t.token}` });
    const get = (url: string, headers: Record<string, string>) =>
      h.app.inject({ method: 'GET', url, headers });
    const userId = async (session: Session) => (await get('/api/me', as(session))).json<{ id: string }>().id;
    const admin = (method: 'GET' | 'DELETE' | 'PATCH', url: string, payload?: object) =>
      h.app.inject({ method, url, headers: as(h.sessions.administrator), ...(payload ? { payload } : {}) });

    /** A user holding reviewer and leader, created through the administration API. */
    const twoRoleUser = async (email: string): Promise<{ id: string; session: Session }> => {
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(h.sessions.administrator),
        payload: { email, displayName: email, roles: ['reviewer', 'leader'], password: PASSWORD },
      });
      expect(created.statusCode, created.body).toBe(201);
      return { id: created.json<{ user: { id: string } }>().user.id, session: await signIn(h.app, email) };
    };

    it('expires in 90 days by default, at most tokenMaxDays, and records its last use', async () => {
      const t = await issued(h.sessions.leader, { name: 'dashboard-export' });
      const days = (Date.parse(t.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89.9);
      expect(days).toBeLessThanOrEqual(90);
      expect(t).toMatchObject({ readOnly: false, roles: ['leader'], lastUsedAt: null, revokedAt: null });
      expectProblem(
        await issue(h.sessions.leader, { name: 'long', expiresInDays: 401 }),
        400,
        'token-lifetime',
      );

      expect((await get('/api/plans', bearer(t))).statusCode).toBe(200);
      const mine = (await get('/api/me/tokens', as(h.sessions.leader))).json<{ items: Token[] }>().items;
      const listed = mine.find((x) => x.id === t.id);
      expect(listed?.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(mine)).not.toContain(t.token);
    });

    it('refuses an expired token', async () => {
      const t = await issued(h.sessions.leader, { name: 'short', expiresInDays: 1 });
      await expireApiTokenNow(h.app.plantrack.db, t.id);
      expectProblem(await get('/api/me', bearer(t)), 401, 'bad-token');
    });

    it('a read-only token reads but every unsafe method is refused (403)', async () => {
      const t = await issued(h.sessions.department_reporter, { name: 'read', readOnly: true });
      expect((await get('/api/my/items', bearer(t))).statusCode).toBe(200);
      const post = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: bearer(t),
        payload: { indicatorId: h.ownIndicatorId, period: '2029', expectedRevision: 0, values: { value: 1 } },
      });
      expectProblem(post, 403, 'token-read-only');
      expectProblem(
        await h.app.inject({ method: 'DELETE', url: `/api/me/tokens/${t.id}`, headers: bearer(t) }),
        403,
        'token-read-only',
      );
    });

    it('a role-scoped token never exceeds its owner and loses a role when the owner does', async () => {
      const owner = await twoRoleUser('two.roles@test.local');
      expectProblem(
        await issue(owner.session, { name: 'x', roles: ['administrator'] }),
        400,
        'token-roles-exceed',
      );
      const reviewing = await issued(owner.session, { name: 'review', roles: ['reviewer'] });
      const leading = await issued(owner.session, { name: 'lead', roles: ['leader'] });
      expect((await get('/api/review/queue', bearer(reviewing))).statusCode).toBe(200);
      // The owner reviews, but this token was given the leader role only.
      expectProblem(await get('/api/review/queue', bearer(leading)), 403, 'forbidden');

      const demoted = await admin('PATCH', `/api/admin/users/${owner.id}`, { roles: ['leader'] });
      expect(demoted.statusCode).toBe(200);
      expectProblem(await get('/api/review/queue', bearer(reviewing)), 403, 'forbidden');
      // Promoting the owner again gives the token back only what it was issued with.
      await admin('PATCH', `/api/admin/users/${owner.id}`, { roles: ['reviewer', 'leader'] });
      expect((await get('/api/review/queue', bearer(reviewing))).statusCode).toBe(200);
      expectProblem(await get('/api/review/queue', bearer(leading)), 403, 'forbidden');
    });

    it('cannot mint a token: issuing needs a signed-in session (403)', async () => {
      const t = await issued(h.sessions.planning_office, { name: 'ci' });
      expectProblem(await issue(undefined, { name: 'child' }, bearer(t)), 403, 'token-needs-session');
      expect((await issue(undefined, { name: 'anon' })).statusCode).toBe(401);
    });

    it('owners revoke their own tokens, administrators anyone’s, with effect at once', async () => {
      const own = await issued(h.sessions.reviewer, { name: 'mine' });
      const other = await issued(h.sessions.reviewer, { name: 'theirs' });
      expect((await get('/api/me', bearer(own))).statusCode).toBe(200);
      expect((await get('/api/me', bearer(other))).statusCode).toBe(200); // Both now cached.

      const revoked = await h.app.inject({
        method: 'DELETE',
        url: `/api/me/tokens/${own.id}`,
        headers: as(h.sessions.reviewer),
      });
      expect(revoked.json<Token>().revokedAt).not.toBeNull();
      expectProblem(await get('/api/me', bearer(own)), 401, 'bad-token');
      // Someone else's token id is not found, not revoked.
      expectProblem(
        await h.app.inject({
          method: 'DELETE',
          url: `/api/me/tokens/${other.id}`,
          headers: as(h.sessions.leader),
        }),
        404,
        'not-found',
      );

      const reviewerId = await userId(h.sessions.reviewer);
      const listed = await admin('GET', `/api/admin/users/${reviewerId}/tokens`);
      expect(listed.json<{ items: Token[] }>().items.map((t) => t.id)).toEqual(
        expect.arrayContaining([own.id, other.id]),
      );
      expect((await admin('DELETE', `/api/admin/users/${reviewerId}/tokens/${other.id}`)).statusCode).toBe(
        200,
      );
      expectProblem(await get('/api/me', bearer(other)), 401, 'bad-token');
      expectProblem(
        await get(`/api/admin/users/${reviewerId}/tokens`, as(h.sessions.leader)),
        403,
        'forbidden',
      );
    });

    it('an administrator’s password reset kills the user’s tokens', async () => {
      const owner = await twoRoleUser('reset.tokens@test.local');
      const t = await issued(owner.session, { name: 'sync' });
      expect((await get('/api/me', bearer(t))).statusCode).toBe(200);
      const reset = await admin('PATCH', `/api/admin/users/${owner.id}`, { resetPassword: true });
      expect(reset.statusCode).toBe(200);
      expectProblem(await get('/api/me', bearer(t)), 401, 'bad-token');
    });

    it('deactivation revokes tokens: reactivating the user does not revive them', async () => {
      const owner = await twoRoleUser('deactivated@test.local');
      const t = await issued(owner.session, { name: 'sync' });
      expect((await get('/api/me', bearer(t))).statusCode).toBe(200);
      expect((await admin('PATCH', `/api/admin/users/${owner.id}`, { active: false })).statusCode).toBe(200);
      expectProblem(await get('/api/me', bearer(t)), 401, 'bad-token');
      expect((await admin('PATCH', `/api/admin/users/${owner.id}`, { active: true })).statusCode).toBe(200);
      expectProblem(await get('/api/me', bearer(t)), 401, 'bad-token');
      const listed = await admin('GET', `/api/admin/users/${owner.id}/tokens`);
      expect(listed.json<{ items: Token[] }>().items[0]?.revokedAt).not.toBeNull();
    });
  });
});

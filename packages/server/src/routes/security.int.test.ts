import { findUserByEmail } from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  messages: { zh: string; en: string };
};

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code?: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as Problem;
  expect(body).toMatchObject({ status, type: expect.stringContaining('/problems/') as unknown });
  expect(body.messages.zh.length).toBeGreaterThan(0);
  expect(body.messages.en.length).toBeGreaterThan(0);
  expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  if (code !== undefined) expect(body.code).toBe(code);
  return body;
}

forEachDialect((dialect, open) => {
  describe('security and concurrency', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      return async () => {
        await h.app.close();
      };
    });

    const submit = (expectedRevision: number, headers: Record<string, string> = {}, period = '2027') =>
      h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: { ...as(h.sessions.department_reporter), ...headers },
        payload: { indicatorId: h.ownIndicatorId, period, expectedRevision, values: { value: 8 } },
      });

    it('stores passwords as argon2id hashes', async () => {
      const user = await findUserByEmail(h.app.plantrack.db, h.emails.reviewer);
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    });

    it('answers a stale expectedRevision with 409 problem+json, not an overwrite', async () => {
      expect((await submit(0, {}, '2028')).statusCode).toBe(201);
      const body = expectProblem(await submit(0, {}, '2028'), 409, 'stale-revision');
      expect(body).toMatchObject({ currentRevision: 1 });
    });

    it('replays a retried submission with the same Idempotency-Key instead of a second revision', async () => {
      const first = await submit(0, { 'idempotency-key': 'retry-key-000001' });
      const retry = await submit(0, { 'idempotency-key': 'retry-key-000001' });
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
      const key = encodeURIComponent(first.json<{ key: string }>().key);
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/observations/${key}/history`,
        headers: as(h.sessions.department_reporter),
      });
      expect(history.json<unknown[]>()).toHaveLength(1);
    });

    it('refuses cookie-authenticated writes without the CSRF token', async () => {
      const { cookie } = h.sessions.department_reporter;
      const payload = {
        indicatorId: h.ownIndicatorId,
        period: '2029',
        expectedRevision: 0,
        values: { value: 1 },
      };
      expectProblem(
        await h.app.inject({ method: 'POST', url: '/api/observations', headers: { cookie }, payload }),
        403,
        'csrf',
      );
      expectProblem(
        await h.app.inject({
          method: 'POST',
          url: '/api/observations',
          headers: { cookie, 'x-csrf-token': 'forged' },
          payload,
        }),
        403,
        'csrf',
      );
      // Reads need no token.
      expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
        200,
      );
    });

    it('sets httpOnly SameSite=Strict session cookies, Secure behind TLS', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: h.emails.leader, password: 'correct horse battery staple' },
      });
      const session = res.cookies.find((c) => c.name === 'pt_session')!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      expect(session.secure).toBeFalsy();
    });

    it('accepts API tokens without CSRF and rejects unknown tokens', async () => {
      const issued = await h.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: as(h.sessions.department_reporter),
        payload: { name: 'excel-sync' },
      });
      expect(issued.statusCode).toBe(201);
      const { token } = issued.json<{ token: string }>();
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: { authorization: `Bearer ${token}` },
        payload: { indicatorId: h.ownIndicatorId, period: '2030', expectedRevision: 0, values: { value: 2 } },
      });
      expect(res.statusCode).toBe(201);
      expectProblem(
        await h.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer ptk_nope' } }),
        401,
        'bad-token',
      );
    });

    it('signs out: the session no longer works', async () => {
      const { signIn } = await import('../testing/harness.js');
      const session = await signIn(h.app, h.emails.leader);
      const out = await h.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: as(session) });
      expect(out.statusCode).toBe(204);
      expectProblem(await h.app.inject({ method: 'GET', url: '/api/me', headers: as(session) }), 401);
    });

    it('answers invalid input with 400 problem+json listing the fields', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: { indicatorId: h.ownIndicatorId, period: '2026年', expectedRevision: -1 },
      });
      const body = expectProblem(res, 400, 'validation') as Problem & { errors: { path: string }[] };
      expect(body.errors.map((e) => e.path).join(' ')).toContain('period');
      expectProblem(await h.app.inject({ method: 'GET', url: '/api/nowhere' }), 404, 'no-route');
      expectProblem(
        await h.app.inject({ method: 'GET', url: '/api/indicators/nope', headers: as(h.sessions.leader) }),
        404,
      );
    });

    it('shows the public only published items in search', async () => {
      const staff = await h.app.inject({
        method: 'GET',
        url: '/api/search?q=国资',
        headers: as(h.sessions.leader),
      });
      expect(staff.json<unknown[]>().length).toBeGreaterThan(0);
      const anon = await h.app.inject({ method: 'GET', url: '/api/search?q=国资' });
      expect(anon.statusCode).toBe(200);
      expect(anon.json<unknown[]>()).toEqual([]);
    });
  });

  describe('search results cached per query', () => {
    it('still finds a progress report the moment it is written', async () => {
      const h = await makeHarness(await open(), dialect);
      try {
        const phrase = '量子通信试验段贯通';
        const find = async () =>
          (
            await h.app.inject({
              method: 'GET',
              url: `/api/search?q=${encodeURIComponent(phrase)}`,
              headers: as(h.sessions.leader),
            })
          ).json<{ kind: string }[]>();
        expect(await find()).toEqual([]);
        expect(await find()).toEqual([]); // now answered from the cache
        const written = await h.app.inject({
          method: 'POST',
          url: '/api/progress-reports',
          headers: as(h.sessions.planning_office),
          payload: {
            taskId: h.ownTaskId,
            period: '2026',
            expectedRevision: 0,
            values: { progress: 'in_progress', narrative: `${phrase}，年内完成验收。` },
          },
        });
        expect(written.statusCode, written.body).toBe(201);
        expect((await find()).map((hit) => hit.kind)).toEqual(['report']);
      } finally {
        await h.app.close();
      }
    });
  });

  describe('API tokens of deactivated users', () => {
    it('stop working at once through the admin API, and within tokenCacheMs when changed elsewhere', async () => {
      const h = await makeHarness(await open(), dialect, { tokenCacheMs: 300 });
      try {
        const bearer = async (persona: 'leader' | 'reviewer') => {
          const issued = await h.app.inject({
            method: 'POST',
            url: '/api/me/tokens',
            headers: as(h.sessions[persona]),
            payload: { name: 'sync' },
          });
          return { authorization: `Bearer ${issued.json<{ token: string }>().token}` };
        };
        const me = (headers: Record<string, string>) =>
          h.app.inject({ method: 'GET', url: '/api/me', headers });

        // Deactivated through this server: refused on the very next request.
        const leader = await bearer('leader');
        const leaderId = (await me(leader)).json<{ id: string }>().id;
        const off = await h.app.inject({
          method: 'PATCH',
          url: `/api/admin/users/${leaderId}`,
          headers: as(h.sessions.administrator),
          payload: { active: false },
        });
        expect(off.statusCode).toBe(200);
        expectProblem(await me(leader), 401, 'bad-token');

        // Deactivated by another process (straight in the database): remembered for at most 300 ms.
        const reviewer = await bearer('reviewer');
        const reviewerId = (await me(reviewer)).json<{ id: string }>().id;
        await h.app.plantrack.db
          .updateTable('users')
          .set({ active: 0 })
          .where('id', '=', reviewerId)
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 350));
        expectProblem(await me(reviewer), 401, 'bad-token');
      } finally {
        await h.app.close();
      }
    });
  });

  describe('sign-in rate limit', () => {
    it('answers the 11th attempt within a minute with 429 problem+json', async () => {
      const h = await makeHarness(await open(), dialect, {
        signInRateLimit: { max: 10, timeWindowMs: 60_000 },
      });
      try {
        // makeHarness signed in 7 personas already; the limit counts every attempt.
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const res = await h.app.inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { email: h.emails.reviewer, password: 'wrong' },
          });
          statuses.push(res.statusCode);
        }
        expect(statuses).toEqual([401, 401, 401, 429]);
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: h.emails.reviewer, password: 'wrong' },
        });
        expectProblem(res, 429, 'rate-limited');
      } finally {
        await h.app.close();
      }
    });
  });
});

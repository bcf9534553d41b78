import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, PASSWORD, type Session, as, makeHarness, signIn } from '../testing/harness.js';

const NEW_PASSWORD = 'Plan-2026 monitoring';

function expectProblem(
  res: LightMyRequestResponse,
  status: number,
  code: string,
): { zh: string; en: string } {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ code: string; messages: { zh: string; en: string } }>();
  expect(body.code).toBe(code);
  expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.messages.en.length).toBeGreaterThan(0);
  return body.messages;
}

forEachDialect((dialect, open) => {
  describe('passwords: own change, policy, change required after an administrator’s reset', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect, { tokenCacheMs: 60_000 });
      return async () => {
        await h.app.close();
      };
    });

    const change = (session: Session | undefined, body: object, headers: Record<string, string> = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: { ...as(session), ...headers },
        payload: body,
      });
    const get = (url: string, session: Session | undefined, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'GET', url, headers: { ...as(session), ...headers } });
    const newUser = async (email: string): Promise<string> => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(h.sessions.administrator),
        payload: { email, displayName: email, roles: ['leader'], password: PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ user: { id: string } }>().user.id;
    };

    it('publishes the policy in Chinese and English, to anyone', async () => {
      const res = await get('/api/auth/password-policy', undefined);
      expect(res.statusCode).toBe(200);
      const policy = res.json<{ minLength: number; messages: { zh: string; en: string } }>();
      expect(policy.minLength).toBe(12);
      expect(policy.messages.zh).toMatch(/至少 12 个字符/);
    });

    it('needs the current password and a strong new one; ends other sessions and revokes tokens', async () => {
      const email = 'changer@test.local';
      await newUser(email);
      const here = await signIn(h.app, email);
      const elsewhere = await signIn(h.app, email);
      const issued = await h.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: as(here),
        payload: { name: 'sync' },
      });
      const bearer = { authorization: `Bearer ${issued.json<{ token: string }>().token}` };
      expect((await get('/api/me', undefined, bearer)).statusCode).toBe(200);

      expectProblem(
        await change(here, { currentPassword: 'wrong one', newPassword: NEW_PASSWORD }),
        400,
        'wrong-password',
      );
      for (const weak of ['short1A', 'onlylowercase', email, 'Password1234']) {
        const why = expectProblem(
          await change(here, { currentPassword: PASSWORD, newPassword: weak }),
          400,
          'weak-password',
        );
        expect(why.zh).toContain('至少 12 个字符');
        expect(why.en).toContain('At least 12 characters');
      }
      expectProblem(
        await change(here, { currentPassword: PASSWORD, newPassword: PASSWORD }),
        400,
        'password-unchanged',
      );
      // Nothing was changed by the refusals.
      expect((await get('/api/me', elsewhere)).statusCode).toBe(200);

      // An API token cannot change the password it was issued under.
      expectProblem(
        await change(undefined, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, bearer),
        403,
        'password-needs-session',
      );
      expect((await change(here, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(
        204,
      );
      expect((await get('/api/me', here)).statusCode).toBe(200);
      expect((await get('/api/me', elsewhere)).statusCode).toBe(401);
      expect((await get('/api/me', undefined, bearer)).statusCode).toBe(401);
      await expect(signIn(h.app, email)).rejects.toThrow(/401/);
      await signIn(h.app, email, NEW_PASSWORD);
    });

    it('an administrator’s reset must be changed at next sign-in: other routes answer 403 until then', async () => {
      const email = 'reset@test.local';
      const id = await newUser(email);
      const reset = await h.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${id}`,
        headers: as(h.sessions.administrator),
        payload: { resetPassword: true },
      });
      const generated = reset.json<{ generatedPassword: string }>().generatedPassword;
      const session = await signIn(h.app, email, generated);
      const me = await get('/api/me', session);
      expect(me.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);
      expectProblem(await get('/api/plans', session), 403, 'password-change-required');
      expectProblem(
        await get(`/api/plans/${h.plan.planId}/dashboard`, session),
        403,
        'password-change-required',
      );
      expectProblem(
        await h.app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: as(session),
          payload: { name: 't' },
        }),
        403,
        'password-change-required',
      );
      expect((await get('/api/auth/password-policy', session)).statusCode).toBe(200);

      expect(
        (await change(session, { currentPassword: generated, newPassword: NEW_PASSWORD })).statusCode,
      ).toBe(204);
      expect((await get('/api/me', session)).json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(
        false,
      );
      expect((await get('/api/plans', session)).statusCode).toBe(200);
      const out = await h.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: as(session) });
      expect(out.statusCode).toBe(204);
    });

    it('administrators cannot set a weak password; generated passwords meet the policy', async () => {
      const weak = await h.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(h.sessions.administrator),
        payload: {
          email: 'weak@test.local',
          displayName: 'weak',
          roles: ['leader'],
          password: 'aaaaaaaaaaaa',
        },
      });
      expectProblem(weak, 400, 'weak-password');
      const made = await h.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(h.sessions.administrator),
        payload: { email: 'generated@test.local', displayName: 'generated', roles: ['leader'] },
      });
      const generated = made.json<{ generatedPassword: string }>().generatedPassword;
      const policy = await h.app.inject({ method: 'GET', url: '/api/auth/password-policy' });
      expect(generated.length).toBeGreaterThanOrEqual(policy.json<{ minLength: number }>().minLength);
      expect(
        new Set([/[a-z]/, /[A-Z]/, /\d/, /[-_]/].filter((c) => c.test(generated))).size,
      ).toBeGreaterThanOrEqual(2);
    });
  });
});

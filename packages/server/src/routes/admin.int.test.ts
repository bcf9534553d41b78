import { queryAudit, departmentIdsByName } from '@plantrack/db';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import {
  type Harness,
  OTHER_DEPT,
  OWN_DEPT,
  PASSWORD,
  type Session,
  as,
  makeHarness,
  signIn,
} from '../testing/harness.js';

type Owners = {
  indicatorId: string;
  indicatorKey: string;
  version: number;
  owners: { departmentId: string; departmentName: string; role: string; assignedBy: string }[];
};
type User = {
  id: string;
  email: string;
  roles: string[];
  departmentId: string | null;
  departmentName?: string | null;
  active: boolean;
};
type PeriodItem = { id: string; period: string; frequency: string; dueDate: string };

const AS_OF = '2028-02-15';

function expectProblem(res: LightMyRequestResponse, status: number, code?: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
  const body = res.json<{ code: string; messages: { zh: string; en: string } }>();
  if (code !== undefined) expect(body.code).toBe(code);
  expect(body.messages.zh).not.toBe('');
  expect(body.messages.en).not.toBe('');
}

forEachDialect((dialect, open) => {
  describe('administration: users, departments, indicator owners, reporting cycles', () => {
    let h: Harness;
    let ownDeptId: string;
    let otherDeptId: string;
    const inject = (
      session: Session | undefined,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: object,
      headers: Record<string, string> = {},
    ) =>
      h.app.inject({ method, url, headers: { ...as(session), ...headers }, ...(payload ? { payload } : {}) });
    const ownersOf = async (indicatorId: string): Promise<Owners> => {
      const res = await inject(
        h.sessions.planning_office,
        'GET',
        `/api/plans/${h.plan.planId}/indicator-owners`,
      );
      expect(res.statusCode).toBe(200);
      const found = res.json<Owners[]>().find((o) => o.indicatorId === indicatorId);
      if (found === undefined) throw new Error(`indicator ${indicatorId} is not listed`);
      return found;
    };
    const myPeriods = async (session: Session): Promise<PeriodItem[]> => {
      const res = await inject(session, 'GET', `/api/my/periods?asOf=${AS_OF}`);
      expect(res.statusCode).toBe(200);
      return res.json<PeriodItem[]>();
    };

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const ids = await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT, OTHER_DEPT]);
      ownDeptId = ids.get(OWN_DEPT) ?? '';
      otherDeptId = ids.get(OTHER_DEPT) ?? '';
      return async () => {
        await h.app.close();
      };
      // Seeding the sample plan and hashing seven passwords can be slow on a busy machine.
    }, 60_000);

    it('a department reporter gets 403 on every administration route', async () => {
      const s = h.sessions.department_reporter;
      const attempts = [
        inject(s, 'GET', '/api/admin/users'),
        inject(s, 'POST', '/api/admin/users', { email: 'x@test.local', displayName: 'x', roles: ['leader'] }),
        inject(s, 'PATCH', `/api/admin/users/${s.cookie.length}`, { active: false }),
        inject(s, 'POST', '/api/departments', { regionCode: '320412', canonicalName: '区测试局' }),
        inject(s, 'POST', `/api/departments/${ownDeptId}/aliases`, { alias: '区测试' }),
        inject(s, 'PUT', `/api/indicators/${h.ownIndicatorId}/owners`, { owners: [], expectedVersion: 1 }),
        inject(s, 'PUT', `/api/plans/${h.plan.planId}/reporting-cycles/indicator/x`, {
          frequency: 'monthly',
          dueMonthOffset: 0,
          dueDay: 10,
        }),
      ];
      for (const res of await Promise.all(attempts)) expectProblem(res, 403, 'forbidden');
    });

    it('seeds owners from configuration once, as records with who and when', async () => {
      const owners = await ownersOf(h.ownIndicatorId);
      expect(owners.version).toBe(1);
      expect(owners.owners).toEqual([
        expect.objectContaining({
          departmentId: ownDeptId,
          role: 'lead',
          assignedBy: 'config:indicatorOwners',
        }),
      ]);
      expect((await ownersOf(h.otherIndicatorId)).version).toBe(0);
    });

    it('replaces owners by alias (区发改局), moves "my" items, and refuses a stale version with 409', async () => {
      const before = await ownersOf(h.ownIndicatorId);
      const put = await inject(
        h.sessions.planning_office,
        'PUT',
        `/api/indicators/${h.ownIndicatorId}/owners`,
        {
          owners: [
            { department: '区发改局', role: 'lead' },
            { department: OWN_DEPT, role: 'co' },
          ],
        },
        { 'if-match': `"${before.version}"` },
      );
      expect(put.statusCode, put.body).toBe(200);
      expect(put.headers.etag).toBe(`"${before.version + 1}"`);
      const after = put.json<Owners>();
      expect(after.owners.map((o) => [o.departmentName, o.role])).toEqual([
        [OTHER_DEPT, 'lead'],
        [OWN_DEPT, 'co'],
      ]);
      // The other department now owes the indicator's periods; the own one still does (co).
      expect((await myPeriods(h.sessions.other_reporter)).some((p) => p.id === h.ownIndicatorId)).toBe(true);
      expect((await myPeriods(h.sessions.department_reporter)).some((p) => p.id === h.ownIndicatorId)).toBe(
        true,
      );

      const stale = await inject(
        h.sessions.administrator,
        'PUT',
        `/api/indicators/${h.ownIndicatorId}/owners`,
        { owners: [{ department: OWN_DEPT, role: 'lead' }], expectedVersion: before.version },
      );
      expectProblem(stale, 409, 'stale-revision');
      expect(stale.json<{ currentRevision: number }>().currentRevision).toBe(before.version + 1);

      const audit = await queryAudit(h.app.plantrack.db, { action: 'indicator_owners.set', limit: 5 });
      expect(audit[0]?.detail).toMatchObject({ version: before.version + 1 });
    });

    it('names an unknown department in zh and en (400), and asks for a version (428)', async () => {
      const { version } = await ownersOf(h.otherIndicatorId);
      const res = await inject(
        h.sessions.planning_office,
        'PUT',
        `/api/indicators/${h.otherIndicatorId}/owners`,
        { owners: [{ department: '区不存在局', role: 'lead' }], expectedVersion: version },
      );
      expectProblem(res, 400, 'unknown-department');
      const body = res.json<{ messages: { zh: string; en: string } }>();
      expect(body.messages.zh).toContain('区不存在局');
      expect(body.messages.en).toContain('区不存在局');
      const missing = await inject(
        h.sessions.planning_office,
        'PUT',
        `/api/indicators/${h.otherIndicatorId}/owners`,
        {
          owners: [],
        },
      );
      expectProblem(missing, 428, 'version-required');
    });

    it('removing a department from the owners takes its write access away', async () => {
      const { version } = await ownersOf(h.ownIndicatorId);
      const put = await inject(
        h.sessions.planning_office,
        'PUT',
        `/api/indicators/${h.ownIndicatorId}/owners`,
        {
          owners: [{ department: otherDeptId, role: 'lead' }],
          expectedVersion: version,
        },
      );
      expect(put.statusCode, put.body).toBe(200);
      const write = (session: Session) =>
        inject(session, 'POST', '/api/observations', {
          indicatorId: h.ownIndicatorId,
          period: '2027',
          action: 'save_draft',
          expectedRevision: 0,
          values: { value: 1 },
        });
      expectProblem(await write(h.sessions.department_reporter), 403);
      expect((await write(h.sessions.other_reporter)).statusCode).toBe(201);
    });

    it('lists departments with aliases, registers one, adds an alias that then resolves', async () => {
      const list = await inject(h.sessions.reviewer, 'GET', `/api/departments?planId=${h.plan.planId}`);
      expect(list.statusCode).toBe(200);
      const ndrc = list
        .json<{ canonicalName: string; aliases: string[] }[]>()
        .find((d) => d.canonicalName === OTHER_DEPT);
      expect(ndrc?.aliases).toContain('区发改局');
      expectProblem(await inject(h.sessions.public, 'GET', '/api/departments'), 403);

      const created = await inject(h.sessions.planning_office, 'POST', '/api/departments', {
        regionCode: '320412',
        canonicalName: '区档案馆',
        aliases: ['区档案局'],
      });
      expect(created.statusCode, created.body).toBe(201);
      const dept = created.json<{ id: string; known: boolean; aliases: string[] }>();
      expect(dept).toMatchObject({ known: true, aliases: ['区档案局'] });
      expectProblem(
        await inject(h.sessions.administrator, 'POST', '/api/departments', {
          regionCode: '320412',
          canonicalName: '区档案局',
        }),
        409,
        'duplicate',
      );
      expectProblem(
        await inject(h.sessions.administrator, 'POST', `/api/departments/${dept.id}/aliases`, {
          alias: '区发改局',
        }),
        409,
        'duplicate',
      );
      const alias = await inject(h.sessions.administrator, 'POST', `/api/departments/${dept.id}/aliases`, {
        alias: '档案馆',
      });
      expect(alias.json<{ aliases: string[] }>().aliases).toEqual(['区档案局', '档案馆']);

      const { version } = await ownersOf(h.otherIndicatorId);
      const put = await inject(
        h.sessions.planning_office,
        'PUT',
        `/api/indicators/${h.otherIndicatorId}/owners`,
        {
          owners: [{ department: '档案馆', role: 'lead' }],
          expectedVersion: version,
        },
      );
      expect(put.json<Owners>().owners[0]).toMatchObject({
        departmentId: dept.id,
        departmentName: '区档案馆',
      });
    });

    it('sets a reporting cycle by key; the owed periods follow', async () => {
      const { indicatorKey } = await ownersOf(h.ownIndicatorId);
      const url = `/api/plans/${h.plan.planId}/reporting-cycles/indicator/${encodeURIComponent(indicatorKey)}`;
      const put = await inject(h.sessions.planning_office, 'PUT', url, {
        frequency: 'quarterly',
        dueMonthOffset: 1,
        dueDay: 20,
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ id: h.ownIndicatorId, frequency: 'quarterly', explicit: true });
      const owed = (await myPeriods(h.sessions.other_reporter)).filter((p) => p.id === h.ownIndicatorId);
      expect(owed.map((p) => p.period)).toContain('2027Q4');
      expect(owed.find((p) => p.period === '2027Q4')?.dueDate).toBe('2028-01-20');

      const list = await inject(h.sessions.leader, 'GET', `/api/plans/${h.plan.planId}/reporting-cycles`);
      const body = list.json<{
        default: { frequency: string };
        items: { id: string; explicit: boolean }[];
      }>();
      expect(body.default.frequency).toBe('annual');
      expect(body.items.filter((i) => i.explicit).map((i) => i.id)).toEqual([h.ownIndicatorId]);
      const taskKey = await h.app.plantrack.db
        .selectFrom('tasks')
        .select('task_key')
        .where('id', '=', h.ownTaskId)
        .executeTakeFirstOrThrow();
      const task = await inject(
        h.sessions.administrator,
        'PUT',
        `/api/plans/${h.plan.planId}/reporting-cycles/task/${encodeURIComponent(taskKey.task_key)}`,
        { frequency: 'monthly', dueMonthOffset: 0, dueDay: 31 },
      );
      expect(task.json()).toMatchObject({ id: h.ownTaskId, subjectKind: 'task', frequency: 'monthly' });
      expectProblem(
        await inject(
          h.sessions.planning_office,
          'PUT',
          `/api/plans/${h.plan.planId}/reporting-cycles/indicator/nope`,
          {
            frequency: 'annual',
            dueMonthOffset: 3,
            dueDay: 31,
          },
        ),
        404,
      );
      expectProblem(
        await inject(h.sessions.planning_office, 'PUT', url, { frequency: 'weekly' }),
        400,
        'validation',
      );
    });

    it("takes a user's department by name or alias, as the owners routes do; an unknown name is a zh/en 400", async () => {
      const created = await inject(h.sessions.administrator, 'POST', '/api/admin/users', {
        email: 'named.dept@test.local',
        displayName: '按名称指定单位',
        roles: ['department_reporter'],
        department: OTHER_DEPT,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user } = created.json<{ user: User }>();
      expect(user).toMatchObject({ departmentId: otherDeptId, departmentName: OTHER_DEPT });
      // departmentId also takes a name (the request the office first tried); an alias works too.
      const alias = await inject(
        h.sessions.administrator,
        'POST',
        `/api/departments/${otherDeptId}/aliases`,
        {
          alias: '区发改委（用户）',
        },
      );
      expect(alias.statusCode, alias.body).toBe(201);
      const moved = await inject(h.sessions.administrator, 'PATCH', `/api/admin/users/${user.id}`, {
        departmentId: OWN_DEPT,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<{ user: User }>().user.departmentName).toBe(OWN_DEPT);
      const back = await inject(h.sessions.administrator, 'PATCH', `/api/admin/users/${user.id}`, {
        department: '区发改委（用户）',
        active: false, // out of the way of the reporter counts below
      });
      expect(back.json<{ user: User }>().user.departmentId).toBe(otherDeptId);

      const unknown = await inject(h.sessions.administrator, 'POST', '/api/admin/users', {
        email: 'unknown.dept@test.local',
        displayName: 'x',
        roles: ['department_reporter'],
        department: '区不存在局',
      });
      expectProblem(unknown, 400, 'unknown-department');
      const body = unknown.json<{ messages: { zh: string; en: string } }>();
      expect(body.messages.zh).toContain('未找到单位“区不存在局”');
      expect(body.messages.en).toContain('Unknown department "区不存在局"');
    });

    it('creates users (generated password shown once), lists and filters them', async () => {
      const created = await inject(h.sessions.administrator, 'POST', '/api/admin/users', {
        email: 'New.Reporter@Test.Local',
        displayName: '新填报员',
        roles: ['department_reporter'],
        departmentId: otherDeptId,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user, generatedPassword } = created.json<{ user: User; generatedPassword: string }>();
      expect(user).toMatchObject({
        email: 'new.reporter@test.local',
        departmentId: otherDeptId,
        active: true,
      });
      expect(generatedPassword).toMatch(/^[\w-]{16}$/);
      await signIn(h.app, 'new.reporter@test.local', generatedPassword);

      const audit = await queryAudit(h.app.plantrack.db, { entity: 'user', entityId: user.id });
      expect(JSON.stringify(audit)).not.toContain(generatedPassword);
      expect(JSON.stringify(audit)).not.toContain('argon2');

      expectProblem(
        await inject(h.sessions.administrator, 'POST', '/api/admin/users', {
          email: 'nodept@test.local',
          displayName: 'x',
          roles: ['department_reporter'],
        }),
        400,
        'department-required',
      );
      expectProblem(
        await inject(h.sessions.administrator, 'POST', '/api/admin/users', {
          email: 'new.reporter@test.local',
          displayName: 'x',
          roles: ['leader'],
          password: PASSWORD,
        }),
        409,
        'duplicate',
      );
      const reporters = await inject(
        h.sessions.administrator,
        'GET',
        `/api/admin/users?role=department_reporter&department=${otherDeptId}&active=true&pageSize=1`,
      );
      const page = reporters.json<{ items: User[]; total: number; pageSize: number }>();
      expect(page.total).toBe(2);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]?.roles).toEqual(['department_reporter']);
      expect(JSON.stringify(page)).not.toContain('passwordHash');
      expectProblem(await inject(h.sessions.planning_office, 'GET', '/api/admin/users'), 403);
    });

    it('deactivating a user signs them out; a reset password is returned once and works', async () => {
      const list = await inject(h.sessions.administrator, 'GET', '/api/admin/users?role=leader');
      const leader = list.json<{ items: User[] }>().items[0];
      if (leader === undefined) throw new Error('no leader');
      const session = await signIn(h.app, leader.email);
      expect((await inject(session, 'GET', '/api/me')).statusCode).toBe(200);
      const off = await inject(h.sessions.administrator, 'PATCH', `/api/admin/users/${leader.id}`, {
        active: false,
      });
      expect(off.json<{ user: User }>().user.active).toBe(false);
      expectProblem(await inject(session, 'GET', '/api/me'), 401);
      await expect(signIn(h.app, leader.email)).rejects.toThrow(/401/);

      const on = await inject(h.sessions.administrator, 'PATCH', `/api/admin/users/${leader.id}`, {
        active: true,
        resetPassword: true,
      });
      const { generatedPassword } = on.json<{ generatedPassword: string }>();
      await expect(signIn(h.app, leader.email)).rejects.toThrow(/401/);
      const renewed = await signIn(h.app, leader.email, generatedPassword);
      expect((await inject(renewed, 'GET', '/api/me')).statusCode).toBe(200);
      const reset = await inject(h.sessions.administrator, 'PATCH', `/api/admin/users/${leader.id}`, {
        password: PASSWORD,
      });
      expect(reset.json<{ generatedPassword: string | null }>().generatedPassword).toBeNull();
      // A password replaced by an administrator ends the user's sessions.
      expectProblem(await inject(renewed, 'GET', '/api/me'), 401);
      const audit = await queryAudit(h.app.plantrack.db, { entityId: leader.id, action: 'user.updated' });
      expect(audit[0]?.detail).toMatchObject({ passwordReset: true });
      expect(JSON.stringify(audit)).not.toContain(generatedPassword);
      expectProblem(
        await inject(h.sessions.administrator, 'PATCH', `/api/admin/users/${leader.id}`, {
          roles: ['department_reporter'],
        }),
        400,
        'department-required',
      );
      expectProblem(
        await inject(h.sessions.administrator, 'PATCH', '/api/admin/users/nobody', { active: true }),
        404,
      );
    });

    it('the last active administrator can be neither demoted nor deactivated (409)', async () => {
      const me = (await inject(h.sessions.administrator, 'GET', '/api/me')).json<{ id: string }>();
      const patch = (session: Session, id: string, body: object) =>
        inject(session, 'PATCH', `/api/admin/users/${id}`, body);
      expectProblem(
        await patch(h.sessions.administrator, me.id, { roles: ['planning_office'] }),
        409,
        'last-administrator',
      );
      expectProblem(
        await patch(h.sessions.administrator, me.id, { active: false }),
        409,
        'last-administrator',
      );

      const second = await inject(h.sessions.administrator, 'POST', '/api/admin/users', {
        email: 'second.admin@test.local',
        displayName: '第二管理员',
        roles: ['administrator'],
        password: PASSWORD,
      });
      const secondId = second.json<{ user: User }>().user.id;
      const secondSession = await signIn(h.app, 'second.admin@test.local');
      const demoted = await patch(secondSession, me.id, { roles: ['planning_office'] });
      expect(demoted.statusCode, demoted.body).toBe(200);
      // Now the second administrator is the last one, whoever asks.
      expectProblem(await patch(secondSession, secondId, { active: false }), 409, 'last-administrator');
      const restored = await patch(secondSession, me.id, { roles: ['administrator'] });
      expect(restored.statusCode).toBe(200);
    });
  });
});

import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { OTHER_DEPT, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

type Dept = {
  id: string;
  canonicalName: string;
  aliases: string[];
  active: boolean;
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  usage: { indicators: number; tasks: number; users: number };
};

forEachDialect((dialect, open) => {
  it('the department registry: add with a contact, rename, deactivate, merge a duplicate — audited', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    const office = as(s.planning_office);
    const list = async () =>
      (await app.inject({ url: `/api/departments?planId=${h.plan.planId}`, headers: office })).json<Dept[]>();
    const byName = async (name: string) => (await list()).find((d) => d.canonicalName === name);
    try {
      // Usage: the reporter's department has its user and its task.
      const own = await byName(OWN_DEPT);
      expect(own?.usage.users).toBe(1);
      expect(own?.usage.tasks).toBeGreaterThan(0);
      expect(own?.active).toBe(true);

      // Add, region taken from the plan, with a contact person.
      const created = await app.inject({
        method: 'POST',
        url: '/api/departments',
        headers: office,
        payload: {
          planId: h.plan.planId,
          canonicalName: '区数字经济测试办',
          contact: { name: '王敏', phone: '0519-8680 1234', email: 'wangmin@example.cn' },
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const dup = created.json<Dept>();
      expect(dup.contact).toEqual({ name: '王敏', phone: '0519-8680 1234', email: 'wangmin@example.cn' });
      expect(dup.usage).toEqual({ indicators: 0, tasks: 0, users: 0 });

      // A bad e-mail or phone is refused with a message, nothing stored.
      const bad = await app.inject({
        method: 'PATCH',
        url: `/api/departments/${dup.id}`,
        headers: office,
        payload: { contact: { name: 'x', phone: 'call me', email: 'not-an-email' } },
      });
      expect(bad.statusCode).toBe(400);
      expect((await byName('区数字经济测试办'))?.contact?.email).toBe('wangmin@example.cn');

      // Rename: the old name stays an alias; a name held by another department is a conflict.
      const renamed = await app.inject({
        method: 'PATCH',
        url: `/api/departments/${dup.id}`,
        headers: office,
        payload: { canonicalName: '区数字经济测试局' },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json<Dept>()).toMatchObject({
        canonicalName: '区数字经济测试局',
        aliases: ['区数字经济测试办'],
      });
      const taken = await app.inject({
        method: 'PATCH',
        url: `/api/departments/${dup.id}`,
        headers: office,
        payload: { canonicalName: OTHER_DEPT },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.body).toContain(OTHER_DEPT);

      // Deactivate and reactivate.
      const off = await app.inject({
        method: 'PATCH',
        url: `/api/departments/${dup.id}`,
        headers: office,
        payload: { active: false },
      });
      expect(off.json<Dept>().active).toBe(false);
      // A deactivated department takes no new user and no new owned item, by name or by id (409).
      const refusedUser = await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(s.administrator),
        payload: {
          email: 'retired@test.local',
          displayName: '停用单位用户',
          roles: ['department_reporter'],
          department: '区数字经济测试局',
        },
      });
      expect(refusedUser.statusCode, refusedUser.body).toBe(409);
      expect(refusedUser.json<{ code: string }>().code).toBe('department-inactive');
      expect(refusedUser.body).toContain('已停用');
      expect(refusedUser.body).toContain('is deactivated');
      const refusedOwner = await app.inject({
        method: 'PUT',
        url: `/api/indicators/${h.otherIndicatorId}/owners`,
        headers: office,
        payload: { owners: [{ department: dup.id, role: 'lead' }], expectedVersion: 0 },
      });
      expect(refusedOwner.statusCode, refusedOwner.body).toBe(409);
      const refusedTask = await app.inject({
        method: 'PUT',
        url: `/api/tasks/${h.otherTaskId}/owners`,
        headers: office,
        payload: { owners: [{ department: '区数字经济测试局', role: 'lead' }] },
      });
      expect(refusedTask.statusCode, refusedTask.body).toBe(409);
      expect((await byName('区数字经济测试局'))?.usage).toEqual({ indicators: 0, tasks: 0, users: 0 });
      const on = await app.inject({
        method: 'PATCH',
        url: `/api/departments/${dup.id}`,
        headers: office,
        payload: { active: true },
      });
      expect(on.json<Dept>().active).toBe(true);

      // Give the duplicate a user, an indicator and a task (as co-lead), then merge it away.
      const user = await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(s.administrator),
        payload: {
          email: 'dup@test.local',
          displayName: '合并用户',
          roles: ['department_reporter'],
          department: '区数字经济测试局',
        },
      });
      expect(user.statusCode, user.body).toBe(201);
      const userId = user.json<{ user: { id: string } }>().user.id;
      const owners = await app.inject({
        method: 'PUT',
        url: `/api/indicators/${h.otherIndicatorId}/owners`,
        headers: office,
        payload: {
          owners: [
            { department: '区数字经济测试局', role: 'lead' },
            { department: OTHER_DEPT, role: 'co' },
          ],
          expectedVersion: 0,
        },
      });
      expect(owners.statusCode, owners.body).toBe(200);
      const task = await app.inject({
        method: 'PUT',
        url: `/api/tasks/${h.otherTaskId}/owners`,
        headers: office,
        payload: {
          owners: [
            { department: OTHER_DEPT, role: 'lead' },
            { department: '区数字经济测试局', role: 'co_lead' },
          ],
        },
      });
      expect(task.statusCode, task.body).toBe(200);
      expect((await byName('区数字经济测试局'))?.usage).toEqual({ indicators: 1, tasks: 1, users: 1 });
      const otherBefore = (await byName(OTHER_DEPT))?.usage;

      const otherId = (await byName(OTHER_DEPT))?.id ?? '';
      const self = await app.inject({
        method: 'POST',
        url: `/api/departments/${dup.id}/merge`,
        headers: office,
        payload: { into: dup.id },
      });
      expect(self.statusCode).toBe(400);
      const forbidden = await app.inject({
        method: 'POST',
        url: `/api/departments/${dup.id}/merge`,
        headers: as(s.department_reporter),
        payload: { into: otherId },
      });
      expect(forbidden.statusCode).toBe(403);

      const merged = await app.inject({
        method: 'POST',
        url: `/api/departments/${dup.id}/merge`,
        headers: office,
        payload: { into: otherId },
      });
      expect(merged.statusCode, merged.body).toBe(200);
      const result = merged.json<{ kept: Dept; moved: Record<string, unknown> }>();
      expect(result.moved).toMatchObject({ indicatorOwners: 1, taskOwners: 1, users: 1 });
      expect(result.kept.aliases).toEqual(expect.arrayContaining(['区数字经济测试局', '区数字经济测试办']));
      expect(await byName('区数字经济测试局')).toBeUndefined();
      // Everything pointing at the merged department now points at the kept one.
      expect(result.kept.usage.users).toBe((otherBefore?.users ?? 0) + 1);
      const movedUser = await app.inject({
        url: '/api/admin/users?active=true',
        headers: as(s.administrator),
      });
      expect(
        movedUser
          .json<{ items: { id: string; departmentName: string }[] }>()
          .items.find((u) => u.id === userId)?.departmentName,
      ).toBe(OTHER_DEPT);
      const indicatorOwners = await app.inject({
        url: `/api/plans/${h.plan.planId}/indicator-owners`,
        headers: office,
      });
      const row = indicatorOwners
        .json<{ indicatorId: string; owners: { departmentName: string; role: string }[] }[]>()
        .find((r) => r.indicatorId === h.otherIndicatorId);
      // The kept department was co-owner; the merged lead role wins, and there is one row, not two.
      expect(row?.owners).toEqual([expect.objectContaining({ departmentName: OTHER_DEPT, role: 'lead' })]);
      // A name of the merged department now finds the kept one.
      const byAlias = await app.inject({
        method: 'PUT',
        url: `/api/tasks/${h.ownTaskId}/owners`,
        headers: office,
        payload: { owners: [{ department: '区数字经济测试办', role: 'lead' }] },
      });
      expect(byAlias.json<{ owners: { name: string }[] }>().owners[0]?.name).toBe(OTHER_DEPT);

      const audit = await app.inject({ url: '/api/audit?entityId=' + dup.id, headers: office });
      const actions = audit.json<{ action: string; actorName: string }[]>().map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'department.created',
          'department.renamed',
          'department.deactivated',
          'department.reactivated',
          'department.merged_away',
        ]),
      );
    } finally {
      await app.close();
    }
  });
});

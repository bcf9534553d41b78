import { departmentIdsByName } from '@plantrack/db';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { OTHER_DEPT, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

type Task = { id: string; owners: { departmentId: string; name: string; role: string }[] };

forEachDialect((dialect, open) => {
  it('PUT /api/tasks/:id/owners sets lead and co-lead departments by name or id, audited', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    const put = (session: typeof s.planning_office, owners: unknown) =>
      app.inject({
        method: 'PUT',
        url: `/api/tasks/${h.otherTaskId}/owners`,
        headers: as(session),
        payload: { owners },
      });
    try {
      const ids = await departmentIdsByName(app.plantrack.db, [OWN_DEPT, OTHER_DEPT]);
      const mine = async () =>
        (await app.inject({ url: '/api/my/items', headers: as(s.other_reporter) }))
          .json<{ tasks: { id: string }[] }[]>()[0]
          ?.tasks.map((t) => t.id) ?? [];
      expect(await mine()).toContain(h.otherTaskId);

      // By name: the task moves to the other department alone; its reporters lose it.
      const moved = await put(s.planning_office, [{ department: OWN_DEPT, role: 'lead' }]);
      expect(moved.statusCode, moved.body).toBe(200);
      expect(await mine()).not.toContain(h.otherTaskId);
      // By id and by name, lead and co-lead.
      const res = await put(s.planning_office, [
        { department: ids.get(OTHER_DEPT), role: 'lead' },
        { department: OWN_DEPT, role: 'co_lead' },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Task>().owners).toEqual([
        { departmentId: ids.get(OTHER_DEPT), name: OTHER_DEPT, role: 'lead' },
        { departmentId: ids.get(OWN_DEPT), name: OWN_DEPT, role: 'co_lead' },
      ]);
      expect(await mine()).toContain(h.otherTaskId);

      const audit = await app.inject({
        url: `/api/audit?action=task.owners.set&entityId=${h.otherTaskId}`,
        headers: as(s.planning_office),
      });
      const [entry] =
        audit.json<{ actorName: string; detail: { after: { name: string; role: string }[] } }[]>();
      expect(entry?.actorName).toBe('planning_office');
      expect(entry?.detail.after).toEqual([
        expect.objectContaining({ name: OTHER_DEPT, role: 'lead' }),
        expect.objectContaining({ name: OWN_DEPT, role: 'co_lead' }),
      ]);

      const unknown = await put(s.planning_office, [{ department: '区不存在局', role: 'lead' }]);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('区不存在局');
      const noLead = await put(s.planning_office, [{ department: OTHER_DEPT, role: 'co_lead' }]);
      expect(noLead.statusCode).toBe(400);
      expect((await put(s.department_reporter, [{ department: OWN_DEPT, role: 'lead' }])).statusCode).toBe(
        403,
      );
      const missing = await app.inject({
        method: 'PUT',
        url: '/api/tasks/nope/owners',
        headers: as(s.planning_office),
        payload: { owners: [{ department: OWN_DEPT, role: 'lead' }] },
      });
      expect(missing.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

import { departmentIdsByName, listTasks } from '@plantrack/db';
import type { IndicatorOwners, OwnerSuggestion } from '@plantrack/api';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { OTHER_DEPT, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

type AuditRow = {
  action: string;
  entityId: string;
  actorName: string;
  detail: { after: { name: string }[] };
};

forEachDialect((dialect, open) => {
  it('suggests owners for unowned indicators only, for office roles; a bulk change is one transaction, audited per item', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    const planId = h.plan.planId;
    const owners = async () =>
      (
        await app.inject({ url: `/api/plans/${planId}/indicator-owners`, headers: as(s.planning_office) })
      ).json<IndicatorOwners[]>();
    const bulk = (payload: Record<string, unknown>, session = s.planning_office) =>
      app.inject({ method: 'PUT', url: `/api/plans/${planId}/owners`, headers: as(session), payload });
    try {
      const res = await app.inject({
        url: `/api/plans/${planId}/owner-suggestions`,
        headers: as(s.planning_office),
      });
      expect(res.statusCode, res.body).toBe(200);
      const suggestions = res.json<OwnerSuggestion[]>();
      // The harness assigns the first indicator (GDP); the other 26 have no owner and all get a proposal.
      expect(suggestions.map((x) => x.indicatorId)).not.toContain(h.ownIndicatorId);
      expect(suggestions).toHaveLength(26);
      const revenue = suggestions.find((x) => x.indicatorName === '一般公共预算收入');
      const ids = await departmentIdsByName(app.plantrack.db, [OWN_DEPT, OTHER_DEPT]);
      expect(revenue?.suggestion).toMatchObject({ basis: 'remit', departmentName: OWN_DEPT, exists: true });
      expect(revenue?.suggestion.departmentId).toBe(ids.get(OWN_DEPT));
      const doctors = suggestions.find((x) => x.indicatorName.startsWith('执业'));
      expect(doctors?.suggestion).toMatchObject({
        departmentName: '区卫生健康局',
        exists: false,
        departmentId: null,
      });
      for (const who of [s.department_reporter, s.reviewer, s.leader]) {
        expect(
          (await app.inject({ url: `/api/plans/${planId}/owner-suggestions`, headers: as(who) })).statusCode,
        ).toBe(403);
      }

      // A stale version in the batch: nothing of the batch is written.
      const pm = suggestions.find((x) => x.indicatorName.includes('PM2.5'));
      const task = (await listTasks(app.plantrack.db, planId)).find((t) => t.taskId === h.otherTaskId);
      const stale = await bulk({
        indicators: [
          {
            indicatorId: revenue?.indicatorId,
            expectedVersion: 0,
            owners: [{ department: OWN_DEPT, role: 'lead' }],
          },
          {
            indicatorId: pm?.indicatorId,
            expectedVersion: 7,
            owners: [{ department: OWN_DEPT, role: 'lead' }],
          },
        ],
      });
      expect(stale.statusCode, stale.body).toBe(409);
      expect((await owners()).find((o) => o.indicatorId === revenue?.indicatorId)?.owners).toEqual([]);
      const unknown = await bulk({
        indicators: [
          {
            indicatorId: revenue?.indicatorId,
            expectedVersion: 0,
            owners: [{ department: OWN_DEPT, role: 'lead' }],
          },
        ],
        tasks: [{ taskId: h.otherTaskId, owners: [{ department: '区不存在局', role: 'lead' }] }],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('区不存在局');
      expect((await owners()).find((o) => o.indicatorId === revenue?.indicatorId)?.version).toBe(0);
      expect((await bulk({ tasks: [] }, s.department_reporter)).statusCode).toBe(403);

      const ok = await bulk({
        indicators: [
          {
            indicatorId: revenue?.indicatorId,
            expectedVersion: 0,
            owners: [{ department: OWN_DEPT, role: 'lead' }],
          },
          {
            indicatorId: pm?.indicatorId,
            expectedVersion: 0,
            owners: [
              { department: '常州市武进生态环境局', role: 'lead' },
              { department: '区发改局', role: 'co' },
            ],
          },
        ],
        tasks: [
          {
            taskId: h.otherTaskId,
            owners: [
              { department: OWN_DEPT, role: 'lead' },
              { department: OTHER_DEPT, role: 'co' },
            ],
          },
        ],
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ indicators: 2, tasks: 1 });
      const after = await owners();
      expect(
        after.find((o) => o.indicatorId === pm?.indicatorId)?.owners.map((o) => [o.departmentName, o.role]),
      ).toEqual([
        ['常州市武进生态环境局', 'lead'],
        [OTHER_DEPT, 'co'],
      ]);
      expect(task?.owners.map((o) => o.canonicalName)).not.toEqual([OWN_DEPT, OTHER_DEPT]);
      const taskAfter = (await listTasks(app.plantrack.db, planId)).find((t) => t.taskId === h.otherTaskId);
      expect(taskAfter?.owners.map((o) => [o.canonicalName, o.role])).toEqual([
        [OWN_DEPT, 'lead'],
        [OTHER_DEPT, 'co_lead'],
      ]);
      // Accepted indicators leave the suggestions.
      const left = (
        await app.inject({ url: `/api/plans/${planId}/owner-suggestions`, headers: as(s.planning_office) })
      ).json<OwnerSuggestion[]>();
      expect(left).toHaveLength(24);

      // One audit entry per item, with the actor's and the departments' names.
      const audit = (
        await app.inject({ url: `/api/audit?planId=${planId}&limit=20`, headers: as(s.planning_office) })
      ).json<AuditRow[]>();
      const mine = audit.filter((a) => a.action === 'indicator_owners.set' || a.action === 'task.owners.set');
      expect(mine.map((a) => a.entityId).sort()).toEqual(
        [revenue?.indicatorId, pm?.indicatorId, h.otherTaskId].sort(),
      );
      expect(mine.every((a) => a.actorName === 'planning_office')).toBe(true);
      expect(mine.find((a) => a.entityId === pm?.indicatorId)?.detail.after.map((x) => x.name)).toEqual([
        '常州市武进生态环境局',
        OTHER_DEPT,
      ]);
    } finally {
      await app.close();
    }
  });
});

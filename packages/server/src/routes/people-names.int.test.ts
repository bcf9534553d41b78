import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { OWN_DEPT, as, makeHarness } from '../testing/harness.js';

type Named = { createdBy: string; createdByName?: string | null; createdByDepartment?: string | null };

forEachDialect((dialect, open) => {
  it('histories, the review queue and the audit log name people and their departments', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    try {
      const submitted = await app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(s.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          action: 'submit',
          expectedRevision: 0,
          values: { value: 7.5 },
        },
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const { key } = submitted.json<{ key: string }>();

      const queue = await app.inject({ url: '/api/review/queue', headers: as(s.reviewer) });
      expect(queue.statusCode).toBe(200);
      expect(queue.json<unknown[]>()).toEqual([
        expect.objectContaining({
          key,
          submittedByName: 'department_reporter',
          submittedByDepartment: OWN_DEPT,
        }),
      ]);

      const approved = await app.inject({
        method: 'POST',
        url: `/api/observations/${encodeURIComponent(key)}/approve`,
        headers: as(s.reviewer),
        payload: { expectedRevision: 1 },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const history = await app.inject({
        url: `/api/observations/${encodeURIComponent(key)}/history`,
        headers: as(s.planning_office),
      });
      expect(history.statusCode).toBe(200);
      expect(history.json<Named[]>().map((r) => [r.createdByName, r.createdByDepartment])).toEqual([
        ['department_reporter', OWN_DEPT],
        ['reviewer', null],
      ]);

      const audit = await app.inject({
        url: `/api/audit?entity=observation&entityId=${encodeURIComponent(key)}`,
        headers: as(s.planning_office),
      });
      expect(audit.statusCode).toBe(200);
      const rows =
        audit.json<{ actor: string; actorName: string | null; actorDepartment: string | null }[]>();
      expect(rows.map((r) => r.actorName).sort()).toEqual(['department_reporter', 'reviewer']);
      expect(rows.find((r) => r.actorName === 'department_reporter')?.actorDepartment).toBe(OWN_DEPT);
    } finally {
      await h.app.close();
    }
  });
});

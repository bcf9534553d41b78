import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

type Rev = { key: string; revisionNo: number; status: string; action: string; reason: string | null };

forEachDialect((dialect, open) => {
  it('ingest → submit → return → resubmit → approve → history → public view, over HTTP', async () => {
    const handle = await open();
    const h: Harness = await makeHarness(handle, dialect);
    const { app, sessions: s } = h;
    /** POST /api/observations for 2026, by default on the reporter's own indicator. */
    const writeObservation = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/observations',
        headers,
        payload: { indicatorId: h.ownIndicatorId, period: '2026', ...payload },
      });
    try {
      // Ingest: the planning office imports the outline again (same text: no new version).
      const plansRes = await app.inject({ method: 'GET', url: '/api/plans', headers: as(s.planning_office) });
      expect(plansRes.statusCode).toBe(200);
      expect(plansRes.json<{ id: string }[]>().map((p) => p.id)).toEqual([h.plan.planId]);

      // The reporter's queue holds their indicator and task.
      const mine = await app.inject({
        method: 'GET',
        url: '/api/my/items',
        headers: as(s.department_reporter),
      });
      expect(mine.statusCode).toBe(200);
      const items = mine.json<{ indicators: { id: string }[]; tasks: { id: string }[] }[]>()[0]!;
      expect(items.indicators.map((i) => i.id)).toEqual([h.ownIndicatorId]);
      expect(items.tasks.map((t) => t.id)).toContain(h.ownTaskId);

      // Reporter saves a draft, then submits a value and a progress report.
      const draft = await writeObservation(as(s.department_reporter), {
        action: 'save_draft',
        expectedRevision: 0,
        values: { value: 7.5 },
      });
      expect(draft.statusCode).toBe(201);
      const submitted = await writeObservation(
        { ...as(s.department_reporter), 'idempotency-key': 'flow-obs-submit-1' },
        { action: 'submit', expectedRevision: 1, values: { value: 75 } },
      );
      expect(submitted.statusCode).toBe(201);
      const obs = submitted.json<Rev>();
      expect(obs).toMatchObject({ revisionNo: 2, status: 'submitted' });
      const report = await app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(s.department_reporter),
        payload: {
          taskId: h.ownTaskId,
          period: '2026',
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative: '完成国资监管体制改革方案。' },
        },
      });
      expect(report.statusCode).toBe(201);
      const rep = report.json<Rev>();

      // The reviewer's queue shows both.
      const queue = await app.inject({ method: 'GET', url: '/api/review/queue', headers: as(s.reviewer) });
      expect(
        queue
          .json<{ key: string }[]>()
          .map((q) => q.key)
          .sort(),
      ).toEqual([obs.key, rep.key].sort());

      // The reviewer returns the value with a reason (a blank reason is refused) …
      const key = encodeURIComponent(obs.key);
      const noReason = await app.inject({
        method: 'POST',
        url: `/api/observations/${key}/return`,
        headers: as(s.reviewer),
        payload: { expectedRevision: 2, reason: '  ' },
      });
      expect(noReason.statusCode).toBe(400);
      const returned = await app.inject({
        method: 'POST',
        url: `/api/observations/${key}/return`,
        headers: as(s.reviewer),
        payload: { expectedRevision: 2, reason: '数值单位应为百分比，请核对。' },
      });
      expect(returned.statusCode).toBe(200);
      expect(returned.json<Rev>()).toMatchObject({ revisionNo: 3, status: 'returned' });

      // … the reporter corrects and resubmits; the reviewer approves, and the report too.
      const resubmitted = await writeObservation(as(s.department_reporter), {
        expectedRevision: 3,
        values: { value: 7.5, unit: '%' },
      });
      expect(resubmitted.statusCode).toBe(201);
      const approved = await app.inject({
        method: 'POST',
        url: `/api/observations/${key}/approve`,
        headers: as(s.reviewer),
        payload: { expectedRevision: 4 },
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json<Rev>().status).toBe('approved');
      const reportApproved = await app.inject({
        method: 'POST',
        url: `/api/progress-reports/${encodeURIComponent(rep.key)}/approve`,
        headers: as(s.reviewer),
        payload: { expectedRevision: 1 },
      });
      expect(reportApproved.statusCode).toBe(200);

      // History shows every revision.
      const history = await app.inject({
        method: 'GET',
        url: `/api/observations/${key}/history`,
        headers: as(s.reviewer),
      });
      expect(history.json<Rev[]>().map((r) => [r.revisionNo, r.action, r.status])).toEqual([
        [1, 'save_draft', 'draft'],
        [2, 'submit', 'submitted'],
        [3, 'return', 'returned'],
        [4, 'submit', 'submitted'],
        [5, 'approve', 'approved'],
      ]);
      expect(history.json<Rev[]>()[2]!.reason).toBe('数值单位应为百分比，请核对。');

      // Public: nothing until the planning office publishes; then only the approved value.
      const url = `/api/public/plans/${h.plan.planId}/indicators`;
      const before = await app.inject({ method: 'GET', url });
      expect(before.statusCode).toBe(200);
      expect(before.json<{ total: number }>().total).toBe(0);
      for (const id of [h.ownIndicatorId, h.otherIndicatorId]) {
        const pub = await app.inject({
          method: 'PATCH',
          url: `/api/indicators/${id}/publish`,
          headers: as(s.planning_office),
          payload: { published: true },
        });
        expect(pub.statusCode).toBe(200);
      }
      // A draft on the other (published) indicator must not leak.
      await writeObservation(as(s.planning_office), {
        indicatorId: h.otherIndicatorId,
        action: 'submit',
        expectedRevision: 0,
        values: { value: 230 },
      });
      const after = await app.inject({ method: 'GET', url });
      const body = after.json<{
        total: number;
        items: { id: string; values: { value: number | null }[] }[];
      }>();
      expect(body.total).toBe(2);
      expect(body.items.find((i) => i.id === h.ownIndicatorId)!.values.map((v) => v.value)).toEqual([7.5]);
      expect(body.items.find((i) => i.id === h.otherIndicatorId)!.values).toEqual([]);

      // The audit log recorded the flow.
      const audit = await app.inject({
        method: 'GET',
        url: `/api/audit?entity=observation&entityId=${key}`,
        headers: as(s.administrator),
      });
      expect(audit.json<{ action: string }[]>().map((a) => a.action)).toEqual([
        'observation.approve',
        'observation.submit',
        'observation.return',
        'observation.submit',
        'observation.save_draft',
      ]);
    } finally {
      await app.close();
    }
  });
});

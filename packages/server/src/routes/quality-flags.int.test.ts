import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { as, makeHarness } from '../testing/harness.js';

type Flag = { code: string; severity: string; message: { zh: string; en: string } };
type Rev = { key: string; revisionNo: number; qualityFlags?: Flag[] };

forEachDialect((dialect, open) => {
  it('stores data-quality flags with a submission and returns them on submit, in the queue and in history', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    // Indicator 2 of the sample plan: 一般公共预算收入（亿元）, target 218. Values are synthetic.
    const revenue = h.otherIndicatorId;
    const submit = (period: string, values: Record<string, unknown>, expectedRevision = 0) =>
      app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(s.planning_office),
        payload: { indicatorId: revenue, period, expectedRevision, values },
      });
    try {
      const ordinary = await submit('2026', { value: 210 });
      expect(ordinary.statusCode).toBe(201);
      expect(ordinary.json<Rev>().qualityFlags).toEqual([]);
      const approved = await app.inject({
        method: 'POST',
        url: `/api/observations/${encodeURIComponent(ordinary.json<Rev>().key)}/approve`,
        headers: as(s.reviewer),
        payload: { expectedRevision: 1 },
      });
      expect(approved.statusCode).toBe(200);

      // 万元 typed as 亿元: ten thousand times the target and the previous year.
      const slip = await submit('2027', { value: 2_160_000 }, 0);
      expect(slip.statusCode).toBe(201);
      const flags = slip.json<Rev>().qualityFlags ?? [];
      expect(flags.map((f) => f.code)).toEqual(['magnitude', 'jump']);
      expect(flags[0]?.message.zh).toContain('目标值 218');
      expect(flags[1]?.message.zh).toContain('2026年：210');

      const unit = await submit('2028', { value: 216, unit: '万元' });
      expect(unit.json<Rev>().qualityFlags?.map((f) => f.code)).toEqual(['unit-mismatch']);

      const queue = await app.inject({ method: 'GET', url: '/api/review/queue', headers: as(s.reviewer) });
      const items = queue.json<{ key: string; qualityFlags?: Flag[] }[]>();
      expect(items.find((i) => i.key === slip.json<Rev>().key)?.qualityFlags?.map((f) => f.code)).toEqual([
        'magnitude',
        'jump',
      ]);

      // A retried submission (same idempotency key) returns the first flags and stores nothing new.
      const retried = await app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: { ...as(s.planning_office), 'idempotency-key': 'retry-quality-0001' },
        payload: { indicatorId: revenue, period: '2029', expectedRevision: 0, values: { value: -1 } },
      });
      const again = await app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: { ...as(s.planning_office), 'idempotency-key': 'retry-quality-0001' },
        payload: { indicatorId: revenue, period: '2029', expectedRevision: 0, values: { value: -1 } },
      });
      expect(again.json<Rev>()).toEqual(retried.json<Rev>());
      expect(retried.json<Rev>().qualityFlags).toMatchObject([{ code: 'negative-value', severity: 'error' }]);

      const history = await app.inject({
        method: 'GET',
        url: `/api/observations/${encodeURIComponent(slip.json<Rev>().key)}/history`,
        headers: as(s.reviewer),
      });
      expect(history.json<Rev[]>()[0]?.qualityFlags?.map((f) => f.code)).toEqual(['magnitude', 'jump']);

      // Stored flags are part of the record: the table refuses to rewrite them.
      await expect(
        sql`update observation_quality_flags set flags_json = '[]'`.execute(h.app.plantrack.db),
      ).rejects.toThrow(/append-only/);
    } finally {
      await app.close();
    }
  });
});

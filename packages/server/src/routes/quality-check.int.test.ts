import { describe, expect, it } from 'vitest';
import type { QualityCheckResult, ReviewQueueItem } from '@plantrack/api';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { OWN_DEPT, as, makeHarness } from '../testing/harness.js';

type Rev = { key: string; revisionNo: number; qualityFlags?: { code: string; confirmed?: boolean }[] };

forEachDialect((dialect, open) => {
  describe('quality checks before submission', () => {
    it('warns about a value off by a power of ten from the history, and records the confirmation', async () => {
      // Indicator 2 of the sample plan: 一般公共预算收入（亿元）, target 218. Values are synthetic.
      const h = await makeHarness(await open(), dialect, (indicators) => ({
        indicatorOwners: { [indicators[1]?.indicatorKey ?? '']: [OWN_DEPT] },
      }));
      const { app, sessions: s } = h;
      const revenue = h.otherIndicatorId;
      try {
        for (const [period, value] of [
          ['2023', 180],
          ['2024', 195],
        ] as const) {
          const sent = await app.inject({
            method: 'POST',
            url: '/api/observations',
            headers: as(s.department_reporter),
            payload: { indicatorId: revenue, period, expectedRevision: 0, values: { value } },
          });
          expect(sent.statusCode).toBe(201);
          const approved = await app.inject({
            method: 'POST',
            url: `/api/observations/${encodeURIComponent(sent.json<Rev>().key)}/approve`,
            headers: as(s.reviewer),
            payload: { expectedRevision: 1 },
          });
          expect(approved.statusCode).toBe(200);
        }
        const check = (value: number, session = s.department_reporter) =>
          app.inject({
            method: 'POST',
            url: '/api/observations/check',
            headers: as(session),
            payload: { indicatorId: revenue, period: '2026', value },
          });
        const slip = await check(1950);
        expect(slip.statusCode).toBe(200);
        const flags = slip.json<QualityCheckResult>().flags;
        expect(flags.map((f) => f.code)).toEqual(['power-of-ten']);
        expect(flags[0]?.message.zh).toContain('2024：195');
        expect((await check(205)).json<QualityCheckResult>().flags).toEqual([]);
        // Checking writes nothing, and another department may not check this indicator.
        expect((await check(1950, s.other_reporter)).statusCode).toBe(403);
        const bad = await app.inject({
          method: 'POST',
          url: '/api/observations/check',
          headers: as(s.department_reporter),
          payload: { indicatorId: revenue, period: '2026年', value: 1 },
        });
        expect(bad.statusCode).toBe(400);

        // Submitted anyway, with the warning confirmed: the stored flag says so, for the reviewer too.
        const sent = await app.inject({
          method: 'POST',
          url: '/api/observations',
          headers: as(s.department_reporter),
          payload: {
            indicatorId: revenue,
            period: '2026',
            expectedRevision: 0,
            values: { value: 1950 },
            confirmedWarnings: ['power-of-ten'],
          },
        });
        expect(sent.statusCode).toBe(201);
        expect(sent.json<Rev>().qualityFlags).toEqual([
          expect.objectContaining({ code: 'power-of-ten', confirmed: true }),
        ]);
        const queue = await app.inject({ method: 'GET', url: '/api/review/queue', headers: as(s.reviewer) });
        const item = queue.json<ReviewQueueItem[]>().find((i) => i.key === sent.json<Rev>().key);
        expect(item?.qualityFlags).toEqual([
          expect.objectContaining({ code: 'power-of-ten', confirmed: true }),
        ]);

        // A correction of an approved value records its confirmed warning too.
        const key = encodeURIComponent(sent.json<Rev>().key);
        const ok = await app.inject({
          method: 'POST',
          url: `/api/observations/${key}/approve`,
          headers: as(s.reviewer),
          payload: { expectedRevision: 1 },
        });
        expect(ok.statusCode, ok.body).toBe(200);
        const corrected = await app.inject({
          method: 'POST',
          url: `/api/observations/${key}/correct`,
          headers: as(s.department_reporter),
          payload: {
            expectedRevision: 2,
            values: { value: 19500 },
            reason: '统计部门修订',
            confirmedWarnings: ['magnitude'],
          },
        });
        expect(corrected.statusCode, corrected.body).toBe(200);
        expect(corrected.json<Rev>().qualityFlags).toEqual([
          expect.objectContaining({ code: 'magnitude', confirmed: true }),
        ]);
      } finally {
        await app.close();
      }
    });
  });
});

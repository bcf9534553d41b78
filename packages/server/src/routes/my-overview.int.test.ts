import { beforeAll, describe, expect, it } from 'vitest';
import type { MyOverviewItem } from '@plantrack/api';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, OTHER_DEPT, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

forEachDialect((dialect, open) => {
  describe('GET /api/my/overview: every owned item, due or not', () => {
    let h: Harness;
    let own: string[];
    let foreign: string;

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect, (indicators) => {
        const key = (i: number) => indicators[i]?.indicatorKey ?? '';
        return { indicatorOwners: { [key(0)]: [OWN_DEPT], [key(1)]: [OWN_DEPT], [key(4)]: [OTHER_DEPT] } };
      });
      const ids = h.plan.indicatorIds;
      own = [ids[0] ?? '', ids[1] ?? ''];
      foreign = ids[4] ?? '';
      return async () => {
        await h.app.close();
      };
    });

    const overview = async (asOf: string): Promise<MyOverviewItem[]> => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/my/overview?asOf=${asOf}`,
        headers: as(h.sessions.department_reporter),
      });
      expect(res.statusCode).toBe(200);
      return res.json<MyOverviewItem[]>();
    };

    it('lists owned indicators before any period falls due, with the running period and the target', async () => {
      const periods = await h.app.inject({
        method: 'GET',
        url: '/api/my/periods?asOf=2026-06-15',
        headers: as(h.sessions.department_reporter),
      });
      expect(periods.json<unknown[]>()).toEqual([]);
      const items = await overview('2026-06-15');
      const indicators = items.filter((i) => i.kind === 'indicator');
      expect(new Set(indicators.map((i) => i.id))).toEqual(new Set(own));
      expect(indicators.map((i) => i.id)).not.toContain(foreign);
      for (const i of indicators) {
        expect(i.nextDue).toEqual({
          period: '2026',
          dueDate: '2027-03-31',
          overdue: false,
          kind: 'upcoming',
        });
        expect(i.target).not.toBeNull();
        expect(i.role).toBe('lead');
        expect(i.last).toBeNull();
      }
    });

    it('keeps a figure submitted outside a scheduled period (the base year) as the last value', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: own[0],
          period: '2025',
          action: 'submit',
          expectedRevision: 0,
          values: { value: 6.1 },
        },
      });
      expect(res.statusCode).toBe(201);
      const item = (await overview('2026-06-15')).find((i) => i.id === own[0]);
      expect(item?.last).toEqual(
        expect.objectContaining({ period: '2025', status: 'submitted', value: 6.1 }),
      );
    });

    it('names the oldest owed period once one falls due, overdue after its due date', async () => {
      const item = (await overview('2027-04-02')).find((i) => i.id === own[1]);
      expect(item?.nextDue).toEqual({ period: '2026', dueDate: '2027-03-31', overdue: true, kind: 'owed' });
    });

    it('refuses roles that own nothing', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/my/overview',
        headers: as(h.sessions.public),
      });
      expect([401, 403]).toContain(res.statusCode);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import type { PublicPlanDto } from '../services/dashboard/public-plans.service.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

forEachDialect((dialect, open) => {
  describe('public plan list', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
    });
    afterAll(async () => {
      await h.app.close();
    });

    const list = async (): Promise<PublicPlanDto[]> => {
      const res = await h.app.inject({ method: 'GET', url: '/api/public/plans' });
      expect(res.statusCode).toBe(200);
      return res.json<PublicPlanDto[]>();
    };
    const publish = async (published: boolean): Promise<void> => {
      const res = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.otherIndicatorId}/publish`,
        headers: as(h.sessions.planning_office),
        payload: { published },
      });
      expect(res.statusCode).toBe(200);
    };

    it('lists no plan while nothing is published', async () => {
      expect(await list()).toEqual([]);
    });

    it('lists a plan once one of its indicators is published, without sign-in, and drops it again', async () => {
      await publish(true);
      const plans = await list();
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatchObject({ id: h.plan.planId, publishedIndicators: 1 });
      expect(plans[0]?.title).toContain('武进区');
      await publish(false);
      expect(await list()).toEqual([]);
    });
  });
});

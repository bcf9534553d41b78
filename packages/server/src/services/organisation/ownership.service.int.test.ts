import { readFileSync } from 'node:fs';
import { changeStamp, listIndicatorOwnerSets, queryAudit } from '@plantrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../../db/src/testing/dialects.js';
import { SAMPLE_PLAN_PATH } from '../../../../db/src/testing/sample-plan.js';
import { type Harness, as, makeHarness } from '../../testing/harness.js';
import { CONFIG_SEED_ACTOR } from './ownership.service.js';

/**
 * Configured indicator owners are written when the app starts (and when a plan is imported), so
 * the reads that need owners — the dashboard, "my items", reporting status — never write.
 */
forEachDialect((dialect, open) => {
  describe('indicator owners from configuration', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
    });
    afterAll(async () => {
      await h.app.close();
    });

    it('are seeded at start-up, before any request reads them', async () => {
      const sets = await listIndicatorOwnerSets(h.app.plantrack.db, h.plan.planId);
      expect(sets.map((s) => s.updatedBy)).toEqual([CONFIG_SEED_ACTOR]);
      expect(sets[0]?.owners).toHaveLength(1);
    });

    it('leave the dashboard and the assessment reads without a write', async () => {
      const db = h.app.plantrack.db;
      const stampBefore = await changeStamp(db);
      const auditBefore = await queryAudit(db, { limit: 1000 });
      for (const url of [
        `/api/plans/${h.plan.planId}/dashboard`,
        `/api/public/plans/${h.plan.planId}/dashboard`,
        `/api/indicators/${h.ownIndicatorId}/assessment`,
      ]) {
        const res = await h.app.inject({ method: 'GET', url, headers: as(h.sessions.planning_office) });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
      expect(await changeStamp(db)).toBe(stampBefore);
      expect(await queryAudit(db, { limit: 1000 })).toEqual(auditBefore);
    });

    it('are seeded when a new plan is imported', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/plans/import',
        headers: as(h.sessions.planning_office),
        payload: {
          text: readFileSync(SAMPLE_PLAN_PATH, 'utf8'),
          fileName: 'copy.txt',
          planSlug: 'owners-copy',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { planId } = res.json<{ planId: string }>();
      expect(planId).not.toBe(h.plan.planId);
      const sets = await listIndicatorOwnerSets(h.app.plantrack.db, planId);
      expect(sets.map((s) => s.updatedBy)).toEqual([CONFIG_SEED_ACTOR]);
    });
  });
});

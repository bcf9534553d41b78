import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { samplePlan } from '../../testing/sample-plan.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import { editIndicator, linkIndicatorToParent, listFrameworkEdits } from './framework.repository.js';
import { listIndicators } from './plan-query.repository.js';
import { importPlanVersion } from './plan.repository.js';
import type { SearchAudience } from '../search/search-audience.js';
import { search } from '../search/search.repository.js';

/** A reader who may see every indexed row (the planning office). */
const ALL: SearchAudience = { unpublishedFramework: true, records: 'all' };

forEachDialect((_name, open) => {
  describe('framework edits', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    it('records who changed which field from what to what, re-parses the target and keeps the span', async () => {
      const { db } = handle;
      const [before] = (await listIndicators(db, seeded.planId)).filter((i) => i.seq === '4');
      if (before === undefined) throw new Error('indicator 4 missing');
      const result = await editIndicator(db, {
        indicatorVersionId: before.indicatorVersionId,
        expectedEditNo: 0,
        changes: { targetText: '50以上', unit: '件' },
        actor: 'office',
        reason: '与第十章“超50件”一致',
      });
      expect(result).toEqual({ editNo: 1, changedFields: ['target_text'] });
      const [after] = (await listIndicators(db, seeded.planId)).filter((i) => i.seq === '4');
      expect(after?.target).toMatchObject({ text: '50以上', op: '>=', value: 50 });
      expect(after?.source).toEqual(before.source);
      const edits = await listFrameworkEdits(db, 'indicator_version', before.indicatorVersionId);
      expect(edits).toEqual([
        expect.objectContaining({
          field: 'target_text',
          before_json: '"50"',
          after_json: '"50以上"',
          actor: 'office',
        }),
      ]);
      const hit = await search(db, '50以上', { audience: ALL, planId: seeded.planId, kinds: ['indicator'] });
      expect(hit.map((h) => h.id)).toContain(before.indicatorId);

      await expect(
        editIndicator(db, {
          indicatorVersionId: before.indicatorVersionId,
          expectedEditNo: 0,
          changes: { unit: '项' },
          actor: 'someone-else',
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await queryAudit(db, { action: 'indicator.edited' })).length).toBe(1);
    });

    it('links an indicator to the higher-level plan indicator it serves', async () => {
      const { db } = handle;
      const { text, model } = samplePlan();
      const city = await importPlanVersion(db, { planSlug: 'city-plan', model, text, actor: 'office' });
      const [cityGdp] = await listIndicators(db, city.planId);
      const districtGdp = seeded.indicatorIds[0] ?? '';
      await linkIndicatorToParent(db, {
        indicatorId: districtGdp,
        parentIndicatorId: cityGdp?.indicatorId ?? '',
        actor: 'office',
      });
      const [linked] = await listIndicators(db, seeded.planId);
      expect(linked?.parentIndicatorId).toBe(cityGdp?.indicatorId);
      await expect(
        linkIndicatorToParent(db, {
          indicatorId: districtGdp,
          parentIndicatorId: seeded.indicatorIds[1] ?? '',
          actor: 'office',
        }),
      ).rejects.toMatchObject({ code: 'invalid-input' });
    });
  });
});

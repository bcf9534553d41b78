import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { getAssessmentSettings, putAssessmentSettings } from './assessment-settings.repository.js';
import { queryAudit } from '../audit/audit.repository.js';
import {
  addReferenceValue,
  createReferenceSeries,
  linkIndicatorToSeries,
  linkedReferenceSeries,
  listReferenceSeries,
} from './reference-series.repository.js';

/** Synthetic figures only: these tests check storage rules, not statistics. */
const SOURCE = '测试用合成数据（非真实统计） / synthetic test data';

forEachDialect((_name, open) => {
  describe('reference series repository', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    it('keeps every value: a correction is a new revision, the newest is in force, history stays', async () => {
      const { db } = handle;
      const series = await createReferenceSeries(db, {
        planId: seeded.planId,
        key: 'city-average',
        name: '全市平均增长',
        kind: 'city-average',
        unit: '%',
        source: SOURCE,
        actor: 'office',
      });
      await addReferenceValue(db, { seriesId: series.id, period: '2026', value: 5.2, actor: 'office' });
      await expect(
        addReferenceValue(db, { seriesId: series.id, period: '2026', value: 5.4, actor: 'office' }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      const corrected = await addReferenceValue(db, {
        seriesId: series.id,
        period: '2026',
        value: 5.4,
        note: '正式数替换快报数',
        actor: 'office',
      });
      expect(corrected.revisionNo).toBe(2);
      await addReferenceValue(db, {
        seriesId: series.id,
        period: '2027',
        value: 5,
        estimated: true,
        actor: 'office',
      });

      const [listed] = await listReferenceSeries(db, seeded.planId);
      expect(listed?.values.map((v) => [v.period, v.value, v.revisionNo])).toEqual([
        ['2026', 5.4, 2],
        ['2027', 5, 1],
      ]);
      expect(listed?.superseded.map((v) => v.value)).toEqual([5.2]);
      await expect(sql`update reference_values set value = 0`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from reference_values`.execute(db)).rejects.toThrow(/append-only/);

      const actions = (await queryAudit(db, { entity: 'reference_series', entityId: series.id })).map(
        (a) => a.action,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          'reference_series.created',
          'reference_value.added',
          'reference_value.corrected',
        ]),
      );
    });

    it('refuses a duplicate key, an unknown series, a non-year period and a foreign plan’s series', async () => {
      const { db } = handle;
      const base = {
        planId: seeded.planId,
        name: '上级下达目标',
        kind: 'external-target' as const,
        actor: 'o',
      };
      await createReferenceSeries(db, { ...base, key: 'set-by-city' });
      await expect(createReferenceSeries(db, { ...base, key: 'set-by-city' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(createReferenceSeries(db, { ...base, planId: 'nope', key: 'x' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        addReferenceValue(db, { seriesId: 'nope', period: '2026', value: 1, actor: 'o' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const [series] = await listReferenceSeries(db, seeded.planId);
      await expect(
        addReferenceValue(db, { seriesId: series?.id ?? '', period: '2026Q1', value: 1, actor: 'o' }),
      ).rejects.toBeInstanceOf(InvalidInputError);
    });

    it('links an indicator by its stable key, replaces and removes the link, audited', async () => {
      const { db } = handle;
      const [first, second] = await listReferenceSeries(db, seeded.planId);
      const indicatorId = seeded.indicatorIds[0] ?? '';
      const linked = await linkIndicatorToSeries(db, { indicatorId, seriesId: first?.id ?? '', actor: 'o' });
      await linkIndicatorToSeries(db, { indicatorId, seriesId: second?.id ?? '', actor: 'o' });
      const byKey = await linkedReferenceSeries(db, seeded.planId);
      expect([...byKey.keys()]).toEqual([linked.indicatorKey]);
      expect(byKey.get(linked.indicatorKey)?.id).toBe(second?.id);
      await linkIndicatorToSeries(db, { indicatorId, seriesId: null, actor: 'o' });
      expect((await linkedReferenceSeries(db, seeded.planId)).size).toBe(0);
      const actions = (await queryAudit(db, { entity: 'indicator', entityId: indicatorId })).map(
        (a) => a.action,
      );
      // Newest first.
      expect(actions).toEqual([
        'reference_series.unlinked',
        'reference_series.linked',
        'reference_series.linked',
      ]);
    });

    it('stores the plan’s thresholds with optimistic concurrency', async () => {
      const { db } = handle;
      expect(await getAssessmentSettings(db, seeded.planId)).toBeUndefined();
      const first = await putAssessmentSettings(db, {
        planId: seeded.planId,
        thresholds: { id: 'a' },
        expectedRevision: 0,
        actor: 'o',
      });
      expect(first.revisionNo).toBe(1);
      await expect(
        putAssessmentSettings(db, {
          planId: seeded.planId,
          thresholds: { id: 'b' },
          expectedRevision: 0,
          actor: 'o',
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      await putAssessmentSettings(db, {
        planId: seeded.planId,
        thresholds: { id: 'c' },
        expectedRevision: 1,
        actor: 'o',
      });
      expect(await getAssessmentSettings(db, seeded.planId)).toMatchObject({
        thresholds: { id: 'c' },
        revisionNo: 2,
      });
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { seedSamplePlan } from '../../testing/seed.js';
import * as observations from './observation.repository.js';
import { prepareQualityInputs, qualityInputs, qualityInputsApart } from './quality-inputs.repository.js';

// The quality check reads its inputs in one joined statement (PostgreSQL) or two plain ones
// (SQLite): both forms must give the same answer, on both databases.
forEachDialect((name, open) => {
  describe('quality inputs', () => {
    let handle: DatabaseHandle;
    let indicatorId: string;

    beforeAll(async () => {
      handle = await open();
      indicatorId = (await seedSamplePlan(handle)).indicatorIds[3] ?? '';
      const { db } = handle;
      const approved = async (period: string, scope: string, value: number) => {
        const ref = { indicatorId, period, scope };
        const at = await observations.latest(db, ref);
        const submitted = await observations.submit(db, {
          ref,
          actor: 'reporter',
          expectedRevision: at?.revisionNo ?? 0,
          idempotencyKey: null,
          values: { value },
        });
        await observations.approve(db, {
          ref,
          actor: 'reviewer',
          expectedRevision: submitted.revisionNo,
          idempotencyKey: null,
        });
      };
      await approved('2025Q4', '', 10);
      await approved('2025Q4', '全区', 20);
      // A correction in force replaces the first approved value; a newer draft does not.
      const ref = { indicatorId, period: '2025Q4', scope: '' };
      const corrected = await observations.correctApproved(db, {
        ref,
        actor: 'reporter',
        expectedRevision: 2,
        idempotencyKey: null,
        values: { value: 11 },
        reason: 'typo',
      });
      await observations.approve(db, {
        ref,
        actor: 'reviewer',
        expectedRevision: corrected.revisionNo,
        idempotencyKey: null,
      });
      await approved('2025Q3', '', 5);
    });

    it('gives the indicator and the values in force of the compared period, joined or apart', async () => {
      const { db } = handle;
      const joined = await qualityInputs(db, indicatorId, '2025Q4');
      expect(joined.indicator?.name.length).toBeGreaterThan(0);
      expect(joined.previous).toEqual([
        { period: '2025Q4', scope: '', value: 11 },
        { period: '2025Q4', scope: '全区', value: 20 },
      ]);
      expect(await qualityInputsApart(db, indicatorId, '2025Q4')).toEqual(joined);
      const prepared = await prepareQualityInputs(db, indicatorId, '2025Q4');
      expect(await prepared(db)).toEqual(joined);
    });

    it('gives no values without a compared period or values, and nothing for an unknown indicator', async () => {
      const { db } = handle;
      for (const period of [null, '2024Q1']) {
        const joined = await qualityInputs(db, indicatorId, period);
        expect(joined.previous).toEqual([]);
        expect(joined.indicator).toBeDefined();
        expect(await qualityInputsApart(db, indicatorId, period)).toEqual(joined);
      }
      const none = { indicator: undefined, previous: [] };
      expect(await qualityInputs(db, 'no-such-indicator', '2025Q4')).toEqual(none);
      expect(await qualityInputsApart(db, 'no-such-indicator', '2025Q4')).toEqual(none);
    });
  });
});

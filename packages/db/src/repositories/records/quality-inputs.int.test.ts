import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { seedSamplePlan } from '../../testing/seed.js';
import { insertEvidenceFile, withdrawEvidenceFile } from '../evidence/evidence.repository.js';
import * as observations from './observation.repository.js';
import { prepareQualityInputs, qualityInputs, qualityInputsApart } from './quality-inputs.repository.js';
import { putReviewSettings } from './review-settings.repository.js';

// The quality check reads its inputs in one joined statement (PostgreSQL) or two plain ones
// (SQLite): both forms must give the same answer, on both databases, and read only the earlier
// periods of the observed period's shape (the only ones a rule compares with).
forEachDialect((name, open) => {
  describe('quality inputs', () => {
    let handle: DatabaseHandle;
    let indicatorId: string;
    let planId: string;

    beforeAll(async () => {
      handle = await open();
      const seeded = await seedSamplePlan(handle);
      indicatorId = seeded.indicatorIds[3] ?? '';
      planId = seeded.planId;
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
      // Other shapes and later periods, which no rule compares a quarter with.
      await approved('2025', '', 40);
      await approved('2025-12', '', 4);
      await approved('2025H2', '', 30);
      await approved('2026Q2', '', 12);
    });

    const refTo = (period: string, id = indicatorId) => ({
      indicatorId: id,
      period,
      observationKey: `${id}|${period}|`,
    });

    it('gives the indicator and the approved values in force of earlier quarters, joined or apart', async () => {
      const { db } = handle;
      const joined = await qualityInputs(db, refTo('2026Q1'));
      expect(joined.indicator?.name.length).toBeGreaterThan(0);
      // The jump rule picks 2025Q1 among them (none here); the history rules read them all.
      expect(joined.previous).toEqual([
        { period: '2025Q3', scope: '', value: 5 },
        { period: '2025Q4', scope: '', value: 11 },
        { period: '2025Q4', scope: '全区', value: 20 },
      ]);
      expect(joined.indicator?.evidence).toEqual({ required: false, attached: 0 });
      expect(await qualityInputsApart(db, refTo('2026Q1'))).toEqual(joined);
      const prepared = await prepareQualityInputs(db, refTo('2026Q1'));
      expect(await prepared(db)).toEqual(joined);
    });

    it('reads earlier periods of the observed shape only, and none for an unreadable period', async () => {
      const { db } = handle;
      const periods = async (period: string) => {
        const joined = await qualityInputs(db, refTo(period));
        expect(await qualityInputsApart(db, refTo(period))).toEqual(joined);
        return joined.previous.map((v) => v.period);
      };
      expect(await periods('2025Q4')).toEqual(['2025Q3']);
      expect(await periods('2026Q3')).toEqual(['2025Q3', '2025Q4', '2025Q4', '2026Q2']);
      expect(await periods('2026')).toEqual(['2025']);
      expect(await periods('2026-01')).toEqual(['2025-12']);
      expect(await periods('2026H1')).toEqual(['2025H2']);
      expect(await periods('2025')).toEqual([]);
      const unreadable = await qualityInputs(db, refTo('last year'));
      expect(unreadable.previous).toEqual([]);
      expect(unreadable.indicator).toBeDefined();
      expect(await qualityInputsApart(db, refTo('last year'))).toEqual(unreadable);
      const none = { indicator: undefined, previous: [] };
      expect(await qualityInputs(db, refTo('2026Q1', 'no-such-indicator'))).toEqual(none);
      expect(await qualityInputsApart(db, refTo('2026Q1', 'no-such-indicator'))).toEqual(none);
    });

    it('gives the plan’s evidence rule and counts the observation’s files in force, joined or apart', async () => {
      const { db } = handle;
      await putReviewSettings(db, { planId, evidenceRequired: true, expectedRevision: 0, actor: 'office' });
      const file = (name: string) =>
        insertEvidenceFile(db, {
          subjectKind: 'observation',
          subjectKey: refTo('2025Q4').observationKey,
          revisionNo: 1,
          originalName: name,
          mediaType: 'application/pdf',
          sizeBytes: 3,
          sha256: name.padEnd(64, '0'),
          storagePath: `x/${name}`,
          uploadedBy: 'reporter',
          planId,
        });
      await file('a');
      const withdrawn = await file('b');
      await withdrawEvidenceFile(db, { id: withdrawn.id, actor: 'reporter', reason: null, planId });
      const joined = await qualityInputs(db, refTo('2025Q4'));
      expect(joined.indicator?.evidence).toEqual({ required: true, attached: 1 });
      expect(await qualityInputsApart(db, refTo('2025Q4'))).toEqual(joined);
      // Another observation of the indicator has no file of its own.
      const other = { ...refTo('2025Q4'), observationKey: `${indicatorId}|2026Q3|` };
      expect((await qualityInputs(db, other)).indicator?.evidence).toEqual({ required: true, attached: 0 });
    });
  });
});

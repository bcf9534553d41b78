import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError, FourEyesError, NotFoundError } from '../../errors.js';
import { writeTransaction } from '../../support/dialect.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import * as observations from './observation.repository.js';
import * as reports from './progress-report.repository.js';
import { getReviewSettings, putReviewSettings } from './review-settings.repository.js';

forEachDialect((name, open) => {
  describe('four-eyes rule in the store', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let period = 2050;
    const nextRef = () => ({ indicatorId: seeded.indicatorIds[2] ?? '', period: String((period += 1)) });
    const submitted = async (actor: string) => {
      const ref = nextRef();
      await observations.submit(handle.db, { ref, actor, expectedRevision: 0, values: { value: 1 } });
      return ref;
    };
    const setOfficeSelfReview = async (on: boolean) => {
      const { revisionNo } = await getReviewSettings(handle.db, seeded.planId);
      await putReviewSettings(handle.db, {
        planId: seeded.planId,
        officeSelfReview: on,
        expectedRevision: revisionNo,
        actor: 'admin',
      });
    };

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    it('refuses an approval or a return by the submitter, for both record kinds, and writes nothing', async () => {
      const ref = await submitted('clerk');
      await expect(
        observations.approve(handle.db, { ref, actor: 'clerk', expectedRevision: 1 }),
      ).rejects.toThrow(FourEyesError);
      await expect(
        observations.returnForCorrection(handle.db, {
          ref,
          actor: 'clerk',
          expectedRevision: 1,
          reason: '不对',
        }),
      ).rejects.toMatchObject({ code: 'four-eyes' });
      expect((await observations.history(handle.db, ref)).map((r) => r.action)).toEqual(['submit']);

      const reportRef = { taskId: seeded.taskIds[2] ?? '', period: '2050' };
      await reports.submit(handle.db, {
        ref: reportRef,
        actor: 'clerk',
        expectedRevision: 0,
        values: { progress: 'in_progress', narrative: '推进中' },
      });
      await expect(
        reports.approve(handle.db, { ref: reportRef, actor: 'clerk', expectedRevision: 1 }),
      ).rejects.toThrow(FourEyesError);
      const approved = await reports.approve(handle.db, {
        ref: reportRef,
        actor: 'reviewer',
        expectedRevision: 1,
      });
      expect(approved).toMatchObject({ status: 'approved', selfReviewed: false });
    });

    it('checks the submitter inside the transaction that writes the decision', async () => {
      // Submission and self-approval in one transaction (as a group commit runs them): still refused.
      const ref = nextRef();
      await expect(
        writeTransaction(handle.db, async (trx) => {
          await observations.submit(trx, { ref, actor: 'clerk', expectedRevision: 0, values: { value: 2 } });
          await observations.approve(trx, { ref, actor: 'clerk', expectedRevision: 1 });
        }),
      ).rejects.toThrow(FourEyesError);
      expect(await observations.history(handle.db, ref)).toEqual([]);
    });

    it('lets an office user decide their own on-behalf entry only while the plan allows it, and marks it', async () => {
      const ref = await submitted('office');
      const onBehalf = { ref, actor: 'office', expectedRevision: 1, selfReview: 'office-on-behalf' } as const;
      await expect(observations.approve(handle.db, onBehalf)).rejects.toThrow(FourEyesError);

      await setOfficeSelfReview(true);
      const approved = await observations.approve(handle.db, onBehalf);
      expect(approved).toMatchObject({ status: 'approved', selfReviewed: true });
      const stored = await observations.history(handle.db, ref);
      expect(stored.map((r) => [r.action, r.selfReviewed])).toEqual([
        ['submit', false],
        ['approve', true],
      ]);
      const audit = await queryAudit(handle.db, { entityId: observations.observationKeyOf(ref) });
      const decision = audit.find((a) => a.action === 'observation.approve');
      expect(decision?.detail).toMatchObject({ selfReviewed: true });
      expect(decision?.planId).toBe(seeded.planId);

      // Without the ground, the setting alone allows nothing.
      const other = await submitted('office');
      await expect(
        observations.approve(handle.db, { ref: other, actor: 'office', expectedRevision: 1 }),
      ).rejects.toThrow(FourEyesError);
      await setOfficeSelfReview(false);
      await expect(
        observations.approve(handle.db, {
          ref: other,
          actor: 'office',
          expectedRevision: 1,
          selfReview: 'office-on-behalf',
        }),
      ).rejects.toThrow(FourEyesError);
    });

    it('lets published statistics be submitted and approved by their loader, unmarked', async () => {
      const ref = await submitted('system:statistics-loader');
      const approved = await observations.approve(handle.db, {
        ref,
        actor: 'system:statistics-loader',
        expectedRevision: 1,
        selfReview: 'published-statistics',
      });
      expect(approved).toMatchObject({ status: 'approved', selfReviewed: false });
    });

    it('keeps the review settings per plan: defaults, revisions, stale edits refused, audited', async () => {
      const before = await getReviewSettings(handle.db, seeded.planId);
      expect(before.officeSelfReview).toBe(false);
      const put = await putReviewSettings(handle.db, {
        planId: seeded.planId,
        officeSelfReview: true,
        expectedRevision: before.revisionNo,
        actor: 'office',
      });
      expect(put).toMatchObject({
        officeSelfReview: true,
        revisionNo: before.revisionNo + 1,
        updatedBy: 'office',
      });
      await expect(
        putReviewSettings(handle.db, {
          planId: seeded.planId,
          officeSelfReview: false,
          expectedRevision: before.revisionNo,
          actor: 'office',
        }),
      ).rejects.toThrow(ConflictError);
      const audit = await queryAudit(handle.db, { action: 'review_settings.set', planId: seeded.planId });
      expect(audit[0]).toMatchObject({
        actor: 'office',
        entity: 'plan',
        entityId: seeded.planId,
        detail: {
          revisionNo: put.revisionNo,
          before: { officeSelfReview: false },
          after: { officeSelfReview: true },
        },
      });
      await expect(getReviewSettings(handle.db, 'no-such-plan')).rejects.toThrow(NotFoundError);
      await setOfficeSelfReview(false);
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import * as reports from './progress-report.repository.js';

forEachDialect((_name, open) => {
  describe('progress report repository', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    it('runs the same review flow as observations, with progress status and narrative', async () => {
      const { db } = handle;
      const ref = { taskId: seeded.taskIds[1] ?? '', period: '2026Q2' };
      await reports.saveDraft(db, {
        ref,
        actor: 'dept',
        expectedRevision: 0,
        values: { progress: 'not_started', narrative: '正在调研', evidence: ['file-1'] },
      });
      await reports.submit(db, {
        ref,
        actor: 'dept',
        expectedRevision: 1,
        values: { progress: 'delayed', narrative: '土地要素市场化配置方案尚未印发', comment: '需区政府协调' },
      });
      await reports.returnForCorrection(db, {
        ref,
        actor: 'reviewer',
        expectedRevision: 2,
        reason: '请说明滞后原因',
      });
      await reports.submit(db, {
        ref,
        actor: 'dept',
        expectedRevision: 3,
        values: { progress: 'delayed', narrative: '方案待区政府常务会审议，预计三季度印发' },
      });
      await reports.approve(db, { ref, actor: 'reviewer', expectedRevision: 4, note: '同意' });
      await expect(
        reports.saveDraft(db, {
          ref,
          actor: 'dept',
          expectedRevision: 5,
          values: { progress: 'completed', narrative: '' },
        }),
      ).rejects.toMatchObject({ code: 'locked' });
      const history = await reports.history(db, ref);
      expect(history.map((r) => [r.status, r.values.progress])).toEqual([
        ['draft', 'not_started'],
        ['submitted', 'delayed'],
        ['returned', 'delayed'],
        ['submitted', 'delayed'],
        ['approved', 'delayed'],
      ]);
      expect(history[0]?.values.evidence).toEqual(['file-1']);
      expect(history[4]?.reason).toBe('同意');
      // Each action is audited against the task's plan.
      const audit = await queryAudit(db, { entity: 'progress_report', entityId: history[0]?.key ?? '' });
      expect(audit).toHaveLength(5);
      expect(audit.every((e) => e.planId === seeded.planId)).toBe(true);
    });

    it('refuses an unknown progress status', async () => {
      await expect(
        reports.saveDraft(handle.db, {
          ref: { taskId: seeded.taskIds[0] ?? '', period: '2026' },
          actor: 'dept',
          expectedRevision: 0,
          values: { progress: 'done' as 'completed', narrative: 'x' },
        }),
      ).rejects.toMatchObject({ code: 'invalid-input' });
    });
  });
});

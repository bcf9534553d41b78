import { PLAN_RECORD_KINDS } from '@plantrack/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.factory.js';
import { returnedRevision } from '../repositories/notifications/notification-query.repository.js';
import { submissionFacts } from '../repositories/notifications/review-notice.repository.js';
import { lastReportsOf } from '../repositories/records/last-reports.repository.js';
import { reviewQueue } from '../repositories/records/monitoring-query.repository.js';
import * as observations from '../repositories/records/observation.repository.js';
import * as reports from '../repositories/records/progress-report.repository.js';
import { forEachDialect } from '../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../testing/seed.js';
import { newId } from './ids.js';

// The reads built from the record-kind registry, one query part per kind: every kind shows up
// in the queue, in each item's last report and in the return notice, named as its plan names it.
forEachDialect((_name, open) => {
  describe('reads across every record kind', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let author: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      author = newId();
      await handle.db
        .insertInto('users')
        .values({
          id: author,
          email: 'kinds@example.test',
          display_name: '填报人',
          password_hash: null,
          department_id: null,
          active: 1,
          created_at: '2027-01-01T00:00:00.000Z',
        })
        .execute();
    });

    const indicatorId = () => seeded.indicatorIds[0] ?? '';
    const taskId = () => seeded.taskIds[0] ?? '';

    async function nameOf(kind: 'indicator' | 'task', id: string): Promise<string> {
      const facts = await submissionFacts(handle.db, { submitterId: author, subject: { kind, id } });
      expect(facts.planId).toBe(seeded.planId);
      expect(facts.subjectName).not.toBe(id);
      return facts.subjectName;
    }

    it('queues, reports last and names on return every kind of record', async () => {
      const { db } = handle;
      const obsRef = { indicatorId: indicatorId(), period: '2026' };
      const repRef = { taskId: taskId(), period: '2026Q1' };
      const obs = await observations.submit(db, {
        ref: obsRef,
        actor: author,
        expectedRevision: 0,
        values: { value: 41.2, unit: '亿元', source: '区财政局' },
      });
      const rep = await reports.submit(db, {
        ref: repRef,
        actor: author,
        expectedRevision: 0,
        values: { progress: 'delayed', narrative: '方案待审议' },
      });

      const queue = await reviewQueue(db);
      expect(queue.map((q) => [q.kind, q.key, q.targetId, q.revisionNo, q.submittedBy])).toEqual([
        ['observation', obs.key, indicatorId(), 1, author],
        ['progress_report', rep.key, taskId(), 1, author],
      ]);
      expect(new Set(queue.map((q) => q.kind))).toEqual(new Set(PLAN_RECORD_KINDS));

      const last = await lastReportsOf(db, { indicatorIds: [indicatorId()], taskIds: [taskId()] });
      expect(last.get(indicatorId())).toEqual({
        targetId: indicatorId(),
        period: '2026',
        status: 'submitted',
        value: 41.2,
        valueText: null,
        unit: '亿元',
        progress: null,
      });
      expect(last.get(taskId())).toEqual({
        targetId: taskId(),
        period: '2026Q1',
        status: 'submitted',
        value: null,
        valueText: null,
        unit: null,
        progress: 'delayed',
      });
      // Only the kinds whose element has ids given are read.
      const tasksOnly = await lastReportsOf(db, { indicatorIds: [], taskIds: [taskId()] });
      expect([...tasksOnly.keys()]).toEqual([taskId()]);

      const obsReturned = await observations.returnForCorrection(db, {
        ref: obsRef,
        actor: 'reviewer',
        expectedRevision: 1,
        reason: '口径不符',
      });
      const repReturned = await reports.returnForCorrection(db, {
        ref: repRef,
        actor: 'reviewer',
        expectedRevision: 1,
        reason: '请说明原因',
      });
      expect(await reviewQueue(db)).toEqual([]);
      expect(await returnedRevision(db, 'observation', obsReturned.supersedesId ?? '')).toEqual({
        authorId: author,
        subjectId: indicatorId(),
        subjectName: await nameOf('indicator', indicatorId()),
        planId: seeded.planId,
      });
      expect(await returnedRevision(db, 'progress_report', repReturned.supersedesId ?? '')).toEqual({
        authorId: author,
        subjectId: taskId(),
        subjectName: await nameOf('task', taskId()),
        planId: seeded.planId,
      });

      // A deactivated author, or a revision that does not exist, is told nothing.
      await db.updateTable('users').set({ active: 0 }).where('id', '=', author).execute();
      expect(await returnedRevision(db, 'observation', obsReturned.supersedesId ?? '')).toBeUndefined();
      expect(await returnedRevision(db, 'progress_report', 'no-such-revision')).toBeUndefined();
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import type { Role } from '../../schema/people-tables.schema.js';
import { newId } from '../../support/ids.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { submissionFacts } from './review-notice.repository.js';

// The submission notice's one read: who submitted on what, and whom to tell.
forEachDialect((_name, open) => {
  describe('submission facts', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let departmentId: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      departmentId = newId();
      await handle.db
        .insertInto('departments')
        .values({
          id: departmentId,
          region_code: '320412',
          canonical_name: '区统计局',
          known: 1,
          created_at: '2027-01-01T00:00:00.000Z',
          contact_name: null,
          contact_phone: null,
          contact_email: null,
        })
        .execute();
    });

    async function addUser(
      name: string,
      roles: Role[],
      options: { active?: 0 | 1; department?: string } = {},
    ) {
      const id = newId();
      await handle.db
        .insertInto('users')
        .values({
          id,
          email: `${id}@example.test`,
          display_name: name,
          password_hash: null,
          department_id: options.department ?? null,
          active: options.active ?? 1,
          created_at: '2027-01-01T00:00:00.000Z',
        })
        .execute();
      for (const role of roles) {
        await handle.db
          .insertInto('user_roles')
          .values({ user_id: id, role, granted_at: '2027-01-01T00:00:00.000Z', granted_by: 'test' })
          .execute();
      }
      return id;
    }

    it('names the submitter, department and subject, and tells the office until a reviewer exists', async () => {
      const indicatorId = seeded.indicatorIds[0] ?? '';
      const submitter = await addUser('张三', ['department_reporter'], { department: departmentId });
      const office = await addUser('规划科', ['planning_office']);
      await addUser('已停用', ['planning_office', 'reviewer'], { active: 0 });
      const subject = { kind: 'indicator' as const, id: indicatorId };

      const beforeReviewers = await submissionFacts(handle.db, { submitterId: submitter, subject });
      expect(beforeReviewers).toMatchObject({
        submitterName: '张三',
        departmentId,
        departmentName: '区统计局',
        planId: seeded.planId,
        reviewerIds: [office],
      });
      expect(beforeReviewers.subjectName).not.toBe(indicatorId);

      // Once reviewers exist, only they are told (one holding both roles once); never the submitter.
      const reviewerA = await addUser('审核甲', ['reviewer', 'planning_office']);
      const reviewerB = await addUser('审核乙', ['reviewer']);
      const asReviewer = await submissionFacts(handle.db, { submitterId: reviewerA, subject });
      expect(asReviewer.reviewerIds).toEqual([reviewerB]);
      const facts = await submissionFacts(handle.db, { submitterId: submitter, subject });
      expect(facts.reviewerIds).toEqual([reviewerA, reviewerB].sort());

      // A writer that is no user (a system job) still gets the subject named.
      const task = await submissionFacts(handle.db, {
        submitterId: 'system',
        subject: { kind: 'task', id: seeded.taskIds[0] ?? '' },
      });
      expect(task).toMatchObject({ submitterName: null, departmentId: null, planId: seeded.planId });
      expect(task.subjectName).not.toBe(seeded.taskIds[0]);
      expect(task.reviewerIds).toEqual([reviewerA, reviewerB].sort());
    });
  });
});

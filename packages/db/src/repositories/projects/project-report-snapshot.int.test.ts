import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { withSimulatedClock } from '../../support/clock.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import {
  actOnProjectReport,
  addProjectIssue,
  createProject,
  emptyProjectFields,
  reportProjectRows,
  resolveProjectIssue,
  setProjectLagThreshold,
} from './index.js';

/** Runs `work` with stored timestamps on `iso` (the report cut-off compares them). */
const at = <T>(iso: string, work: () => Promise<T>): Promise<T> =>
  withSimulatedClock(() => new Date(iso), work);

forEachDialect((_name, open) => {
  describe('a report’s projects (表3) as of its cut-off', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let roadId: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      const { db } = handle;
      roadId = await at('2026-01-05T02:00:00.000Z', () =>
        createProject(db, {
          planId: seeded.planId,
          fields: {
            ...emptyProjectFields('快速路改造'),
            totalWan: 50000,
            leadUnit: '区交通运输局',
            plannedStart: '2026-03-01',
            actualStart: '2026-02-20',
            annualPlans: [
              { year: 2026, planWan: 12000, milestoneText: '主线贯通' },
              { year: 2027, planWan: 9000, milestoneText: null },
            ],
          },
          stage: '在建',
          by: 'office',
        }),
      );
      await at('2026-01-05T02:00:00.000Z', () =>
        createProject(db, {
          planId: seeded.planId,
          fields: { ...emptyProjectFields('安置房'), totalWan: 8000 },
          stage: '前期',
          by: 'office',
        }),
      );
      const base = { projectId: roadId, year: 2026 };
      const month = async (m: number, day: string, ytdWan: number, progressText: string | null) => {
        await at(`${day}T01:00:00.000Z`, () =>
          actOnProjectReport(db, { ...base, month: m, action: 'submit', ytdWan, progressText, by: 'dept' }),
        );
        await at(`${day}T03:00:00.000Z`, () =>
          actOnProjectReport(db, { ...base, month: m, action: 'approve', by: 'reviewer' }),
        );
      };
      await month(8, '2026-09-08', 7000, '桥梁下部结构完成');
      await month(9, '2026-10-09', 9000, null);
      // October submitted but not approved: not in any report.
      await at('2026-11-05T01:00:00.000Z', () =>
        actOnProjectReport(db, { ...base, month: 10, action: 'submit', ytdWan: 9500, by: 'dept' }),
      );
      const issueId = await at('2026-06-01T00:00:00.000Z', () =>
        addProjectIssue(db, {
          projectId: roadId,
          text: '管线迁改滞后',
          department: '区供电公司',
          deadline: '2026-07-31',
          by: 'office',
        }),
      );
      await at('2026-10-20T00:00:00.000Z', () =>
        resolveProjectIssue(db, { projectId: roadId, issueId, resolution: '已迁改', by: 'office' }),
      );
      await setProjectLagThreshold(db, seeded.planId, 15);
    });

    it('reads the approved figures of the year in force at the cut-off, in name order', async () => {
      const { projects, lagThresholdPoints } = await reportProjectRows(handle.db, {
        planId: seeded.planId,
        year: 2026,
        cutoff: '2026-10-15T15:59:59.999Z',
      });
      expect(lagThresholdPoints).toBe(15);
      expect(projects.map((p) => p.name)).toEqual(['安置房', '快速路改造']);
      const road = projects[1];
      expect(road).toMatchObject({
        projectId: roadId,
        leadUnit: '区交通运输局',
        stage: '在建',
        totalWan: 50000,
        annualPlanWan: 12000,
        plannedStart: '2026-03-01',
        actualStart: '2026-02-20',
        completedYtd: {
          month: 9,
          value: 9000,
          approvedBy: 'reviewer',
          approvedAt: '2026-10-09T03:00:00.000Z',
        },
        // September stated no 形象进度: August's is the newest.
        progress: { month: 8, value: '桥梁下部结构完成' },
        // Open at the cut-off, resolved after it.
        openIssues: [{ text: '管线迁改滞后', department: '区供电公司', deadline: '2026-07-31' }],
      });
      expect(projects[0]).toMatchObject({ annualPlanWan: null, completedYtd: null, progress: null });
    });

    it('leaves out what was approved or resolved after the cut-off, and other years', async () => {
      const early = await reportProjectRows(handle.db, {
        planId: seeded.planId,
        year: 2026,
        cutoff: '2026-09-30T15:59:59.999Z',
      });
      expect(early.projects[1]?.completedYtd).toMatchObject({ month: 8, value: 7000 });
      const late = await reportProjectRows(handle.db, {
        planId: seeded.planId,
        year: 2026,
        cutoff: '2026-12-31T15:59:59.999Z',
      });
      expect(late.projects[1]?.completedYtd).toMatchObject({ month: 9, value: 9000 });
      expect(late.projects[1]?.openIssues).toEqual([]);
      const next = await reportProjectRows(handle.db, {
        planId: seeded.planId,
        year: 2027,
        cutoff: '2027-12-31T15:59:59.999Z',
      });
      expect(next.projects[1]).toMatchObject({ annualPlanWan: 9000, completedYtd: null });
      const before = await reportProjectRows(handle.db, {
        planId: seeded.planId,
        year: 2025,
        cutoff: '2025-12-31T15:59:59.999Z',
      });
      expect(before.projects).toEqual([]);
    });
  });
});

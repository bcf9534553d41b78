import { expect, it } from 'vitest';
import { forEachDialect } from '../../testing/dialects.js';
import { seedSamplePlan } from '../../testing/seed.js';
import { bulkLoadProjectRegister, getProjectDetail, projectsDashboard } from './index.js';

const AT = '2028-01-01T00:00:00.000Z';

forEachDialect((_name, open) => {
  it('bulk-loads a register in chunks that the dashboard and the project page read like any other', async () => {
    const handle = await open();
    try {
      const { planId } = await seedSamplePlan(handle);
      // 2,100 projects: more than two INSERT chunks, so chunk boundaries are crossed.
      const ids = Array.from({ length: 2_100 }, (_, n) => `bulk-${n}`);
      await bulkLoadProjectRegister(handle.db, {
        projects: ids.map((id, n) => ({
          id,
          plan_id: planId,
          name: `合成项目${n}`,
          place: n % 2 === 0 ? '湖塘镇' : '牛塘镇',
          stage: '在建',
          content: '',
          serves_json: '[]',
          funding_json: '[]',
          published: 1,
          revision: 1,
          created_at: AT,
          updated_at: AT,
        })),
        annualPlans: ids.map((id) => ({ project_id: id, year: 2028, plan_wan: 120 })),
        reports: ids.flatMap((id) =>
          [1, 2].map((month) => ({
            id: `${id}-r${month}`,
            project_id: id,
            year: 2028,
            month,
            revision_no: 1,
            status: 'approved' as const,
            action: 'approve' as const,
            month_wan: 10,
            ytd_wan: 10 * month,
            evidence_json: '[]',
            created_at: AT,
            created_by: 'bulk',
          })),
        ),
        issues: [
          {
            id: 'bulk-issue',
            project_id: 'bulk-0',
            text: '合成问题',
            department: '区水利局',
            deadline: null,
            state: 'open',
            created_at: AT,
            created_by: 'bulk',
          },
        ],
      });
      const board = await projectsDashboard(handle.db, { planId, year: 2028, asOf: '2028-02-29' });
      expect(board).toMatchObject({ projects: 2_100, planWan: 252_000, completedWan: 42_000 });
      expect(board.byMonth[1]).toEqual({ month: 2, planWan: 42_000, completedWan: 42_000 });
      expect(board.openIssuesByDepartment).toEqual([{ department: '区水利局', open: 1, overdue: 0 }]);
      const detail = await getProjectDetail(handle.db, 'bulk-2099');
      expect(detail.reports.map((r) => [r.month, r.status])).toEqual([
        [1, 'approved'],
        [2, 'approved'],
      ]);
    } finally {
      await handle.close();
    }
  });
});

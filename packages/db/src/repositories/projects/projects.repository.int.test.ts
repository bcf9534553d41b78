import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError, InvalidInputError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { queryAudit } from '../audit/audit.repository.js';
import { departmentIdsByName } from '../accounts/user.repository.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import {
  type ProjectImportRow,
  actOnProjectReport,
  addProjectIssue,
  createProject,
  emptyProjectFields,
  getProjectDetail,
  importProjects,
  listProjects,
  projectsDashboard,
  recordPostEvaluation,
  resolveProjectIssue,
  setProjectLagThreshold,
  transitionProject,
  updateProject,
} from './index.js';

const CODE = '2026-320412-48-01-000001';

function sheetRow(row: number, name: string, extra: Partial<ProjectImportRow> = {}): ProjectImportRow {
  return {
    row,
    code: null,
    name,
    category: '产业',
    nature: '新开工',
    content: '厂房',
    totalWan: 10000,
    annualPlanWan: 1200,
    startYear: 2026,
    endYear: 2027,
    leadUnit: '区发展和改革局',
    place: '湖塘镇',
    owner: null,
    ...extra,
  };
}

forEachDialect((_name, open) => {
  describe('project register storage', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    it('stores a project with its annual plan and 前期节点, and keeps 项目代码 unique per plan', async () => {
      const { db } = handle;
      const fields = {
        ...emptyProjectFields('智能装备产业园'),
        code: CODE,
        level: '区' as const,
        totalWan: 50000,
        leadUnit: '区工业和信息化局',
        funding: [{ source: '企业自筹', amountWan: 50000 }],
        annualPlans: [{ year: 2026, planWan: 12000, milestoneText: '主体封顶' }],
        milestones: [
          { step: '环评' as const, deadline: '2026-03-31', department: '市生态环境局', doneOn: null },
        ],
      };
      const id = await createProject(db, { planId: seeded.planId, fields, stage: '前期', by: 'office' });
      const detail = await getProjectDetail(db, id);
      expect(detail).toMatchObject({ code: CODE, stage: '前期', totalWan: 50000, revision: 1 });
      expect(detail.annualPlans).toEqual([{ year: 2026, planWan: 12000, milestoneText: '主体封顶' }]);
      expect(detail.milestones[0]).toMatchObject({ step: '环评', deadline: '2026-03-31' });
      expect(detail.transitions).toMatchObject([{ from: null, to: '前期', by: 'office' }]);
      await expect(
        createProject(db, {
          planId: seeded.planId,
          fields: { ...fields, name: '另一个' },
          stage: '储备',
          by: 'office',
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        updateProject(db, {
          projectId: id,
          fields: { ...fields, totalWan: 51000 },
          expectedRevision: 7,
          by: 'office',
        }),
      ).rejects.toMatchObject({ code: 'stale-revision' });
      expect(
        await updateProject(db, {
          projectId: id,
          fields: { ...fields, totalWan: 51000 },
          expectedRevision: 1,
          by: 'office',
        }),
      ).toBe(2);
      expect((await getProjectDetail(db, id)).totalWan).toBe(51000);
      const audited = await queryAudit(db, { entity: 'project', entityId: id });
      expect(audited.map((a) => [a.action, a.actor, a.planId]).sort()).toEqual([
        ['project.create', 'office', seeded.planId],
        ['project.edit', 'office', seeded.planId],
      ]);
    });

    it('moves through the lifecycle by the allowed steps only and files the post-evaluation at the end', async () => {
      const { db } = handle;
      const id = await createProject(db, {
        planId: seeded.planId,
        fields: emptyProjectFields('污水管网改造'),
        stage: '储备',
        by: 'office',
      });
      await expect(
        transitionProject(db, { projectId: id, to: '在建', note: null, by: 'office' }),
      ).rejects.toMatchObject({ code: 'invalid-transition' });
      await transitionProject(db, { projectId: id, to: '前期', note: '列入年度计划', by: 'office' });
      await transitionProject(db, { projectId: id, to: '在建', note: null, by: 'office' });
      const evaluation = {
        scopeMet: true,
        investmentMet: false,
        timeMet: true,
        benefitsMet: true,
        lessons: '提前谋划用地',
      };
      await expect(
        recordPostEvaluation(db, { projectId: id, evaluation, by: 'office' }),
      ).rejects.toBeInstanceOf(ConflictError);
      await transitionProject(db, { projectId: id, to: '竣工', note: null, by: 'office' });
      await recordPostEvaluation(db, { projectId: id, evaluation, by: 'office' });
      const detail = await getProjectDetail(db, id);
      expect(detail.stage).toBe('后评价');
      expect(detail.transitions.map((t) => t.to)).toEqual(['储备', '前期', '在建', '竣工', '后评价']);
      expect(detail.evaluation).toMatchObject({ investmentMet: false, lessons: '提前谋划用地' });
      // The transition log is append-only in the database itself.
      await expect(sql`update project_transitions set note = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    });

    it('runs monthly reports through draft → submitted → returned/approved with the quality checks', async () => {
      const { db } = handle;
      const fields = {
        ...emptyProjectFields('物流园'),
        totalWan: 1000,
        annualPlans: [{ year: 2026, planWan: 600, milestoneText: null }],
      };
      const projectId = await createProject(db, {
        planId: seeded.planId,
        fields,
        stage: '在建',
        by: 'office',
      });
      const base = { projectId, year: 2026, by: 'dept' };
      await actOnProjectReport(db, {
        ...base,
        month: 1,
        action: 'submit',
        monthWan: 100,
        ytdWan: 100,
        progressText: '场平',
      });
      await actOnProjectReport(db, { ...base, month: 1, action: 'approve', by: 'reviewer' });
      await actOnProjectReport(db, { ...base, month: 2, action: 'save_draft', monthWan: 50, ytdWan: 150 });
      await actOnProjectReport(db, { ...base, month: 2, action: 'submit', monthWan: 50, ytdWan: 150 });
      await expect(
        actOnProjectReport(db, { ...base, month: 2, action: 'return', by: 'reviewer' }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      const returned = await actOnProjectReport(db, {
        ...base,
        month: 2,
        action: 'return',
        reason: '累计数与台账不符',
        by: 'reviewer',
      });
      expect(returned).toMatchObject({ status: 'returned', revisionNo: 3, ytdWan: 150 });
      // 累计 must not fall below January's.
      await expect(
        actOnProjectReport(db, { ...base, month: 2, action: 'submit', monthWan: 0, ytdWan: 90 }),
      ).rejects.toSatisfy(
        (e: unknown) => e instanceof InvalidInputError && /累计完成投资不能下降/.test(e.messages.zh),
      );
      // A month's amount may not exceed what remains of the total (1000 − 100).
      await expect(
        actOnProjectReport(db, { ...base, month: 2, action: 'submit', monthWan: 950, ytdWan: 1050 }),
      ).rejects.toSatisfy(
        (e: unknown) => e instanceof InvalidInputError && /超过剩余投资/.test(e.messages.zh),
      );
      await actOnProjectReport(db, { ...base, month: 2, action: 'submit', monthWan: 60, ytdWan: 160 });
      const approved = await actOnProjectReport(db, { ...base, month: 2, action: 'approve', by: 'reviewer' });
      expect(approved).toMatchObject({ status: 'approved', revisionNo: 5, ytdWan: 160 });
      await expect(
        actOnProjectReport(db, { ...base, month: 2, action: 'save_draft', monthWan: 1, ytdWan: 161 }),
      ).rejects.toMatchObject({ code: 'locked' });
      const detail = await getProjectDetail(db, projectId);
      expect(detail.reports.map((r) => [r.month, r.status, r.ytdWan])).toEqual([
        [1, 'approved', 100],
        [2, 'approved', 160],
      ]);
      await expect(sql`delete from project_reports`.execute(db)).rejects.toThrow(/append-only/);
    });

    it('imports all or nothing, updates by code, and asks before updating a project matched by name', async () => {
      const { db } = handle;
      const rows = [
        sheetRow(4, '新能源电池项目', { code: '2026-320412-38-03-000002' }),
        sheetRow(5, '城市更新片区'),
      ];
      const first = await importProjects(db, {
        planId: seeded.planId,
        year: 2026,
        rows,
        dryRun: false,
        by: 'office',
      });
      expect(first).toMatchObject({ committed: true, created: 2, updated: 0 });
      const again = [
        sheetRow(4, '新能源电池项目', { code: '2026-320412-38-03-000002', annualPlanWan: 1500 }),
        sheetRow(5, '城市更新片区', { totalWan: 20000 }),
      ];
      const preview = await importProjects(db, {
        planId: seeded.planId,
        year: 2026,
        rows: again,
        dryRun: true,
        by: 'office',
      });
      expect(preview.matches.map((m) => [m.matchedBy, m.outcome])).toEqual([
        ['code', 'update'],
        ['name', 'confirm'],
      ]);
      const waiting = await importProjects(db, {
        planId: seeded.planId,
        year: 2026,
        rows: again,
        dryRun: false,
        by: 'office',
      });
      expect(waiting.committed).toBe(false);
      const done = await importProjects(db, {
        planId: seeded.planId,
        year: 2026,
        rows: again,
        confirmations: [{ row: 5, decision: 'update' }],
        dryRun: false,
        by: 'office',
      });
      expect(done).toMatchObject({ committed: true, created: 0, updated: 2 });
      const listed = await listProjects(db, seeded.planId, { category: '产业' });
      const names = listed.map((p) => p.name);
      expect(names.filter((n) => n === '城市更新片区')).toHaveLength(1);
      const battery = listed.find((p) => p.name === '新能源电池项目');
      expect(battery).toMatchObject({ stage: '在建', annualPlans: [{ year: 2026, planWan: 1500 }] });
      expect(listed.find((p) => p.name === '城市更新片区')?.totalWan).toBe(20000);
      // All or nothing: a duplicate code in the same sheet rolls the whole import back.
      const before = (await listProjects(db, seeded.planId)).length;
      const clash = [
        sheetRow(6, '甲', { code: '2026-320412-38-03-000009' }),
        sheetRow(7, '乙', { code: '2026-320412-38-03-000009' }),
      ];
      await expect(
        importProjects(db, { planId: seeded.planId, year: 2026, rows: clash, dryRun: false, by: 'office' }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await listProjects(db, seeded.planId)).length).toBe(before);
    });

    it('builds the dashboard from approved reports: 滞后 with the reason, open issues by department', async () => {
      const { db } = handle;
      const fields = {
        ...emptyProjectFields('滞后的道路工程'),
        category: '基础设施',
        place: '牛塘镇',
        leadUnit: '区交通运输局',
        totalWan: 5000,
        annualPlans: [{ year: 2026, planWan: 1200, milestoneText: null }],
      };
      const projectId = await createProject(db, {
        planId: seeded.planId,
        fields,
        stage: '在建',
        by: 'office',
      });
      for (const [month, ytd] of [
        [1, 50],
        [2, 100],
        [3, 120],
      ] as const) {
        await actOnProjectReport(db, {
          projectId,
          year: 2026,
          month,
          action: 'submit',
          monthWan: 10,
          ytdWan: ytd,
          by: 'dept',
        });
        await actOnProjectReport(db, { projectId, year: 2026, month, action: 'approve', by: 'reviewer' });
      }
      const issueId = await addProjectIssue(db, {
        projectId,
        text: '征地拆迁未完成',
        department: '牛塘镇政府',
        deadline: '2026-03-15',
        by: 'dept',
      });
      await setProjectLagThreshold(db, seeded.planId, 10);
      const board = await projectsDashboard(db, { planId: seeded.planId, year: 2026, asOf: '2026-04-10' });
      const flagged = board.flagged.find((f) => f.projectId === projectId);
      // 120 / 1200 = 10% against 时序进度 25%: 15 points behind; the overdue issue makes it 需协调.
      expect(flagged).toMatchObject({ health: '需协调', completionRatePct: 10, gapPoints: -15 });
      expect(flagged?.reasons.map((r) => r.zh).join('|')).toMatch(
        /投资完成率10%.*低于时序进度25%.*征地拆迁未完成/,
      );
      expect(board.openIssuesByDepartment).toContainEqual({ department: '牛塘镇政府', open: 1, overdue: 1 });
      expect(board.byTown.find((t) => t.key === '牛塘镇')).toMatchObject({
        projects: 1,
        planWan: 1200,
        completedWan: 120,
      });
      expect(board.byMonth[2]).toMatchObject({ month: 3 });
      await resolveProjectIssue(db, { projectId, issueId, resolution: '已完成征收', by: 'office' });
      await expect(
        resolveProjectIssue(db, { projectId, issueId, resolution: null, by: 'office' }),
      ).rejects.toBeInstanceOf(ConflictError);
      const after = await projectsDashboard(db, { planId: seeded.planId, year: 2026, asOf: '2026-04-10' });
      expect(after.flagged.find((f) => f.projectId === projectId)).toMatchObject({ health: '滞后' });
      expect(after.openIssuesByDepartment.find((d) => d.department === '牛塘镇政府')).toBeUndefined();
    });

    it('refuses a month written on top of a revision the writer did not see (two clerks, one month)', async () => {
      const { db } = handle;
      const projectId = await createProject(db, {
        planId: seeded.planId,
        fields: { ...emptyProjectFields('两人同填的项目'), totalWan: 1000 },
        stage: '在建',
        by: 'office',
      });
      const draft = (progressText: string, expectedRevision?: number) =>
        actOnProjectReport(db, {
          projectId,
          year: 2026,
          month: 5,
          action: 'save_draft',
          ytdWan: 10,
          progressText,
          ...(expectedRevision === undefined ? {} : { expectedRevision }),
          by: 'dept',
        });
      expect((await draft('甲的草稿', 0)).revisionNo).toBe(1);
      // The second clerk opened the empty month too: refused, the first draft stays.
      const stale = await draft('乙的草稿', 0).catch((error: unknown) => error);
      expect(stale).toBeInstanceOf(ConflictError);
      expect(stale).toMatchObject({ code: 'stale-revision', currentRevision: 1 });
      expect((await draft('乙重新打开后的草稿', 1)).revisionNo).toBe(2);
      // A caller that names no revision (the CLI, older clients) writes on top of whatever is current.
      expect((await draft('不带版本号')).revisionNo).toBe(3);
    });

    it('narrows the list and the dashboard to any number of 责任单位, and to none for an empty list', async () => {
      const { db } = handle;
      const depts = await departmentIdsByName(db, ['区财政局', '区发展和改革局']);
      const finance = depts.get('区财政局');
      const reform = depts.get('区发展和改革局');
      if (finance === undefined || reform === undefined) throw new Error('seeded departments missing');
      const ids: string[] = [];
      for (const leadUnit of ['区财政局', '区发展和改革局']) {
        const fields = {
          ...emptyProjectFields(`${leadUnit}牵头的项目`),
          leadUnit,
          annualPlans: [{ year: 2026, planWan: 100, milestoneText: null }],
        };
        ids.push(await createProject(db, { planId: seeded.planId, fields, stage: '在建', by: 'office' }));
      }
      const listed = async (leadDepartmentIds: string[]) =>
        (await listProjects(db, seeded.planId, { leadDepartmentIds }))
          .map((p) => p.id)
          .filter((id) => ids.includes(id));
      expect(await listed([finance, reform])).toHaveLength(2);
      expect(await listed([reform])).toEqual([ids[1]]);
      expect(await listed([])).toEqual([]);
      const onBoard = async (leadDepartmentIds: string[]) =>
        (
          await projectsDashboard(db, {
            planId: seeded.planId,
            year: 2026,
            asOf: '2026-04-10',
            leadDepartmentIds,
          })
        ).byTown.reduce((n, t) => n + t.projects, 0);
      expect(await onBoard([finance, reform])).toBe((await onBoard([finance])) + (await onBoard([reform])));
      expect(await onBoard([finance])).toBeGreaterThan(0);
      expect(await onBoard([])).toBe(0);
    });
  });
});

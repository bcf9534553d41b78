import { readProjectSheet, writeXlsxSheets } from '@plantrack/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { multipartFile } from '../testing/evidence-requests.js';
import { type Harness, OWN_DEPT, type Session, as, makeHarness } from '../testing/harness.js';
import { projectFields, projectSheet } from '../testing/project-matrix.cases.js';

type Detail = {
  id: string;
  stage: string;
  revision: number;
  issues: { id: string; state: string }[];
  reports: { month: number; status: string }[];
  transitions: { to: string }[];
  evaluation: object | null;
};
type Imported = {
  committed: boolean;
  created: number;
  updated: number;
  errors: { row: number; column: string | null; messages: { zh: string; en: string } }[];
  matches: { row: number; matchedBy: string | null; outcome: string }[];
  mapping: unknown[];
};
type Board = {
  flagged: { projectId: string; health: string; reasons: { zh: string }[] }[];
  byTown: { key: string; planWan: number; completedWan: number }[];
  openIssuesByDepartment: { department: string; open: number }[];
};

forEachDialect((dialect, open) => {
  describe('major-project routes', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      return async () => {
        await h.app.close();
      };
    });
    const send = (
      session: Session | undefined,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: object,
    ) => h.app.inject({ method, url, headers: as(session), ...(payload === undefined ? {} : { payload }) });
    const upload = (bytes: Buffer, query: string) => {
      const { payload, headers } = multipartFile('projects.xlsx', bytes);
      return h.app.inject({
        method: 'POST',
        url: `/api/plans/${h.plan.planId}/projects/import?${query}`,
        payload,
        headers: { ...as(h.sessions.planning_office), ...headers },
      });
    };

    it('previews, refuses a sheet with a bad code, commits, and re-imports by code without duplicates', async () => {
      const good = [
        { name: '高端装备产业园', code: '2026-320412-35-01-000101', totalWan: 20000, annualPlanWan: 6000 },
        { name: '老旧小区改造', code: null, totalWan: 3000, annualPlanWan: 1200 },
      ];
      const bad = projectSheet([{ ...good[0]!, code: '2026-320412-35-01-00010０' }, good[1]!]);
      const refused = await upload(bad, 'mode=commit&year=2026');
      expect(refused.statusCode, refused.body).toBe(200);
      const r = refused.json<Imported>();
      expect(r.committed).toBe(false);
      expect(r.errors[0]).toMatchObject({ column: 'B' });
      expect(r.errors[0]?.messages.zh).toMatch(/项目代码/);
      const preview = (await upload(projectSheet(good), 'mode=preview&year=2026')).json<Imported>();
      expect(preview).toMatchObject({ committed: false, created: 0 });
      expect(preview.matches.map((m) => m.outcome)).toEqual(['create', 'create']);
      expect(preview.mapping.length).toBeGreaterThan(5);
      const first = (await upload(projectSheet(good), 'mode=commit&year=2026')).json<Imported>();
      expect(first).toMatchObject({ committed: true, created: 2, updated: 0 });
      const again = (await upload(projectSheet(good), 'mode=commit&year=2026')).json<Imported>();
      expect(again).toMatchObject({ committed: false });
      const nameRow = again.matches.find((m) => m.matchedBy === 'name');
      expect(nameRow?.outcome).toBe('confirm');
      const confirmed = (
        await upload(projectSheet(good), `mode=commit&year=2026&confirm=${nameRow?.row}:update`)
      ).json<Imported>();
      expect(confirmed).toMatchObject({ committed: true, created: 0, updated: 2 });
      const list = await send(
        h.sessions.leader,
        'GET',
        `/api/plans/${h.plan.planId}/projects?town=${encodeURIComponent('湖塘镇')}`,
      );
      expect(
        list.json<{ items: { name: string }[] }>().items.filter((p) => p.name === '老旧小区改造'),
      ).toHaveLength(1);
      // The export reads back in the same layout.
      const exported = await send(
        h.sessions.planning_office,
        'GET',
        `/api/plans/${h.plan.planId}/projects/export.xlsx?year=2026`,
      );
      expect(exported.statusCode).toBe(200);
      const read = readProjectSheet(exported.rawPayload);
      expect(read.errors).toEqual([]);
      expect(read.importable.find((p) => p.name === '高端装备产业园')).toMatchObject({
        totalWan: 20000,
        annualPlanWan: 6000,
        leadUnit: OWN_DEPT,
      });
    });

    it('imports an office sheet as offices write them: merged two-row header in 亿元, totals, blank lines, extra columns; refuses duplicate names (SYNTHETIC)', async () => {
      const office = (rows: (string | number | null)[][]) =>
        Buffer.from(
          writeXlsxSheets([
            {
              name: '2026年重大项目',
              rows: [
                ['2026年区重大项目计划表'],
                ['序号', '项目代码', '项目名称', '投资（亿元）', null, '责任单位', '所在镇街', '备注'],
                [null, null, null, '总投资', '年度计划投资', null, null, null],
                ...rows,
              ],
              merges: ['A1:H1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:F3', 'G2:G3', 'H2:H3'],
            },
          ]),
        );
      const sheet = office([
        ['一、产业项目'],
        [1, '2026-320412-35-01-000201', '新能源电池基地', 2.5, 0.8, OWN_DEPT, '湖塘镇', '省重点'],
        [],
        [2, null, '数字经济产业园', '1.2亿元', '3000万元', OWN_DEPT, '牛塘镇', null],
        ['小计', null, null, 3.7, 1.1],
        ['合  计', null, null, 3.7, 1.1],
      ]);
      const done = (await upload(sheet, 'mode=commit&year=2026')).json<Imported>();
      expect(done.errors).toEqual([]);
      expect(done).toMatchObject({ committed: true, created: 2, updated: 0 });
      const list = (
        await send(h.sessions.planning_office, 'GET', `/api/plans/${h.plan.planId}/projects?year=2026`)
      ).json<{
        items: { name: string; code: string | null; totalWan: number | null; category: string | null }[];
      }>();
      expect(
        list.items
          .filter((p) => p.name === '新能源电池基地' || p.name === '数字经济产业园')
          .map((p) => [p.name, p.code, p.totalWan, p.category])
          .sort(),
      ).toEqual(
        [
          ['新能源电池基地', '2026-320412-35-01-000201', 25000, '产业项目'],
          ['数字经济产业园', null, 12000, '产业项目'],
        ].sort(),
      );
      // Two rows of one name: both named, nothing imported (all or nothing).
      const duplicated = office([
        [1, null, '滨湖公园', 0.5, 0.1, OWN_DEPT, '湖塘镇', null],
        [2, null, '滨湖 公园', 0.6, 0.2, OWN_DEPT, '湖塘镇', null],
      ]);
      const refused = (await upload(duplicated, 'mode=commit&year=2026')).json<Imported>();
      expect(refused.committed).toBe(false);
      expect(refused.errors.map((e) => [e.row, e.column])).toEqual([
        [4, 'C'],
        [5, 'C'],
      ]);
      expect(refused.errors[0]?.messages.zh).toMatch(/重复/);
      const after = (
        await send(h.sessions.planning_office, 'GET', `/api/plans/${h.plan.planId}/projects`)
      ).json<{ items: { name: string }[] }>();
      expect(after.items.filter((p) => p.name.startsWith('滨湖'))).toEqual([]);
    });

    it('runs a month through submit, return and approval; the dashboard shows 滞后 with its reason', async () => {
      const created = await send(h.sessions.planning_office, 'POST', `/api/plans/${h.plan.planId}/projects`, {
        fields: projectFields('滞后的厂房项目', {
          place: '雪堰镇',
          totalWan: 5000,
          annualPlans: [{ year: 2026, planWan: 2400, milestoneText: '主体完工' }],
        }),
        stage: '在建',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<Detail>().id;
      const month = (m: number, ytd: number) => ({
        year: 2026,
        month: m,
        action: 'submit',
        monthWan: 100,
        ytdWan: ytd,
        progressText: '基础施工',
        reason: null,
        evidenceIds: [],
      });
      expect(
        (await send(h.sessions.other_reporter, 'POST', `/api/projects/${id}/reports`, month(1, 100)))
          .statusCode,
      ).toBe(403);
      expect(
        (await send(h.sessions.department_reporter, 'POST', `/api/projects/${id}/reports`, month(1, 100)))
          .statusCode,
      ).toBe(200);
      const returned = await send(h.sessions.reviewer, 'POST', `/api/projects/${id}/reports/review`, {
        year: 2026,
        month: 1,
        action: 'return',
        reason: '请附现场照片',
      });
      expect(returned.json<{ status: string }>().status).toBe('returned');
      await send(h.sessions.department_reporter, 'POST', `/api/projects/${id}/reports`, month(1, 100));
      await send(h.sessions.reviewer, 'POST', `/api/projects/${id}/reports/review`, {
        year: 2026,
        month: 1,
        action: 'approve',
        reason: null,
      });
      await send(h.sessions.department_reporter, 'POST', `/api/projects/${id}/reports`, month(2, 200));
      await send(h.sessions.reviewer, 'POST', `/api/projects/${id}/reports/review`, {
        year: 2026,
        month: 2,
        action: 'approve',
        reason: null,
      });
      const falling = await send(
        h.sessions.department_reporter,
        'POST',
        `/api/projects/${id}/reports`,
        month(3, 150),
      );
      expect(falling.statusCode).toBe(400);
      expect(falling.json<{ messages: { zh: string } }>().messages.zh).toMatch(/累计完成投资不能下降/);

      const board = (
        await send(
          h.sessions.leader,
          'GET',
          `/api/plans/${h.plan.planId}/projects/dashboard?year=2026&asOf=2026-03-05`,
        )
      ).json<Board>();
      const flagged = board.flagged.find((f) => f.projectId === id);
      // 200 / 2400 = 8.3% against 时序进度 16.7% (through February): 8.4 points behind, under the default 10.
      expect(flagged).toBeUndefined();
      expect(board.byTown.find((t) => t.key === '雪堰镇')).toMatchObject({
        planWan: 2400,
        completedWan: 200,
      });
      const issue = await send(h.sessions.department_reporter, 'POST', `/api/projects/${id}/issues`, {
        text: '施工用电未接入',
        department: '区供电公司',
        deadline: '2026-02-28',
      });
      const issueId = issue.json<Detail>().issues[0]?.id ?? '';
      const after = (
        await send(
          h.sessions.leader,
          'GET',
          `/api/plans/${h.plan.planId}/projects/dashboard?year=2026&asOf=2026-03-05`,
        )
      ).json<Board>();
      expect(after.flagged.find((f) => f.projectId === id)).toMatchObject({ health: '需协调' });
      expect(after.openIssuesByDepartment).toContainEqual({ department: '区供电公司', open: 1, overdue: 1 });
      const lagging = await send(
        h.sessions.leader,
        'GET',
        `/api/plans/${h.plan.planId}/projects?lagging=true&year=2026&asOf=2026-03-05`,
      );
      expect(lagging.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toContain(id);
      // The reporter's dashboard holds its own department's projects only.
      const own = (
        await send(
          h.sessions.other_reporter,
          'GET',
          `/api/plans/${h.plan.planId}/projects/dashboard?year=2026&asOf=2026-03-05`,
        )
      ).json<Board>();
      expect(own.flagged.find((f) => f.projectId === id)).toBeUndefined();

      await send(h.sessions.planning_office, 'POST', `/api/projects/${id}/issues/${issueId}/resolve`, {
        resolution: '已接入',
      });
      expect(
        (
          await send(h.sessions.planning_office, 'POST', `/api/projects/${id}/transitions`, {
            to: '储备',
            note: null,
          })
        ).statusCode,
      ).toBe(409);
      await send(h.sessions.planning_office, 'POST', `/api/projects/${id}/transitions`, {
        to: '竣工',
        note: '竣工验收',
      });
      const evaluated = await send(h.sessions.planning_office, 'POST', `/api/projects/${id}/evaluation`, {
        scopeMet: true,
        investmentMet: true,
        timeMet: false,
        benefitsMet: true,
        lessons: '用电报装要提前',
      });
      expect(evaluated.statusCode, evaluated.body).toBe(200);
      const detail = evaluated.json<Detail>();
      expect(detail.stage).toBe('后评价');
      expect(detail.transitions.map((t) => t.to)).toEqual(['在建', '竣工', '后评价']);
      expect(detail.reports.map((r) => [r.month, r.status])).toEqual([
        [1, 'approved'],
        [2, 'approved'],
      ]);
      expect(detail.issues[0]?.state).toBe('resolved');
      const pub = await send(undefined, 'GET', `/api/public/plans/${h.plan.planId}/projects`);
      const item = pub.json<{ items: Record<string, unknown>[] }>().items.find((p) => p.id === id);
      expect(item).toBeDefined();
      expect(item).not.toHaveProperty('ownerContact');
      expect(item).not.toHaveProperty('annualPlans');
    });

    it('refuses to let the submitter decide their own month (four-eyes); the page carries the status', async () => {
      const created = await send(h.sessions.planning_office, 'POST', `/api/plans/${h.plan.planId}/projects`, {
        fields: projectFields('双人复核的道路项目', { totalWan: 3000 }),
        stage: '在建',
      });
      const id = created.json<Detail>().id;
      expect(created.json<{ status: { health: string } }>().status.health).toMatch(/正常|滞后|需协调/);
      // The office may report on a department's behalf, but then another reviewer decides.
      const submitted = await send(h.sessions.planning_office, 'POST', `/api/projects/${id}/reports`, {
        year: 2026,
        month: 1,
        action: 'submit',
        monthWan: 50,
        ytdWan: 50,
        progressText: '路基施工',
        reason: null,
        evidenceIds: [],
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const review = (session: Session | undefined, action: 'approve' | 'return') =>
        send(session, 'POST', `/api/projects/${id}/reports/review`, {
          year: 2026,
          month: 1,
          action,
          reason: action === 'return' ? '自己退回' : null,
        });
      const own = await review(h.sessions.planning_office, 'approve');
      expect(own.statusCode, own.body).toBe(403);
      expect(own.json<{ messages: { zh: string } }>().messages.zh).toMatch(/本人提交/);
      expect((await review(h.sessions.planning_office, 'return')).statusCode).toBe(403);
      expect((await review(h.sessions.reviewer, 'approve')).json<{ status: string }>().status).toBe(
        'approved',
      );
      const page = await send(h.sessions.department_reporter, 'GET', `/api/projects/${id}`);
      const status = page.json<{
        status: { year: number; health: string; reasons: unknown[]; lagThresholdPoints: number };
      }>().status;
      expect(status.lagThresholdPoints).toBe(10);
      expect(['正常', '滞后', '需协调']).toContain(status.health);
      expect(status.health === '正常').toBe(status.reasons.length === 0);
    });
  });
});

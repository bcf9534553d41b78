import { ProjectsDashboardSchema } from '@plantrack/api';
import { addProjectIssue } from '@plantrack/db';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Session, as, makeHarness } from '../testing/harness.js';
import { projectFields } from '../testing/project-matrix.cases.js';

const TOWN = '礼嘉镇';

forEachDialect((dialect, open) => {
  it('serves the projects dashboard from its cache and shows every project, report and issue write at once', async () => {
    // The database stamp is looked up at most once a minute here, so only writes through the
    // server move the stamp within the test: a write behind the server's back shows what is cached.
    const h = await makeHarness(await open(), dialect, { changeStampMs: 60_000 });
    const { app, sessions: s } = h;
    const send = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers: as(session), ...(payload === undefined ? {} : { payload }) });
    const board = async (session = s.leader) => {
      const res = await send(
        session,
        'GET',
        `/api/plans/${h.plan.planId}/projects/dashboard?year=2026&asOf=2026-03-05`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      // The cached text is sent as it is: it must still be exactly what the contract describes.
      const parsed = ProjectsDashboardSchema.parse(res.json());
      expect(parsed).toEqual(res.json());
      return parsed;
    };
    const town = async (session = s.leader) => (await board(session)).byTown.find((t) => t.key === TOWN);
    try {
      const created = await send(s.planning_office, 'POST', `/api/plans/${h.plan.planId}/projects`, {
        fields: projectFields('缓存校验项目', {
          place: TOWN,
          annualPlans: [{ year: 2026, planWan: 1200, milestoneText: null }],
        }),
        stage: '在建',
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, revision } = created.json<{ id: string; revision: number }>();
      expect(await town()).toMatchObject({ projects: 1, planWan: 1200, completedWan: 0 });

      // Another process raises an issue: the cached dashboard is served until the stamp moves …
      await addProjectIssue(h.app.plantrack.db, {
        projectId: id,
        text: '征地拆迁未完成',
        department: '区自然资源局',
        deadline: '2026-02-01',
        by: 'elsewhere',
      });
      expect((await board()).openIssuesByDepartment).toEqual([]);

      // … and a report approved through the server shows at once, with the issue written meanwhile.
      const report = await send(s.department_reporter, 'POST', `/api/projects/${id}/reports`, {
        year: 2026,
        month: 1,
        action: 'submit',
        monthWan: 300,
        ytdWan: 300,
        progressText: '场地平整',
        reason: null,
        evidenceIds: [],
      });
      expect(report.statusCode, report.body).toBe(200);
      expect(await town()).toMatchObject({ completedWan: 0 }); // submitted, not yet approved
      const approved = await send(s.reviewer, 'POST', `/api/projects/${id}/reports/review`, {
        year: 2026,
        month: 1,
        action: 'approve',
        reason: null,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const afterApproval = await board();
      expect(afterApproval.byTown.find((t) => t.key === TOWN)).toMatchObject({ completedWan: 300 });
      expect(afterApproval.openIssuesByDepartment).toEqual([
        { department: '区自然资源局', open: 1, overdue: 1 },
      ]);

      // An issue raised through the server, and the reporter's own (separately cached) dashboard.
      expect((await town(s.department_reporter))?.completedWan).toBe(300);
      const raised = await send(s.department_reporter, 'POST', `/api/projects/${id}/issues`, {
        text: '施工用电未接入',
        department: '区供电公司',
        deadline: null,
      });
      expect(raised.statusCode, raised.body).toBe(200);
      expect((await board()).openIssuesByDepartment).toContainEqual({
        department: '区供电公司',
        open: 1,
        overdue: 0,
      });
      expect((await board(s.department_reporter)).flagged.map((f) => f.projectId)).toContain(id);

      // An edit of the project's annual plan investment.
      const edited = await send(s.planning_office, 'PUT', `/api/projects/${id}`, {
        fields: projectFields('缓存校验项目', {
          place: TOWN,
          annualPlans: [{ year: 2026, planWan: 2400, milestoneText: null }],
        }),
        expectedRevision: revision,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(await town()).toMatchObject({ planWan: 2400, completedWan: 300 });
      expect((await town(s.department_reporter))?.planWan).toBe(2400);

      // Another department's reporter: a dashboard of their own (empty) register, cache or not.
      expect((await town(s.other_reporter))?.projects ?? 0).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('names the 50 projects furthest behind and counts them all; the list gives every one', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    try {
      // 55 projects under construction, none reported: each is behind the share of the year elapsed.
      for (let i = 0; i < 55; i += 1) {
        const created = await app.inject({
          method: 'POST',
          url: `/api/plans/${h.plan.planId}/projects`,
          headers: as(s.planning_office),
          payload: {
            fields: projectFields(`滞后项目${String(i).padStart(2, '0')}`, {
              annualPlans: [{ year: 2026, planWan: 100 + i, milestoneText: null }],
            }),
            stage: '在建',
          },
        });
        expect(created.statusCode, created.body).toBe(201);
      }
      const res = await app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/projects/dashboard?year=2026&asOf=2026-06-30`,
        headers: as(s.leader),
      });
      const board = ProjectsDashboardSchema.parse(res.json());
      expect(board.flaggedTotal).toBe(55);
      expect(board.flagged).toHaveLength(50);
      const lagging = await app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/projects?lagging=true&year=2026&asOf=2026-06-30`,
        headers: as(s.leader),
      });
      expect(lagging.json<{ items: unknown[] }>().items).toHaveLength(55);
    } finally {
      await app.close();
    }
  });
});

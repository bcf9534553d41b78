import { listNotifications, listTasks, departmentIdsByName, findUserByEmail } from '@plantrack/db';
import type { Dashboard, ReviewQueueItem, Round, RoundList, RoundProgress } from '@plantrack/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { runReminders } from '../services/reminders/reminder.service.js';
import { type Harness, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

/** Rounds open today (the real clock stamps them), so every date below counts from today. */
const TODAY = new Date().toISOString().slice(0, 10);
const day = (n: number): string =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const AS_OF = TODAY;
/** The annual round is due in 14 days, with 10 reminder days. */
const DUE = day(14);

forEachDialect((dialect, open) => {
  describe('reporting rounds over HTTP', () => {
    let h: Harness;
    let annual: Round;
    let quarter: Round;
    let ownTasks: string[];

    const rounds = (session = h.sessions.planning_office) =>
      h.app.inject({ method: 'GET', url: `/api/plans/${h.plan.planId}/rounds`, headers: as(session) });
    const openRound = (body: object, session = h.sessions.planning_office) =>
      h.app.inject({
        method: 'POST',
        url: `/api/plans/${h.plan.planId}/rounds`,
        headers: as(session),
        payload: body,
      });
    const progress = async (round: Round, session = h.sessions.planning_office, asOf = AS_OF) => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/rounds/${round.id}/progress?asOf=${asOf}`,
        headers: as(session),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<RoundProgress>();
    };
    const submitTask = (taskId: string, period: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(h.sessions.department_reporter),
        payload: {
          taskId,
          period,
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative: '推进中。' },
        },
      });

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const own = (await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT])).get(OWN_DEPT) ?? '';
      ownTasks = (await listTasks(h.app.plantrack.db, h.plan.planId))
        .filter((t) => t.owners.some((o) => o.departmentId === own))
        .map((t) => t.taskId);
    });

    it('opens rounds by department (by name) and by list; refuses what would be wrong', async () => {
      const res = await openRound({
        name: '2026年度监测',
        period: '2026',
        dueDate: DUE,
        reminderDays: 10,
        semantics: 'annual_value',
        selection: { mode: 'departments', departments: [OWN_DEPT] },
      });
      expect(res.statusCode, res.body).toBe(201);
      annual = res.json<Round>();
      expect(annual.openedAt.slice(0, 10)).toBe(TODAY);
      expect(annual).toMatchObject({
        frequency: 'annual',
        status: 'open',
        openedBy: 'planning_office',
        selectionMode: 'departments',
      });
      // The department's own indicator (by configuration) and the tasks it leads or co-leads.
      expect(annual.itemCount).toBe(1 + ownTasks.length);

      const q = await openRound({
        name: '2027年一季度',
        period: '2027Q1',
        dueDate: '2027-04-15',
        reminderDays: 5,
        semantics: 'year_to_date',
        selection: { mode: 'list', indicatorKeys: [h.otherIndicatorKey], taskKeys: [] },
      });
      expect(q.statusCode, q.body).toBe(201);
      quarter = q.json<Round>();

      const dup = await openRound({ ...base(), name: '2026年度监测' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json<{ messages: { zh: string; en: string } }>().messages.zh).toContain('已有名为');
      const badDept = await openRound({
        ...base(),
        selection: { mode: 'departments', departments: ['没有的局'] },
      });
      expect(badDept.statusCode).toBe(400);
      expect(badDept.json<{ messages: { zh: string } }>().messages.zh).toContain('没有的局');
      const badDate = await openRound({ ...base(), dueDate: '2026-02-30' });
      expect(badDate.statusCode).toBe(400);
      expect((await openRound(base(), h.sessions.department_reporter)).statusCode).toBe(403);

      const list = await rounds(h.sessions.department_reporter);
      expect(list.json<RoundList>().items.map((r) => r.name)).toEqual(['2027年一季度', '2026年度监测']);
      expect((await rounds(h.sessions.public)).statusCode).toBe(403);
    });

    it('shows per department who has reported, and the reporter only their own department', async () => {
      const before = await progress(annual);
      expect(before.totals).toEqual({ approved: 0, submitted: 0, returned: 0, missing: annual.itemCount });
      expect(ownTasks.length).toBeGreaterThan(0);
      const [task] = ownTasks;
      const obs = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          expectedRevision: 0,
          values: { value: 5.8 },
        },
      });
      expect(obs.statusCode, obs.body).toBe(201);
      expect((await submitTask(task ?? '', '2026')).statusCode).toBe(201);
      const returned = await h.app.inject({
        method: 'POST',
        url: `/api/progress-reports/${encodeURIComponent(`${task ?? ''}|2026`)}/return`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 1, reason: '请补充进展。' },
      });
      expect(returned.statusCode, returned.body).toBe(200);
      const after = await progress(annual);
      expect(after.totals).toEqual({ approved: 0, submitted: 1, returned: 1, missing: annual.itemCount - 2 });
      const row = after.departments.find((d) => d.name === OWN_DEPT);
      expect(row?.counts).toEqual(after.totals);
      expect(row?.items.find((i) => i.id === h.ownIndicatorId)?.state).toBe('submitted');
      expect(row?.items.find((i) => i.id === task)?.state).toBe('returned');

      const mine = await progress(annual, h.sessions.department_reporter);
      expect(mine.departments.map((d) => d.name)).toEqual([OWN_DEPT]);
      const others = await progress(annual, h.sessions.other_reporter);
      expect(others.departments).toEqual([]);
      const publicRes = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/rounds/${annual.id}/progress`,
        headers: as(h.sessions.public),
      });
      expect(publicRes.statusCode).toBe(403);
      // My items show the round that asks.
      const periods = await h.app.inject({
        method: 'GET',
        url: `/api/my/periods?asOf=${AS_OF}`,
        headers: as(h.sessions.department_reporter),
      });
      const items = periods.json<{ round?: { name: string } | null; dueDate: string }[]>();
      expect(items.length).toBe(annual.itemCount);
      expect(items.every((i) => i.round?.name === '2026年度监测' && i.dueDate === DUE)).toBe(true);
    });

    it('the 本期未报告 panel and the task table count the same tasks', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/dashboard?asOf=${AS_OF}`,
        headers: as(h.sessions.leader),
      });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json<Dashboard>();
      const panelTasks = new Set(
        (d.missingReports?.departments ?? []).flatMap((dept) =>
          dept.items.filter((i) => i.kind === 'task').map((i) => i.id),
        ),
      );
      const tableTasks = new Set(d.tasks.items.filter((t) => t.status === 'not_reported').map((t) => t.id));
      expect(tableTasks).toEqual(panelTasks);
      expect(d.tasks.counts.not_reported).toBe(panelTasks.size);
      // The round asks the department's tasks (a returned one is not reported); no other task is asked.
      expect(panelTasks).toEqual(new Set(ownTasks));
      expect(d.tasks.counts.awaiting).toBe(d.tasks.items.length - panelTasks.size);
    });

    it('reminds by the round due date and reminder days, and not once the round is closed', async () => {
      const reporter = await findUserByEmail(h.app.plantrack.db, h.emails.department_reporter);
      // Reminders only (the return above left a notice of its own).
      const notices = async () =>
        (
          await listNotifications(h.app.plantrack.db, { userId: reporter?.id ?? '', pageSize: 500 })
        ).items.filter((n) => n.kind === 'due-soon' || n.kind === 'overdue');
      await runReminders(h.app.plantrack, new Date(`${day(3)}T02:00:00Z`));
      expect(await notices()).toEqual([]);
      await runReminders(h.app.plantrack, new Date(`${day(5)}T02:00:00Z`));
      const soon = await notices();
      expect(soon.length).toBe(annual.itemCount - 1); // all but the submitted figure
      expect(soon.every((n) => n.kind === 'due-soon' && n.dueDate === DUE)).toBe(true);

      const close = await h.app.inject({
        method: 'POST',
        url: `/api/plans/${h.plan.planId}/rounds/${annual.id}/close`,
        headers: as(h.sessions.planning_office),
      });
      expect(close.statusCode, close.body).toBe(200);
      expect(close.json<Round>()).toMatchObject({ status: 'closed', closedBy: 'planning_office' });
      const again = await h.app.inject({
        method: 'POST',
        url: `/api/plans/${h.plan.planId}/rounds/${annual.id}/close`,
        headers: as(h.sessions.planning_office),
      });
      expect(again.statusCode).toBe(409);
      await runReminders(h.app.plantrack, new Date(`${day(22)}T02:00:00Z`));
      expect((await notices()).filter((n) => n.kind === 'overdue')).toEqual([]);
      expect(quarter.status).toBe('open');
    });

    it('marks a figure that comes in after its round closed as 逾期补报 in the review queue', async () => {
      // The returned report is sent again after the round closed.
      const late = await h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(h.sessions.department_reporter),
        payload: {
          taskId: ownTasks[0],
          period: '2026',
          expectedRevision: 2,
          values: { progress: 'in_progress', narrative: '已补充进展。' },
        },
      });
      expect(late.statusCode, late.body).toBe(201);
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/review/queue',
        headers: as(h.sessions.reviewer),
      });
      const queue = res.json<ReviewQueueItem[]>();
      expect(queue.find((q) => q.targetId === ownTasks[0])?.lateFor?.roundName).toBe('2026年度监测');
      // The one submitted while the round was open is not marked.
      expect(queue.find((q) => q.targetId === h.ownIndicatorId)?.lateFor).toBeNull();
    });
  });
});

function base() {
  return {
    name: '另一轮',
    period: '2026',
    dueDate: '2027-01-31',
    reminderDays: 7,
    semantics: 'annual_value',
    selection: { mode: 'all' },
  };
}

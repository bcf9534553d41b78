import {
  type Notification,
  emailDeliveriesOf,
  listNotifications,
  listTasks,
  departmentIdsByName,
  findUserByEmail,
} from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../../db/src/testing/dialects.js';
import type { AppContext } from '../../context.js';
import {
  type Harness,
  OTHER_DEPT,
  OWN_DEPT,
  PERSONAS,
  type Persona,
  as,
  makeHarness,
} from '../../testing/harness.js';
import {
  SMTP_USER,
  type TestSmtpServer,
  closedPort,
  startTestSmtpServer,
} from '../../testing/smtp-server.js';
import { startReminderScheduler } from './reminder.scheduler.js';
import { runReminders, runRemindersExclusive } from './reminder.service.js';

/** 11 days before the default due date of period 2026 (31 March 2027). */
const DUE_SOON = new Date('2027-03-20T02:00:00.000Z');
/** 5 days after it. */
const OVERDUE = new Date('2027-04-05T02:00:00.000Z');

type NotificationDto = {
  id: string;
  kind: string;
  subjectKey: string;
  createdAt: string;
  readAt: string | null;
};

forEachDialect((dialect, open) => {
  describe('reminders, notifications and e-mail over SMTP', () => {
    let h: Harness;
    let smtp: TestSmtpServer;
    /** The app's context with SMTP pointing at the test server, and at a port nothing listens on. */
    let live: AppContext;
    let down: AppContext;
    const userIds = {} as Record<Persona, string>;
    const staff = PERSONAS.filter((p) => p !== 'department_reporter' && p !== 'other_reporter');

    const notices = async (persona: Persona): Promise<Notification[]> =>
      (await listNotifications(h.app.plantrack.db, { userId: userIds[persona], pageSize: 500 })).items;
    const mailsTo = (persona: Persona) => smtp.received.filter((m) => m.to.includes(h.emails[persona]));
    /** Departments owning each task, by task id (the outline's 由…牵头 clauses). */
    const taskOwners = async (): Promise<Map<string, string[]>> =>
      new Map(
        (await listTasks(h.app.plantrack.db, h.plan.planId)).map((t) => [
          t.taskId,
          t.owners.map((o) => o.departmentId),
        ]),
      );

    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      h = await makeHarness(await open(), dialect);
      const base = h.app.plantrack;
      const smtpAt = (port: number) => ({
        host: '127.0.0.1',
        port,
        secure: false,
        auth: SMTP_USER,
        from: '规划监测 <plantrack@test.local>',
      });
      live = {
        ...base,
        config: { ...base.config, smtp: smtpAt(smtp.port), publicUrl: 'https://plan.example.gov.cn/' },
      };
      down = { ...base, config: { ...base.config, smtp: smtpAt(await closedPort()) } };
      for (const persona of PERSONAS) {
        const user = await findUserByEmail(base.db, h.emails[persona]);
        if (user === undefined) throw new Error(`no user ${persona}`);
        userIds[persona] = user.id;
      }
      return async () => {
        await h.app.close();
        await smtp.close();
      };
    });

    it('notifies the reporters of the owning departments of items due soon, and e-mails each one summary', async () => {
      const counts = await runReminders(live, DUE_SOON);
      expect(counts).toMatchObject({ asOf: '2027-03-20', plans: 1, overdue: 0, emailsFailed: 0 });

      const mine = await notices('department_reporter');
      const theirs = await notices('other_reporter');
      expect(mine.length).toBeGreaterThan(0);
      expect(theirs.length).toBeGreaterThan(0);
      expect(counts.dueSoon).toBe(mine.length + theirs.length);
      for (const persona of staff) expect(await notices(persona)).toEqual([]);

      const ownIndicator = mine.find((n) => n.subjectKey === h.ownIndicatorId);
      expect(ownIndicator).toMatchObject({
        kind: 'due-soon',
        subjectKind: 'indicator',
        period: '2026',
        dueDate: '2027-03-31',
        planId: h.plan.planId,
      });
      expect(ownIndicator?.title.zh).toMatch(/^【待填报】.+（2026）将于 2027-03-31 到期$/);
      expect(ownIndicator?.title.en).toMatch(/^\[Due soon\] .+ \(2026\) is due on 2027-03-31$/);
      expect(mine.map((n) => n.subjectKey)).toContain(h.ownTaskId);

      // Each reporter hears only of items their own department owns.
      const depts = await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT, OTHER_DEPT]);
      const owners = await taskOwners();
      for (const [list, dept] of [
        [mine, depts.get(OWN_DEPT)],
        [theirs, depts.get(OTHER_DEPT)],
      ] as const) {
        for (const n of list.filter((x) => x.subjectKind === 'task')) {
          expect(owners.get(n.subjectKey)).toContain(dept);
        }
      }
      expect(theirs.map((n) => n.subjectKey)).not.toContain(h.ownIndicatorId);
      expect(theirs.map((n) => n.subjectKey)).not.toContain(h.ownTaskId);

      expect(counts.emailsSent).toBe(2);
      const [mail] = mailsTo('department_reporter');
      expect(mailsTo('department_reporter')).toHaveLength(1);
      expect(mail?.subject).toBe(
        mine.length === 1 ? ownIndicator?.title.zh : `【规划实施监测】您有 ${mine.length} 条新通知`,
      );
      const zhAt = mail?.text.indexOf(ownIndicator?.title.zh ?? '-') ?? -1;
      const enAt = mail?.text.indexOf(ownIndicator?.title.en ?? '-') ?? -1;
      expect(zhAt).toBeGreaterThan(-1);
      expect(enAt).toBeGreaterThan(zhAt);
      expect(mailsTo('other_reporter')).toHaveLength(1);
      const deliveries = await emailDeliveriesOf(h.app.plantrack.db, ownIndicator?.id ?? '');
      expect(deliveries).toMatchObject([{ status: 'sent', toAddress: h.emails.department_reporter }]);
    });

    it('creates and sends nothing when run again', async () => {
      const before = smtp.received.length;
      const counts = await runReminders(live, DUE_SOON);
      expect(counts).toMatchObject({ dueSoon: 0, overdue: 0, emailsSent: 0, emailsFailed: 0 });
      expect(smtp.received).toHaveLength(before);
    });

    it('notifies overdue items not yet submitted; with SMTP down the delivery is logged as failed and sent by the next run', async () => {
      const submitted = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: { indicatorId: h.ownIndicatorId, period: '2026', expectedRevision: 0, values: { value: 1 } },
      });
      expect(submitted.statusCode).toBe(201);
      const before = smtp.received.length;
      const warnings: string[] = [];
      const failed = await runReminders(down, OVERDUE, { log: { warn: (_d, m) => warnings.push(m) } });
      expect(failed.overdue).toBeGreaterThan(0);
      // Three people have unread notices: both reporters, and the reviewer told of the submission.
      expect(failed).toMatchObject({ dueSoon: 0, emailsSent: 0, emailsFailed: 1, emailsDeferred: 2 });
      expect(warnings).toHaveLength(1);
      expect(smtp.received).toHaveLength(before);

      const overdue = (await notices('department_reporter')).filter((n) => n.kind === 'overdue');
      expect(overdue.map((n) => n.subjectKey)).toContain(h.ownTaskId);
      expect(overdue.map((n) => n.subjectKey)).not.toContain(h.ownIndicatorId);
      expect(overdue[0]?.title.zh).toMatch(/^【已逾期】.+（2026）已于 2027-03-31 到期，尚未提交$/);
      const failures = await h.app.plantrack.db
        .selectFrom('email_deliveries')
        .selectAll()
        .where('status', '=', 'failed')
        .execute();
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) expect(f.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);

      const retried = await runReminders(live, OVERDUE);
      expect(retried).toMatchObject({ dueSoon: 0, overdue: 0, emailsSent: 3, emailsFailed: 0 });
      expect(mailsTo('reviewer').at(-1)?.text).toContain('【待审核】');
      const latest = mailsTo('department_reporter').at(-1);
      expect(latest?.text).toContain(overdue[0]?.title.zh);
      // The link to sign in at is the configured public address.
      expect(latest?.text).toContain('请登录系统查看和填报：https://plan.example.gov.cn/');
      for (const n of [
        ...overdue,
        ...(await notices('other_reporter')).filter((x) => x.kind === 'overdue'),
      ]) {
        const statuses = (await emailDeliveriesOf(h.app.plantrack.db, n.id)).map((d) => d.status);
        expect(statuses.at(-1)).toBe('sent');
      }
    });

    it('tells the author when a reviewer returns their progress report, and mails it with the next run', async () => {
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(h.sessions.department_reporter),
        payload: {
          taskId: h.ownTaskId,
          period: '2027',
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative: '推进中。' },
        },
      });
      expect(created.statusCode).toBe(201);
      const key = created.json<{ key: string }>().key;
      const returned = await h.app.inject({
        method: 'POST',
        url: `/api/progress-reports/${encodeURIComponent(key)}/return`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 1, reason: '请补充佐证材料。' },
      });
      expect(returned.statusCode).toBe(200);

      const notice = (await notices('department_reporter')).find((n) => n.kind === 'returned');
      expect(notice).toMatchObject({ subjectKind: 'progress_report', subjectKey: key, period: '2027' });
      expect(notice?.title.zh).toMatch(/^【被退回】.+（2027）的进展报告被退回$/);
      expect(notice?.body.zh).toContain('请补充佐证材料。');
      expect((await notices('other_reporter')).filter((n) => n.kind === 'returned')).toEqual([]);

      const counts = await runReminders(live, OVERDUE);
      // The author hears of the return; the reviewer, of the submission.
      expect(counts).toMatchObject({ dueSoon: 0, overdue: 0, emailsSent: 2 });
      expect(mailsTo('department_reporter').at(-1)?.subject).toBe(notice?.title.zh);
    });

    it('lists, counts and marks read the caller’s own notifications only', async () => {
      const get = (persona: Persona | undefined, url: string) =>
        h.app.inject({
          method: 'GET',
          url,
          headers: as(persona === undefined ? undefined : h.sessions[persona]),
        });
      const total = (await notices('department_reporter')).length;
      // Due soon, overdue (the task; the indicator was submitted) and returned.
      expect(total).toBe(4);
      const page = await get('department_reporter', '/api/my/notifications?pageSize=3');
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: NotificationDto[]; total: number }>();
      expect(body.total).toBe(total);
      // Newest first: the reminders were created on the job's (future) test clock, the return notice now.
      expect(body.items.map((i) => i.kind)).toEqual(['overdue', 'due-soon', 'due-soon']);
      const rest = await get('department_reporter', '/api/my/notifications?pageSize=3&page=2');
      expect(rest.json<{ items: NotificationDto[] }>().items.map((i) => i.kind)).toEqual(['returned']);

      const count = async (persona: Persona) =>
        (await get(persona, '/api/my/notifications/unread-count')).json<{ unread: number }>().unread;
      expect(await count('department_reporter')).toBe(total);

      const target = body.items[0]?.id ?? '';
      const foreign = await h.app.inject({
        method: 'POST',
        url: `/api/my/notifications/${target}/read`,
        headers: as(h.sessions.other_reporter),
      });
      expect(foreign.statusCode).toBe(404);
      expect(String(foreign.headers['content-type'])).toMatch(/problem\+json/);
      expect(foreign.json<{ messages: { zh: string } }>().messages.zh).toContain('通知不存在');
      const read = await h.app.inject({
        method: 'POST',
        url: `/api/my/notifications/${target}/read`,
        headers: as(h.sessions.department_reporter),
      });
      expect(read.statusCode).toBe(200);
      expect(read.json<NotificationDto>().readAt).not.toBeNull();
      expect(await count('department_reporter')).toBe(total - 1);
      const unread = await get('department_reporter', '/api/my/notifications?unread=true&pageSize=200');
      expect(unread.json<{ items: NotificationDto[] }>().items.map((i) => i.id)).not.toContain(target);

      const others = await get('other_reporter', '/api/my/notifications?pageSize=200');
      const otherIds = others.json<{ items: NotificationDto[] }>().items.map((i) => i.id);
      expect(otherIds).not.toContain(target);
      expect((await get(undefined, '/api/my/notifications')).statusCode).toBe(401);
      expect((await get('department_reporter', '/api/my/notifications?page=0')).statusCode).toBe(400);
    });

    it('runs by hand for the planning office, and skips a run that would overlap another', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/reminders/run',
        headers: as(h.sessions.planning_office),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ asOf: string }>().asOf).toBe(new Date().toISOString().slice(0, 10));

      const first = runRemindersExclusive(h.app.plantrack, DUE_SOON);
      const overlapping = await runRemindersExclusive(h.app.plantrack, DUE_SOON);
      expect(overlapping).toBeNull();
      expect(await first).toMatchObject({ dueSoon: 0, overdue: 0 });
    });

    it('schedules runs that report through the log, and stops', async () => {
      const idle = startReminderScheduler(h.app.plantrack, {
        intervalMs: 0,
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      });
      await idle.stop();

      let finished: (detail: object) => void = () => undefined;
      const firstRun = new Promise<object>((resolve) => (finished = resolve));
      const scheduler = startReminderScheduler(h.app.plantrack, {
        intervalMs: 1,
        now: () => DUE_SOON,
        log: {
          info: (detail, message) => {
            if (message === 'reminder run finished') finished(detail);
          },
          warn: () => undefined,
          error: (detail) => {
            finished(detail);
          },
        },
      });
      expect(await firstRun).toMatchObject({ reminders: { asOf: '2027-03-20', dueSoon: 0 } });
      await scheduler.stop();
    });
  });
});

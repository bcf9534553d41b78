import { type Notification, departmentIdsByName, findUserByEmail, listNotifications } from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { runReminders } from '../services/reminders/reminder.service.js';
import { type Harness, OWN_DEPT, PERSONAS, type Persona, as, makeHarness } from '../testing/harness.js';
import { SMTP_USER, type TestSmtpServer, startTestSmtpServer } from '../testing/smtp-server.js';

/** The reviewer's day over HTTP: notices of new submissions (in the app and by mail), batch approval. */
forEachDialect((dialect, open) => {
  describe('reviewer notices and batch approval', () => {
    let h: Harness;
    let smtp: TestSmtpServer;
    const userIds = {} as Record<Persona, string>;
    let year = 2040;
    const nextPeriod = (): string => String((year += 1));

    const notices = async (persona: Persona): Promise<Notification[]> =>
      (await listNotifications(h.app.plantrack.db, { userId: userIds[persona], pageSize: 500 })).items;
    const submitObservation = async (period: string, value = 1, key?: string) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: {
          ...as(h.sessions.department_reporter),
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        payload: { indicatorId: h.ownIndicatorId, period, expectedRevision: 0, values: { value } },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ key: string; revisionNo: number }>();
    };
    const submitReport = async (period: string) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/progress-reports',
        headers: as(h.sessions.department_reporter),
        payload: {
          taskId: h.ownTaskId,
          period,
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative: '按计划推进。' },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ key: string; revisionNo: number }>();
    };
    const batch = (persona: Persona, items: object[], key?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/review/approve-batch',
        headers: { ...as(h.sessions[persona]), ...(key === undefined ? {} : { 'idempotency-key': key }) },
        payload: { items },
      });

    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      h = await makeHarness(await open(), dialect);
      for (const persona of PERSONAS) {
        const user = await findUserByEmail(h.app.plantrack.db, h.emails[persona]);
        if (user === undefined) throw new Error(`no user ${persona}`);
        userIds[persona] = user.id;
      }
      return async () => {
        await h.app.close();
        await smtp.close();
      };
    });

    it('tells the reviewers of a submission once, by name, linking to the submitting department', async () => {
      const period = nextPeriod();
      const before = (await notices('reviewer')).length;
      await submitObservation(period, 7, 'submit-once-0001');
      await submitObservation(period, 7, 'submit-once-0001'); // a replay notifies nobody again
      const mine = (await notices('reviewer')).slice(0, (await notices('reviewer')).length - before);
      expect(mine).toHaveLength(1);
      const dept = (await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT])).get(OWN_DEPT);
      expect(mine[0]).toMatchObject({
        kind: 'submitted',
        subjectKind: 'department',
        subjectKey: dept,
        period,
        planId: h.plan.planId,
        readAt: null,
      });
      expect(mine[0]?.title.zh).toContain(`【待审核】${OWN_DEPT}（department_reporter）提交了`);
      expect(mine[0]?.title.zh).toContain(`${period} 的监测值`);
      expect(mine[0]?.title.en).toContain(`[To review] department_reporter (${OWN_DEPT}) submitted`);
      // Reviewers exist, so the office is not told; nor is the submitter; nor anyone else.
      for (const persona of PERSONAS.filter((p) => p !== 'reviewer')) {
        expect((await notices(persona)).filter((n) => n.kind === 'submitted')).toEqual([]);
      }
    });

    it('mails the notice with the next reminder run where SMTP is configured', async () => {
      const base = h.app.plantrack;
      const live = {
        ...base,
        config: {
          ...base.config,
          smtp: { host: '127.0.0.1', port: smtp.port, secure: false, auth: SMTP_USER, from: 'p@test.local' },
        },
      };
      await submitReport(nextPeriod());
      await runReminders(live, new Date());
      const toReviewer = smtp.received.filter((m) => m.to.includes(h.emails.reviewer));
      expect(toReviewer.length).toBeGreaterThan(0);
      expect(toReviewer.map((m) => m.text).join('\n')).toContain('的进展报告');
    });

    it('approves a batch item by item: a stale item fails alone with a zh/en reason', async () => {
      const [a, b] = [nextPeriod(), nextPeriod()];
      const first = await submitObservation(a);
      const stale = await submitObservation(b);
      const report = await submitReport(a);
      // Someone else returns one of them meanwhile: the batch's revision of it is stale.
      const returned = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${encodeURIComponent(stale.key)}/return`,
        headers: as(h.sessions.planning_office),
        payload: { expectedRevision: stale.revisionNo, reason: '请核实口径。' },
      });
      expect(returned.statusCode, returned.body).toBe(200);

      const items = [
        { kind: 'observation', key: first.key, expectedRevision: first.revisionNo },
        { kind: 'observation', key: stale.key, expectedRevision: stale.revisionNo },
        { kind: 'progress_report', key: report.key, expectedRevision: report.revisionNo },
      ];
      const res = await batch('reviewer', items, 'batch-key-0001');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        approved: number;
        failed: number;
        results: { key: string; outcome: string; revisionNo: number | null; problem: unknown }[];
      }>();
      expect(body.approved).toBe(2);
      expect(body.failed).toBe(1);
      expect(body.results.map((r) => [r.key, r.outcome])).toEqual([
        [first.key, 'approved'],
        [stale.key, 'failed'],
        [report.key, 'approved'],
      ]);
      const failure = body.results[1]?.problem as { status: number; messages: { zh: string; en: string } };
      expect(failure.status).toBe(409);
      expect(failure.messages.zh.length).toBeGreaterThan(0);
      expect(failure.messages.en.length).toBeGreaterThan(0);

      const status = async (path: string, key: string) => {
        const history = await h.app.inject({
          method: 'GET',
          url: `${path}/${encodeURIComponent(key)}/history`,
          headers: as(h.sessions.reviewer),
        });
        return history.json<{ status: string }[]>().at(-1)?.status;
      };
      expect(await status('/api/observations', first.key)).toBe('approved');
      expect(await status('/api/observations', stale.key)).toBe('returned');
      expect(await status('/api/progress-reports', report.key)).toBe('approved');

      // A retried request (same key) replays its approvals instead of failing them as stale.
      const again = await batch('reviewer', items, 'batch-key-0001');
      expect(again.json<{ results: { outcome: string }[] }>().results.map((r) => r.outcome)).toEqual([
        'approved',
        'failed',
        'approved',
      ]);
    });

    it('refuses a batch to non-reviewers, and a batch naming one record twice', async () => {
      const item = await submitObservation(nextPeriod());
      const one = { kind: 'observation', key: item.key, expectedRevision: item.revisionNo };
      expect((await batch('department_reporter', [one])).statusCode).toBe(403);
      expect((await batch('leader', [one])).statusCode).toBe(403);
      const twice = await batch('reviewer', [one, one]);
      expect(twice.statusCode).toBe(400);
      expect((await batch('reviewer', [])).statusCode).toBe(400);
    });
  });
});

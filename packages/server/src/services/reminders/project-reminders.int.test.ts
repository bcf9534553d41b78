import {
  type Notification,
  actOnProjectReport,
  createProject,
  emptyProjectFields,
  findUserByEmail,
  listNotifications,
} from '@plantrack/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../../db/src/testing/dialects.js';
import { type Harness, OTHER_DEPT, OWN_DEPT, makeHarness } from '../../testing/harness.js';
import { runReminders } from './reminder.service.js';

forEachDialect((dialect, open) => {
  describe('reminders of the major projects’ monthly reports', () => {
    let h: Harness;
    let late: string;
    let onTime: string;
    const userId: Record<'own' | 'other', string> = { own: '', other: '' };

    /** A reporter's project notices, oldest first. */
    const notices = async (who: 'own' | 'other'): Promise<Notification[]> =>
      (await listNotifications(h.app.plantrack.db, { userId: userId[who], pageSize: 500 })).items
        .filter((n) => n.subjectKind === 'project')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.zh.localeCompare(b.title.zh));
    const run = (iso: string) => runReminders(h.app.plantrack, new Date(iso));

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const { db } = h.app.plantrack;
      const project = (name: string, stage: '在建' | '前期', leadUnit = OWN_DEPT) =>
        createProject(db, {
          planId: h.plan.planId,
          fields: { ...emptyProjectFields(name), leadUnit, totalWan: 10000 },
          stage,
          by: 'office',
        });
      late = await project('物流园', '在建');
      onTime = await project('产业园', '在建');
      // Not under construction: owes no monthly report.
      await project('安置房', '前期');
      for (const [who, persona] of [
        ['own', 'department_reporter'],
        ['other', 'other_reporter'],
      ] as const) {
        const user = await findUserByEmail(db, h.emails[persona]);
        if (user === undefined) throw new Error(`no user ${persona}`);
        userId[who] = user.id;
      }
      expect(OTHER_DEPT).not.toBe(OWN_DEPT);
      await actOnProjectReport(db, {
        projectId: onTime,
        year: 2026,
        month: 10,
        action: 'submit',
        monthWan: 100,
        ytdWan: 100,
        by: 'dept',
      });
      return async () => {
        await h.app.close();
      };
    });

    it('tells the lead department’s reporters that last month’s report is due on the 10th', async () => {
      await run('2026-11-05T02:00:00.000Z');
      const own = await notices('own');
      expect(own.map((n) => [n.kind, n.subjectKey, n.dueDate, n.period])).toEqual([
        ['due-soon', late, '2026-11-10', null],
      ]);
      expect(own[0]?.title.zh).toBe('【待填报】物流园2026年10月项目月报将于 2026-11-10 到期');
      expect(own[0]?.title.en).toContain('monthly project report of 物流园 for 2026-10');
      // Another department's reporter hears nothing of it.
      expect(await notices('other')).toEqual([]);
      // Run again the same day: nothing new.
      await run('2026-11-05T08:00:00.000Z');
      expect(await notices('own')).toHaveLength(1);
    });

    it('says it is overdue after the due day, once per project and month', async () => {
      await run('2026-11-12T02:00:00.000Z');
      await run('2026-11-20T02:00:00.000Z');
      const own = await notices('own');
      expect(own.map((n) => [n.kind, n.subjectKey, n.createdAt.slice(0, 10)])).toEqual([
        ['due-soon', late, '2026-11-05'],
        ['overdue', late, '2026-11-12'],
      ]);
      expect(own[1]?.body.zh).toContain('已逾期');
    });

    it('a submitted month is not owed; the next month is owed again', async () => {
      await run('2026-12-12T02:00:00.000Z');
      const december = (await notices('own')).filter((n) => n.title.zh.includes('2026年11月'));
      expect(december.map((n) => [n.kind, n.subjectKey]).sort()).toEqual(
        [
          ['overdue', late],
          ['overdue', onTime],
        ].sort(),
      );
      // The project that submitted October was never reminded of October.
      expect(
        (await notices('own')).filter((n) => n.subjectKey === onTime && n.title.zh.includes('2026年10月')),
      ).toEqual([]);
    });
  });
});

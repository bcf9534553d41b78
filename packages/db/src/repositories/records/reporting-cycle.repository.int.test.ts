import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { withSimulatedClock } from '../../support/clock.js';
import { queryAudit } from '../audit/audit.repository.js';
import * as observations from './observation.repository.js';
import * as reports from './progress-report.repository.js';
import { reportingCyclesOfPlan, reportingStatus, setReportingCycle } from './reporting-cycle.repository.js';

forEachDialect((_name, open) => {
  describe('reporting cycles and periods owed', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let annualId: string;
    let quarterlyId: string;
    let taskId: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      annualId = seeded.indicatorIds[0] ?? '';
      quarterlyId = seeded.indicatorIds[1] ?? '';
      taskId = seeded.taskIds[0] ?? '';
    });

    it('stores one cycle per item, replaces it and audits both writes', async () => {
      const { db } = handle;
      // The rounds open when the plan year starts (the clock is set so the test does not depend on today).
      const first = await withSimulatedClock(
        () => new Date('2026-01-05T09:00:00Z'),
        () =>
          setReportingCycle(db, {
            subject: { indicatorId: quarterlyId },
            rule: { frequency: 'monthly', dueMonthOffset: 1, dueDay: 10 },
            actor: 'office',
          }),
      );
      const second = await withSimulatedClock(
        () => new Date('2026-01-06T09:00:00Z'),
        () =>
          setReportingCycle(db, {
            subject: { indicatorId: quarterlyId },
            rule: { frequency: 'quarterly', dueMonthOffset: 1, dueDay: 15 },
            actor: 'office',
          }),
      );
      expect(second.id).toBe(first.id);
      const cycles = await reportingCyclesOfPlan(db, seeded.planId);
      expect([...cycles.values()]).toEqual([
        {
          id: first.id,
          indicatorId: quarterlyId,
          taskId: null,
          frequency: 'quarterly',
          dueMonthOffset: 1,
          dueDay: 15,
          openedOn: '2026-01-06',
        },
      ]);
      const audit = await queryAudit(db, { entity: 'reporting_cycle' });
      expect(audit).toHaveLength(2);
      await expect(
        setReportingCycle(db, {
          subject: { taskId: 'nope' },
          rule: { frequency: 'annual', dueMonthOffset: 3, dueDay: 31 },
          actor: 'office',
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        setReportingCycle(db, {
          subject: { taskId },
          rule: { frequency: 'annual', dueMonthOffset: 3, dueDay: 32 },
          actor: 'office',
        }),
      ).rejects.toBeInstanceOf(InvalidInputError);
    });

    it('lists owed periods with due dates and the state of the latest revision', async () => {
      const { db } = handle;
      await observations.saveDraft(db, {
        ref: { indicatorId: annualId, period: '2026' },
        expectedRevision: 0,
        actor: 'reporter',
        values: { value: 1 },
      });
      await observations.submit(db, {
        ref: { indicatorId: quarterlyId, period: '2027Q1' },
        expectedRevision: 0,
        actor: 'reporter',
        values: { value: 2 },
      });
      await observations.approve(db, {
        ref: { indicatorId: quarterlyId, period: '2027Q1' },
        expectedRevision: 1,
        actor: 'reviewer',
      });
      await reports.submit(db, {
        ref: { taskId, period: '2026' },
        expectedRevision: 0,
        actor: 'reporter',
        values: { progress: 'in_progress', narrative: '推进中' },
      });
      await reports.returnForCorrection(db, {
        ref: { taskId, period: '2026' },
        expectedRevision: 1,
        actor: 'reviewer',
        reason: '请补充',
      });

      const status = await reportingStatus(db, { planId: seeded.planId, asOf: '2027-04-20' });
      const of = (id: string) => status.filter((s) => s.targetId === id);
      expect(of(annualId)).toEqual([
        expect.objectContaining({
          kind: 'indicator',
          period: '2026',
          dueDate: '2027-03-31',
          state: 'draft',
          revisionNo: 1,
          overdue: true,
          daysUntilDue: -20,
        }),
      ]);
      expect(of(quarterlyId).map((s) => [s.period, s.dueDate, s.state, s.overdue])).toEqual([
        ['2026Q1', '2026-04-15', 'missing', true],
        ['2026Q2', '2026-07-15', 'missing', true],
        ['2026Q3', '2026-10-15', 'missing', true],
        ['2026Q4', '2027-01-15', 'missing', true],
        ['2027Q1', '2027-04-15', 'approved', false],
      ]);
      expect(of(taskId)).toEqual([
        expect.objectContaining({ kind: 'task', period: '2026', state: 'returned', revisionNo: 2 }),
      ]);
      // Before the first year has ended, nothing is owed; a configured default moves the due date.
      expect(await reportingStatus(db, { planId: seeded.planId, asOf: '2026-12-31' })).toEqual(
        expect.arrayContaining([expect.objectContaining({ targetId: quarterlyId, period: '2026Q3' })]),
      );
      const early = await reportingStatus(db, {
        planId: seeded.planId,
        asOf: '2027-01-05',
        annualDue: { dueMonthOffset: 1, dueDay: 20 },
      });
      expect(early.find((s) => s.targetId === annualId)).toMatchObject({
        dueDate: '2027-01-20',
        daysUntilDue: 15,
        overdue: false,
      });
      await expect(reportingStatus(db, { planId: 'nope', asOf: '2027-01-01' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('reads only the owed periods: revisions outside them change nothing; `periods` keeps the asked ones', async () => {
      const { db } = handle;
      const asOf = '2027-04-20';
      const before = await reportingStatus(db, { planId: seeded.planId, asOf });
      // Periods no item owes: before the plan's first year, and a month of an annual indicator.
      for (const period of ['2025', '2026-03']) {
        await observations.submit(db, {
          ref: { indicatorId: annualId, period },
          expectedRevision: 0,
          actor: 'reporter',
          values: { value: 9 },
        });
      }
      await reports.submit(db, {
        ref: { taskId, period: '2026Q2' },
        expectedRevision: 0,
        actor: 'reporter',
        values: { progress: 'delayed', narrative: '季度报告（任务按年填报）' },
      });
      expect(await reportingStatus(db, { planId: seeded.planId, asOf })).toEqual(before);

      const asked = await reportingStatus(db, { planId: seeded.planId, asOf, periods: ['2026', '2027Q1'] });
      expect(asked).toEqual(before.filter((s) => s.period === '2026' || s.period === '2027Q1'));
      expect(asked.find((s) => s.targetId === quarterlyId)).toMatchObject({
        period: '2027Q1',
        state: 'approved',
      });
      expect(asked.find((s) => s.targetId === taskId)).toMatchObject({ period: '2026', state: 'returned' });
      expect(await reportingStatus(db, { planId: seeded.planId, asOf, periods: [] })).toEqual([]);
    });

    it('owes no period due before the round opened: a cycle set today is never overdue at once', async () => {
      const { db } = handle;
      const lateId = seeded.indicatorIds[2] ?? '';
      const setOn = (day: string, frequency: 'quarterly' | 'monthly', dueDay: number) =>
        withSimulatedClock(
          () => new Date(`${day}T10:00:00Z`),
          () =>
            setReportingCycle(db, {
              subject: { indicatorId: lateId },
              rule: { frequency, dueMonthOffset: 1, dueDay },
              actor: 'office',
            }),
        );
      const owed = async (asOf: string) =>
        (await reportingStatus(db, { planId: seeded.planId, asOf }))
          .filter((s) => s.targetId === lateId)
          .map((s) => [s.period, s.dueDate, s.overdue]);
      expect((await setOn('2026-08-20', 'quarterly', 15)).openedOn).toBe('2026-08-20');
      // 2026Q1 (due 04-15) and Q2 (due 07-15) were never asked for; Q3 is the first period owed.
      expect(await owed('2026-08-20')).toEqual([]);
      expect(await owed('2026-10-20')).toEqual([['2026Q3', '2026-10-15', true]]);
      // Moving the due day keeps the round; a new frequency opens a new one.
      await setOn('2026-11-01', 'quarterly', 20);
      expect(await owed('2026-11-01')).toEqual([['2026Q3', '2026-10-20', true]]);
      await setOn('2026-11-02', 'monthly', 10);
      expect(await owed('2026-12-20')).toEqual([
        ['2026-10', '2026-11-10', true],
        ['2026-11', '2026-12-10', true],
      ]);
    });
  });
});

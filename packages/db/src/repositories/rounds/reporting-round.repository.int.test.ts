import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import { withSimulatedClock } from '../../support/clock.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import * as observations from '../records/observation.repository.js';
import { reportingStatus, setReportingCycle } from '../records/reporting-cycle.repository.js';
import { closeRound, openRound, roundById, roundsOfPlan } from './reporting-round.repository.js';

const at = (iso: string) => () => new Date(iso);

forEachDialect((_name, open) => {
  describe('reporting rounds', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    let gdp: string;
    let other: string;
    let task: string;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      gdp = seeded.indicatorIds[0] ?? '';
      other = seeded.indicatorIds[1] ?? '';
      task = seeded.taskIds[0] ?? '';
    });

    it('owes only what rounds ask for once a plan has one: no round, no overdue', async () => {
      const { db } = handle;
      // A quarterly cycle set in January 2026 owes 2026Q1–Q3 by December while the plan has no round.
      await withSimulatedClock(at('2026-01-05T09:00:00Z'), () =>
        setReportingCycle(db, {
          subject: { indicatorId: other },
          rule: { frequency: 'quarterly', dueMonthOffset: 1, dueDay: 15 },
          actor: 'office',
        }),
      );
      const before = await reportingStatus(db, { planId: seeded.planId, asOf: '2026-12-06' });
      expect(before.filter((o) => o.targetId === other).map((o) => o.period)).toEqual([
        '2026Q1',
        '2026Q2',
        '2026Q3',
      ]);

      const round = await withSimulatedClock(at('2026-12-01T08:00:00Z'), () =>
        openRound(db, {
          planId: seeded.planId,
          name: '2026年度监测',
          period: '2026',
          dueDate: '2027-01-31',
          reminderDays: 10,
          semantics: 'annual_value',
          selection: { mode: 'list' },
          items: [
            { kind: 'indicator', id: gdp },
            { kind: 'task', id: task },
            { kind: 'task', id: task },
          ],
          actor: 'office',
        }),
      );
      expect(round).toMatchObject({
        status: 'open',
        frequency: 'annual',
        openedBy: 'office',
        closedAt: null,
      });
      expect(round.items).toHaveLength(2);

      const after = await reportingStatus(db, { planId: seeded.planId, asOf: '2026-12-06' });
      expect(after.map((o) => [o.targetId, o.period, o.dueDate, o.overdue, o.round?.name])).toEqual([
        [gdp, '2026', '2027-01-31', false, '2026年度监测'],
        [task, '2026', '2027-01-31', false, '2026年度监测'],
      ]);
      // The day before the round opened, it asked for nothing.
      expect(await reportingStatus(db, { planId: seeded.planId, asOf: '2026-11-30' })).toEqual([]);
      // After the due date, a missing figure is overdue; a submitted one is not.
      await observations.submit(db, {
        ref: { indicatorId: gdp, period: '2026' },
        expectedRevision: 0,
        actor: 'reporter',
        values: { value: 5.8 },
      });
      const late = await reportingStatus(db, { planId: seeded.planId, asOf: '2027-02-05' });
      expect(late.map((o) => [o.targetId, o.state, o.overdue, o.daysUntilDue])).toEqual([
        [gdp, 'submitted', false, -5],
        [task, 'missing', true, -5],
      ]);
    });

    it('refuses a duplicate name, a bad period or date, an empty or foreign selection', async () => {
      const { db } = handle;
      const base = {
        planId: seeded.planId,
        name: '2027年一季度',
        period: '2027Q1',
        dueDate: '2027-04-15',
        reminderDays: 7,
        semantics: 'year_to_date' as const,
        selection: { mode: 'all' as const },
        items: [{ kind: 'indicator' as const, id: other }],
        actor: 'office',
      };
      await expect(openRound(db, { ...base, name: '2026年度监测' })).rejects.toBeInstanceOf(ConflictError);
      await expect(openRound(db, { ...base, period: '2027Q5' })).rejects.toBeInstanceOf(InvalidInputError);
      await expect(openRound(db, { ...base, dueDate: '2027-02-30' })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      await expect(openRound(db, { ...base, items: [] })).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        openRound(db, { ...base, items: [{ kind: 'task', id: 'not-a-task' }] }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(openRound(db, { ...base, planId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
      const quarter = await openRound(db, base);
      expect(quarter.frequency).toBe('quarterly');
      expect((await roundsOfPlan(db, seeded.planId)).map((r) => r.name)).toEqual([
        '2027年一季度',
        '2026年度监测',
      ]);
    });

    it('closes a round once, audited', async () => {
      const { db } = handle;
      const [quarter] = await roundsOfPlan(db, seeded.planId);
      const closed = await closeRound(db, { roundId: quarter?.id ?? '', actor: 'office2' });
      expect(closed).toMatchObject({ status: 'closed', closedBy: 'office2' });
      expect(closed.closedAt).not.toBeNull();
      expect((await roundById(db, closed.id)).status).toBe('closed');
      await expect(closeRound(db, { roundId: closed.id, actor: 'office' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(closeRound(db, { roundId: 'nope', actor: 'office' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      const audit = await queryAudit(db, { entity: 'reporting_round' });
      expect(audit.map((a) => a.action).sort()).toEqual([
        'reporting_round.close',
        'reporting_round.open',
        'reporting_round.open',
      ]);
    });

    it('opens a half-year round (2027H1, 上半年) that asks for January–June, and keeps a half-yearly cycle', async () => {
      const { db } = handle;
      const half = await withSimulatedClock(at('2027-06-01T08:00:00Z'), () =>
        openRound(db, {
          planId: seeded.planId,
          name: '2027年上半年',
          period: '2027H1',
          dueDate: '2027-07-20',
          reminderDays: 5,
          semantics: 'year_to_date',
          selection: { mode: 'list' },
          items: [{ kind: 'indicator', id: gdp }],
          actor: 'office',
        }),
      );
      expect(half).toMatchObject({ frequency: 'half_yearly', period: '2027H1', semantics: 'year_to_date' });
      expect((await roundById(db, half.id)).frequency).toBe('half_yearly');
      const owed = await reportingStatus(db, { planId: seeded.planId, asOf: '2027-07-25' });
      expect(
        owed
          .filter((o) => o.period === '2027H1')
          .map((o) => [o.targetId, o.dueDate, o.overdue, o.round?.name]),
      ).toEqual([[gdp, '2027-07-20', true, '2027年上半年']]);
      // Reported in time, the half-year is no longer missing.
      await observations.submit(db, {
        ref: { indicatorId: gdp, period: '2027H1' },
        expectedRevision: 0,
        actor: 'reporter',
        values: { value: 5.6 },
      });
      const after = await reportingStatus(db, { planId: seeded.planId, asOf: '2027-07-25' });
      expect(after.find((o) => o.period === '2027H1')).toMatchObject({
        state: 'submitted',
        overdue: false,
        round: { semantics: 'year_to_date' },
      });
      // The store accepts a half-yearly reporting cycle too (the CHECK widened by migration 0022).
      const cycle = await setReportingCycle(db, {
        subject: { indicatorId: other },
        rule: { frequency: 'half_yearly', dueMonthOffset: 1, dueDay: 20 },
        actor: 'office',
      });
      expect(cycle).toMatchObject({ frequency: 'half_yearly' });
    });
  });
});

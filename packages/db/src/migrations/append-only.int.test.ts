import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.factory.js';
import { forEachDialect } from '../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../testing/seed.js';
import { queryAudit } from '../repositories/audit/audit.repository.js';
import * as observations from '../repositories/records/observation.repository.js';
import * as reports from '../repositories/records/progress-report.repository.js';

forEachDialect((name, open) => {
  describe('append-only tables', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
      await observations.submit(handle.db, {
        ref: { indicatorId: seeded.indicatorIds[0] ?? '', period: '2026' },
        actor: 'r',
        expectedRevision: 0,
        values: { value: 7.1 },
      });
      await reports.submit(handle.db, {
        ref: { taskId: seeded.taskIds[0] ?? '', period: '2026' },
        actor: 'r',
        expectedRevision: 0,
        values: { progress: 'in_progress', narrative: '已完成方案起草' },
      });
    });

    it.each([
      ['audit_log', sql`update audit_log set actor = 'intruder'`],
      ['audit_log', sql`delete from audit_log`],
      ['observations', sql`update observations set value = 0`],
      ['observations', sql`delete from observations`],
      ['progress_reports', sql`update progress_reports set narrative = ''`],
      ['progress_reports', sql`delete from progress_reports`],
    ])('the database refuses %s: %#', async (table, statement) => {
      await expect(statement.execute(handle.db)).rejects.toThrow(new RegExp(`${table} is append-only`));
    });

    if (name === 'postgres') {
      it('refuses TRUNCATE of the audit log', async () => {
        await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/audit_log is append-only/);
      });
    }

    it('leaves the rows untouched after refused statements', async () => {
      const rows = await handle.db.selectFrom('observations').select(['value']).execute();
      expect(rows).toEqual([{ value: 7.1 }]);
      const audit = await queryAudit(handle.db);
      expect(audit.length).toBeGreaterThanOrEqual(3);
      expect(audit.some((e) => e.actor === 'intruder')).toBe(false);
    });
  });
});

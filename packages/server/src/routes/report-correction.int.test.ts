import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from '@plantrack/core';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, type Persona, as, makeHarness, signIn } from '../testing/harness.js';
import { storedReportDocument } from '../services/report/report-store.js';
import { type DatabaseHandle, requireReport } from '@plantrack/db';

// SYNTHETIC values only: these tests check that reports are frozen, not statistics.

/** 表1 as its cells' text. */
function table1(doc: ReportDocument): string[][] {
  const t = doc.sections.flatMap((s) => s.sections).find((s) => s.blocks.some((b) => b.kind === 'table'));
  const table = t?.blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table' || table.id !== 'table-1') throw new Error('no 表1');
  return table.rows.map((r) => r.map((c) => c.text));
}

forEachDialect((dialect, open) => {
  describe('a report is frozen at its snapshot', () => {
    let h: Harness;
    let db: DatabaseHandle['db'];
    beforeAll(async () => {
      // Only Date is faked: approvals and reports happen on chosen days, timers stay real.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2027-03-01T02:00:00Z'));
      const handle = await open();
      db = handle.db;
      h = await makeHarness(handle, dialect);
      return async () => {
        vi.useRealTimers();
        await h.app.close();
      };
    });
    /** Signs in afresh on the faked day (sessions made months earlier have expired). */
    async function on(day: string, persona: Persona) {
      vi.setSystemTime(new Date(`${day}T02:00:00Z`));
      return as(await signIn(h.app, h.emails[persona]));
    }

    async function post(url: string, headers: Record<string, string>, payload: object) {
      const res = await h.app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ id: string; key: string }>();
    }

    async function documentOf(id: string): Promise<ReportDocument> {
      return (await storedReportDocument(db, await requireReport(db, id))).doc;
    }

    it('regenerates identical numbers after a correction; a later report shows the correction and says so', async () => {
      const planUrl = `/api/plans/${h.plan.planId}/reports`;
      // 2027-03-02: the 2026 value is submitted and approved.
      const { key } = await post('/api/observations', await on('2027-03-02', 'department_reporter'), {
        indicatorId: h.ownIndicatorId,
        period: '2026',
        expectedRevision: 0,
        values: { value: 230 },
      });
      const keyUrl = `/api/observations/${encodeURIComponent(key)}`;
      await post(`${keyUrl}/approve`, await on('2027-03-02', 'reviewer'), { expectedRevision: 1 });

      // 2027-04-01: the annual report for 2026, as of 2027-03-31.
      const first = await post(planUrl, await on('2027-04-01', 'planning_office'), {
        kind: 'annual',
        year: 2026,
        asOf: '2027-03-31',
      });
      const before = await documentOf(first.id);
      const own = table1(before).find((r) => r[7] === '230');
      expect(own, JSON.stringify(table1(before))).toBeDefined();

      // 2027-06-15: the value is corrected and the correction approved.
      await post(`${keyUrl}/correct`, await on('2027-06-15', 'planning_office'), {
        expectedRevision: 2,
        values: { value: 231 },
        reason: '统计年鉴更正',
      });
      await post(`${keyUrl}/approve`, await on('2027-06-15', 'reviewer'), { expectedRevision: 3 });

      // Regenerating the first report: the same document, number for number.
      const again = await documentOf(first.id);
      expect(JSON.stringify(again)).toBe(JSON.stringify(before));
      const office = await on('2027-07-01', 'planning_office');
      const html = await h.app.inject({
        method: 'GET',
        url: `/api/reports/${first.id}/file?format=html`,
        headers: office,
      });
      expect(html.body).toContain('>230<');
      expect(html.body).not.toContain('已更正');

      // A report as of the same day, made after the correction, still shows what was in force then.
      const sameDay = await post(planUrl, office, { kind: 'annual', year: 2026, asOf: '2027-03-31' });
      expect(table1(await documentOf(sameDay.id))).toEqual(table1(before));

      // A report as of a later date shows the corrected value and says what it replaced.
      const later = await post(planUrl, office, { kind: 'annual', year: 2026, asOf: '2027-06-30' });
      const after = await documentOf(later.id);
      expect(table1(after).some((r) => r[7] === '231')).toBe(true);
      expect(table1(after).some((r) => r[7] === '230')).toBe(false);
      const entry = after.sources.find((s) => s.value === '231');
      expect(entry?.correction).toMatch(
        /^已更正，原值230（reviewer 2027-03-02审核）；更正原因：统计年鉴更正$/,
      );
      const laterHtml = await h.app.inject({
        method: 'GET',
        url: `/api/reports/${later.id}/file?format=html`,
        headers: office,
      });
      expect(laterHtml.body).toContain('已更正，原值230');
    });

    it('refuses an as-of date still to come and an impossible one', async () => {
      const office = await on('2027-07-01', 'planning_office');
      for (const asOf of ['2027-07-02', '2027-02-30']) {
        const res = await h.app.inject({
          method: 'POST',
          url: `/api/plans/${h.plan.planId}/reports`,
          headers: office,
          payload: { kind: 'annual', year: 2026, asOf },
        });
        expect(res.statusCode, res.body).toBe(400);
      }
    });
  });
});

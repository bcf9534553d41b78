import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError } from '../../errors.js';
import { forEachDialect } from '../../testing/dialects.js';
import { type SeededPlan, seedSamplePlan } from '../../testing/seed.js';
import { queryAudit } from '../audit/audit.repository.js';
import {
  appendReportSection,
  currentReportSections,
  reportSectionHistory,
} from './report-section.repository.js';
import { insertReport, listReports, readReportSnapshot } from './report.repository.js';
import { transitionReport } from './report-transition.repository.js';

forEachDialect((_name, open) => {
  describe('report repository', () => {
    let handle: DatabaseHandle;
    let seeded: SeededPlan;
    const snapshotJson = JSON.stringify({ format: 'test', values: [1, 2, 3] });

    beforeAll(async () => {
      handle = await open();
      seeded = await seedSamplePlan(handle);
    });

    const newReport = () =>
      insertReport(handle.db, {
        planId: seeded.planId,
        kind: 'annual',
        year: 2026,
        asOf: '2026-12-01',
        title: '年度监测报告',
        demo: false,
        planVersionId: seeded.versionId,
        snapshotJson,
        counts: { observations: 3, progressReports: 0, referenceValues: 0 },
        actor: 'office',
      });

    it('stores a report with its snapshot and hash, audited; the snapshot cannot be changed or removed', async () => {
      const report = await newReport();
      const sha = createHash('sha256').update(snapshotJson).digest('hex');
      expect(report).toMatchObject({ status: 'draft', snapshot: { sha256: sha, observations: 3 } });
      expect(await readReportSnapshot(handle.db, report.id)).toEqual({ json: snapshotJson, sha256: sha });
      await expect(sql`update report_snapshots set snapshot_json = '{}'`.execute(handle.db)).rejects.toThrow(
        /report_snapshots is append-only/,
      );
      await expect(sql`delete from report_snapshots`.execute(handle.db)).rejects.toThrow(
        /report_snapshots is append-only/,
      );
      expect((await readReportSnapshot(handle.db, report.id)).json).toBe(snapshotJson);
      const audit = await queryAudit(handle.db, { entity: 'report', entityId: report.id });
      expect(audit.map((a) => a.action)).toEqual(['report.created']);
    });

    it('appends section revisions, refuses a stale base revision, and never rewrites one', async () => {
      const report = await newReport();
      const write = (text: string, baseRevision?: number) =>
        appendReportSection(handle.db, {
          reportId: report.id,
          planId: seeded.planId,
          key: 'problems',
          text,
          baseRevision,
          actor: 'office',
        });
      expect((await write('第一稿', 0)).revisionNo).toBe(1);
      expect((await write('第二稿', 1)).revisionNo).toBe(2);
      await expect(write('迟到的稿', 1)).rejects.toThrow(ConflictError);
      expect((await write('不带版本号')).revisionNo).toBe(3);
      expect((await reportSectionHistory(handle.db, report.id, 'problems')).map((r) => r.text)).toEqual([
        '第一稿',
        '第二稿',
        '不带版本号',
      ]);
      expect((await currentReportSections(handle.db, report.id)).get('problems')?.text).toBe('不带版本号');
      await expect(sql`update report_section_revisions set text = ''`.execute(handle.db)).rejects.toThrow(
        /report_section_revisions is append-only/,
      );
    });

    it('moves a report only from the states an action starts from', async () => {
      const report = await newReport();
      const approve = () =>
        transitionReport(handle.db, {
          reportId: report.id,
          action: 'approved',
          from: ['in_review'],
          to: 'approved',
          actor: 'leader',
        });
      await expect(approve()).rejects.toThrow(/draft/);
      await transitionReport(handle.db, {
        reportId: report.id,
        action: 'submitted',
        from: ['draft'],
        to: 'in_review',
        actor: 'office',
      });
      expect(await approve()).toMatchObject({ status: 'approved', approvedBy: 'leader' });
      await expect(approve()).rejects.toThrow(ConflictError);
      const approved = await listReports(handle.db, seeded.planId, ['approved']);
      expect(approved.map((r) => r.id)).toEqual([report.id]);
    });
  });
});

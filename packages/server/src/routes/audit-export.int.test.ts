import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { departmentIdsByName } from '@plantrack/db';
import { readXlsx } from '@plantrack/formats';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { OWN_DEPT, as, makeHarness } from '../testing/harness.js';

const run = promisify(execFile);

type Row = {
  actor: string;
  actorName: string | null;
  actorDepartment: string | null;
  entity: string;
  entityId: string;
};

forEachDialect((dialect, open) => {
  it('filters the audit log by department, record and dates, and exports the same rows as .xlsx and CSV', async () => {
    const handle = await open();
    const h = await makeHarness(handle, dialect);
    const { app, sessions: s } = h;
    try {
      const submitted = await app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(s.department_reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          action: 'submit',
          expectedRevision: 0,
          values: { value: 7.5 },
        },
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const series = await app.inject({
        method: 'POST',
        url: `/api/plans/${h.plan.planId}/reference-series`,
        headers: as(s.planning_office),
        payload: { key: 'city-average', name: '全市平均', kind: 'city-average' },
      });
      expect(series.statusCode, series.body).toBe(201);
      const deptId = (await departmentIdsByName(handle.db, [OWN_DEPT])).get(OWN_DEPT);
      expect(deptId).toBeDefined();

      const read = async (query: string): Promise<Row[]> => {
        const res = await app.inject({ url: `/api/audit?${query}`, headers: as(s.planning_office) });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<Row[]>();
      };
      const ofDept = await read(`departmentId=${deptId}`);
      expect(ofDept.length).toBeGreaterThan(0);
      expect(new Set(ofDept.map((r) => `${r.actorName}/${r.actorDepartment}`))).toEqual(
        new Set([`department_reporter/${OWN_DEPT}`]),
      );
      // The indicator's id finds its observations (keys `indicatorId|period|scope`), not the series.
      const ofRecord = await read(`recordId=${encodeURIComponent(h.ownIndicatorId)}`);
      expect(ofRecord.map((r) => r.entity)).toEqual(['observation']);
      expect(ofRecord[0]?.entityId.startsWith(`${h.ownIndicatorId}|`)).toBe(true);
      expect(await read(`recordId=${encodeURIComponent(h.otherIndicatorId)}`)).toEqual([]);
      expect(await read('to=2000-01-01')).toEqual([]);
      expect((await read('from=2000-01-01&entity=reference_series')).map((r) => r.actorName)).toEqual([
        'planning_office',
      ]);

      const actors = await app.inject({ url: '/api/audit/actors', headers: as(s.planning_office) });
      expect(actors.statusCode).toBe(200);
      expect(actors.json<{ name: string | null; departmentName: string | null }[]>()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'department_reporter', departmentName: OWN_DEPT }),
          expect.objectContaining({ name: 'planning_office', departmentName: null }),
        ]),
      );

      const xlsx = await app.inject({
        url: `/api/audit/export.xlsx?departmentId=${deptId}`,
        headers: as(s.planning_office),
      });
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const book = readXlsx(xlsx.rawPayload, { sheets: ['审计日志'] });
      const rows = book.sheets[0]?.rows ?? [];
      expect(rows[0]?.cells.slice(0, 3)).toEqual(['时间 (UTC)', '操作人', '部门']);
      expect(rows.slice(1).map((r) => [r.cells[1], r.cells[2]])).toEqual(
        ofDept.map(() => ['department_reporter', OWN_DEPT]),
      );
      // Records and plans by name, as the screen shows them; the stored id only in 记录编号.
      expect(rows[0]?.cells.slice(5)).toEqual(['记录', '计划', '详情', '记录编号']);
      const submitRow = rows.slice(1).find((r) => r.cells[3] === 'observation.submit');
      expect(submitRow?.cells[5]).toMatch(/^\d+\. \S.* · 2026/);
      expect(submitRow?.cells[5]).not.toContain(h.ownIndicatorId);
      expect(submitRow?.cells[6]).not.toBe(h.plan.planId);
      expect(submitRow?.cells[6]).toBeTruthy();
      expect(String(submitRow?.cells[8]).startsWith(`${h.ownIndicatorId}|2026`)).toBe(true);
      const seriesCsv = await app.inject({
        url: '/api/audit/export.csv?from=2000-01-01&entity=reference_series',
        headers: as(s.planning_office),
      });
      expect(seriesCsv.rawPayload.toString('utf8')).toContain(',reference_series,全市平均,');

      // A failed sign-in is audited with no user behind it: named as the screen names it, not by its id.
      const failed = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'nobody@test.local', password: 'not the password' },
      });
      expect(failed.statusCode).toBe(401);
      const signInCsv = await app.inject({
        url: '/api/audit/export.csv?from=2000-01-01&entity=user',
        headers: as(s.planning_office),
      });
      expect(signInCsv.rawPayload.toString('utf8')).toContain(',未登录访客,,auth.sign_in_failed,');

      const csv = await app.inject({
        url: `/api/audit/export.csv?recordId=${encodeURIComponent(h.ownIndicatorId)}`,
        headers: as(s.planning_office),
      });
      expect(csv.statusCode).toBe(200);
      const text = csv.rawPayload.toString('utf8');
      expect(text.startsWith('\uFEFF时间 (UTC),操作人,部门')).toBe(true);
      expect(text.trim().split('\r\n')).toHaveLength(1 + ofRecord.length);
      expect(text).toContain(`department_reporter,${OWN_DEPT},observation.submit`);

      const refused = await app.inject({ url: '/api/audit/export.csv', headers: as(s.department_reporter) });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ messages: { zh: string } }>().messages.zh).toBeTruthy();

      if (dialect === 'sqlite') {
        // An independent reader: LibreOffice opens the workbook and writes the same rows as CSV.
        const dir = mkdtempSync(join(tmpdir(), 'plantrack-audit-'));
        try {
          writeFileSync(join(dir, 'audit.xlsx'), xlsx.rawPayload);
          await run(
            'soffice',
            [
              `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
              '--headless',
              '--convert-to',
              'csv:Text - txt - csv (StarCalc):44,34,76',
              '--outdir',
              dir,
              join(dir, 'audit.xlsx'),
            ],
            { timeout: 170_000 },
          );
          const lines = readFileSync(join(dir, 'audit.csv'), 'utf8').trim().split(/\r?\n/);
          expect(lines[0]).toContain('操作人');
          expect(lines).toHaveLength(1 + ofDept.length);
          expect(lines[1]).toContain(`department_reporter,${OWN_DEPT}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    } finally {
      await app.close();
    }
  }, 200_000);
});

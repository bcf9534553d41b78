import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actOnProjectReport, createProject, emptyProjectFields } from '@plantrack/db';
import { closeReportPdfPrinter, readDocument } from '@plantrack/formats';
import { poppler } from '../../../formats/src/testing/office-convert.js';
import type { Report, ReportSection } from '@plantrack/api';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

forEachDialect((dialect, open) => {
  describe('report workflow: create, write, submit, return, approve, publish, download', () => {
    let h: Harness;
    let handle: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      handle = await open();
      h = await makeHarness(handle, dialect);
      return async () => {
        await h.app.close();
      };
    });

    const office = () => as(h.sessions.planning_office);
    const leader = () => as(h.sessions.leader);
    async function call(
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      headers: object,
      payload?: object,
    ) {
      return h.app.inject({
        method,
        url,
        headers: headers as Record<string, string>,
        ...(payload ? { payload } : {}),
      });
    }

    it('takes a report through its life and publishes it to anonymous visitors', async () => {
      const created = await call('POST', `/api/plans/${h.plan.planId}/reports`, office(), {
        kind: 'annual',
        year: 2026,
      });
      expect(created.statusCode, created.body).toBe(201);
      const report = created.json<Report>();
      expect(report).toMatchObject({ status: 'draft', kind: 'annual', year: 2026, demo: false });
      expect(report.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
      const url = `/api/reports/${report.id}`;

      // Sections: those of an annual report, empty; a write appends a revision; a stale base
      // revision is refused; a section the kind does not have is refused.
      const empty = (await call('GET', `${url}/sections`, office())).json<ReportSection[]>();
      expect(empty.map((s) => [s.key, s.title, s.revisionNo])).toEqual([
        ['overview', '经济社会发展总体情况', 0],
        ['problems', '存在问题', 0],
        ['next-year', '下一年度实施重点', 0],
      ]);
      expect(empty[1]?.hint).toContain('由规划办撰写');
      const missing = await call('PUT', `${url}/sections/adjustments`, office(), { text: '调整。' });
      expect(missing.statusCode).toBe(400);
      const text = '部分约束性指标进度滞后，需加强统筹。';
      const written = await call('PUT', `${url}/sections/problems`, office(), { text, baseRevision: 0 });
      expect(written.json<ReportSection>()).toMatchObject({
        key: 'problems',
        title: '存在问题',
        text,
        revisionNo: 1,
      });
      const stale = await call('PUT', `${url}/sections/problems`, office(), {
        text: '另一稿',
        baseRevision: 0,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ code: string }>().code).toBe('stale-revision');
      const history = await call('GET', `${url}/sections/problems/history`, office());
      expect(history.json<unknown[]>()).toHaveLength(1);

      // The Word file: the right type, the Chinese file name, the office's text inside.
      const docx = await call('GET', `${url}/file?format=docx`, office());
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const disposition = String(docx.headers['content-disposition']);
      const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '');
      expect(disposition.startsWith('attachment;')).toBe(true);
      expect(name).toMatch(/^.+2026年度规划实施监测报告\.docx$/);
      const file = join(mkdtempSync(join(tmpdir(), 'plantrack-report-')), 'r.docx');
      writeFileSync(file, docx.rawPayload);
      expect(execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8')).toContain(text);

      // Submitted: locked for writing; a leader returns it with a note; it is a draft again.
      expect((await call('POST', `${url}/submit`, office(), {})).json<Report>().status).toBe('in_review');
      const locked = await call('PUT', `${url}/sections/next-year`, office(), { text: '加快推进。' });
      expect(locked.statusCode).toBe(409);
      const returned = await call('POST', `${url}/return`, leader(), { note: '请补充原因分析。' });
      expect(returned.json<Report>()).toMatchObject({ status: 'draft', returnNote: '请补充原因分析。' });
      expect(
        (await call('PUT', `${url}/sections/next-year`, office(), { text: '加快推进。' })).statusCode,
      ).toBe(200);

      // Approval is the leader's: the office cannot approve its own report; nothing skips a step.
      expect((await call('POST', `${url}/approve`, leader(), {})).statusCode).toBe(409);
      await call('POST', `${url}/submit`, office(), {});
      expect((await call('POST', `${url}/approve`, office(), {})).statusCode).toBe(403);
      const approved = (await call('POST', `${url}/approve`, leader(), {})).json<Report>();
      expect(approved.status).toBe('approved');
      expect(approved.approvedBy).not.toBeNull();

      // Not yet published: the public sees nothing of it.
      await call('PATCH', `/api/indicators/${h.otherIndicatorId}/publish`, office(), { published: true });
      const publicList = `/api/public/plans/${h.plan.planId}/reports`;
      expect((await call('GET', publicList, {})).json<unknown[]>()).toEqual([]);
      expect((await call('GET', `/api/public/reports/${report.id}/file`, {})).statusCode).toBe(404);

      const published = (await call('POST', `${url}/publish`, office(), {})).json<Report>();
      expect(published.status).toBe('published');
      const listed = (await call('GET', publicList, {})).json<{ id: string; title: string }[]>();
      expect(listed.map((r) => r.id)).toEqual([report.id]);
      const anonymous = await call('GET', `/api/public/reports/${report.id}/file?format=docx`, {});
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.rawPayload.subarray(0, 2).toString()).toBe('PK');
      // A published report's file is kept: a visitor a second later gets the very same bytes (a fresh
      // rendering would carry a new creation time in the .docx properties).
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const again = await call('GET', `/api/public/reports/${report.id}/file?format=docx`, {});
      expect(Buffer.compare(again.rawPayload, anonymous.rawPayload)).toBe(0);
      // Anonymous visitors reach only the public routes.
      expect((await call('GET', url, {})).statusCode).toBe(401);
      // The audit log has every step.
      const audit = await call(
        'GET',
        `/api/audit?entity=report&entityId=${report.id}`,
        as(h.sessions.administrator),
      );
      const actions = audit.json<{ action: string }[]>().map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'report.created',
          'report.section_written',
          'report.returned',
          'report.published',
        ]),
      );
    });

    it('shows 表3 重大项目推进情况 in the Word file and the PDF once the plan has projects (SYNTHETIC figures)', async () => {
      const projectId = await createProject(handle.db, {
        planId: h.plan.planId,
        fields: {
          ...emptyProjectFields('智能制造产业园'),
          totalWan: 50000,
          leadUnit: '区工业和信息化局',
          annualPlans: [{ year: 2026, planWan: 12000, milestoneText: null }],
        },
        stage: '在建',
        by: 'office',
      });
      const base = { projectId, year: 2026, month: 9 };
      await actOnProjectReport(handle.db, {
        ...base,
        action: 'submit',
        ytdWan: 9600,
        progressText: '主体结构封顶',
        by: 'dept',
      });
      await actOnProjectReport(handle.db, { ...base, action: 'approve', by: 'reviewer' });
      const created = await call('POST', `/api/plans/${h.plan.planId}/reports`, office(), {
        kind: 'annual',
        year: 2026,
      });
      expect(created.statusCode, created.body).toBe(201);
      const fileUrl = `/api/reports/${created.json<Report>().id}/file`;
      const docx = await call('GET', `${fileUrl}?format=docx`, office());
      expect(docx.statusCode).toBe(200);
      const { text } = await readDocument(new Uint8Array(docx.rawPayload), 'report.docx');
      expect(text).toContain('重大项目推进情况');
      expect(text).toContain('表3 重大项目推进情况');
      expect(text).toContain('表4 重点任务分工落实');
      // The reader lays a table out one cell per line: the row is the lines from the project's name on.
      const lines = text.split('\n');
      const at = lines.findIndex((line) => line.includes('智能制造产业园'));
      expect(at).toBeGreaterThan(-1);
      const row = lines.slice(at, at + 12).join('|');
      for (const cell of [
        '区工业和信息化局',
        '50000',
        '12000',
        '9600（1—9月）',
        '80%',
        '主体结构封顶',
        '正常',
      ])
        expect(row).toContain(cell);
      // The PDF (printed from the HTML) has the table too.
      const pdf = await call('GET', `${fileUrl}?format=pdf`, office());
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      const pdfFile = join(mkdtempSync(join(tmpdir(), 'plantrack-report-')), 'r.pdf');
      writeFileSync(pdfFile, pdf.rawPayload);
      const printed = (await poppler('pdftotext', [pdfFile, '-'])).replace(/\s+/g, '');
      expect(printed).toContain('表3重大项目推进情况');
      expect(printed).toContain('智能制造产业园');
    });

    it('prints the PDF with Chromium, and says why when Chromium is missing (503)', async () => {
      const created = await call('POST', `/api/plans/${h.plan.planId}/reports`, office(), {
        kind: 'briefing',
        year: 2026,
      });
      const url = `/api/reports/${created.json<Report>().id}/file?format=pdf`;
      await closeReportPdfPrinter();
      const saved = process.env.PLANTRACK_CHROMIUM;
      process.env.PLANTRACK_CHROMIUM = '/nonexistent/chromium';
      try {
        const missing = await call('GET', url, office());
        expect(missing.statusCode, missing.body).toBe(503);
        expect(missing.json<{ code: string; messages: { zh: string } }>()).toMatchObject({
          code: 'pdf-chromium-missing',
        });
      } finally {
        if (saved === undefined) delete process.env.PLANTRACK_CHROMIUM;
        else process.env.PLANTRACK_CHROMIUM = saved;
      }
      const pdf = await call('GET', url, office());
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { TemplateUploadResult } from '@plantrack/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

/** Mid-year of the plan's first year: no period is owed yet, every item will owe 2026. */
const AS_OF = '2026-06-15';

function multipartFile(
  fileName: string,
  bytes: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-formats-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Converts a workbook with LibreOffice, as a department using another office suite would save it. */
function convert(dir: string, xlsx: Buffer, to: 'ods' | 'xls'): Buffer {
  const source = join(dir, `template-${to}.xlsx`);
  writeFileSync(source, xlsx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      dir,
      source,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(dir, `template-${to}.${to}`));
}

forEachDialect((dialect, open) => {
  describe('the Excel template: every owned item, other formats, nothing new', () => {
    let h: Harness;
    let dir: string;
    let template: Buffer;

    const upload = (bytes: Buffer, name: string) => {
      const { payload, headers } = multipartFile(name, bytes);
      return h.app.inject({
        method: 'POST',
        url: `/api/my/template.xlsx?asOf=${AS_OF}`,
        headers: { ...as(h.sessions.department_reporter), ...headers },
        payload,
      });
    };

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      dir = mkdtempSync(join(tmpdir(), 'plantrack-formats-'));
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/my/template.xlsx?asOf=${AS_OF}`,
        headers: as(h.sessions.department_reporter),
      });
      expect(res.statusCode).toBe(200);
      template = res.rawPayload;
      return async () => {
        await h.app.close();
        rmSync(dir, { recursive: true, force: true });
      };
    });

    it('lists every owned item with the period it owes next, before any period falls due', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
      const rows: unknown[][] = [];
      wb.getWorksheet('指标')?.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[]).slice(1));
      });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.find((c) => c === h.ownIndicatorId))).toContain(h.ownIndicatorId);
      expect(rows.flat()).toContain('2026');
      const tasks: unknown[][] = [];
      wb.getWorksheet('任务进展')?.eachRow((row, n) => {
        if (n > 1) tasks.push((row.values as unknown[]).slice(1));
      });
      expect(tasks.flat()).toContain(h.ownTaskId);
    });

    it('answers an unchanged template with "nothing new to submit", not an error', async () => {
      const res = await upload(template, 'unchanged.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<TemplateUploadResult>();
      expect(body.message?.zh).toContain('没有新的数据需要提交');
      expect(body.message?.en).toContain('Nothing new to submit');
      expect(body.counts.saved + body.counts.submitted).toBe(0);
    });

    it('tells an .ods and an .xls (made by LibreOffice from the template) to save as .xlsx', async () => {
      for (const [to, zh, en] of [
        ['ods', 'OpenDocument 表格（.ods）', 'OpenDocument spreadsheet (.ods)'],
        ['xls', 'Excel 97–2003 工作簿（.xls）', 'Excel 97–2003 workbook (.xls)'],
      ] as const) {
        const bytes = convert(dir, template, to);
        const res = await upload(bytes, `template.${to}`);
        expect(res.statusCode, res.body).toBe(400);
        const problem = res.json<{ zh: string; en: string; detail?: string }>();
        const text = JSON.stringify(problem);
        expect(text).toContain(zh);
        expect(text).toContain('另存为');
        expect(text).toContain(en);
        expect(text).toContain('.xlsx');
        expect(text).not.toContain('工作表');
      }
    }, 240_000);
  });
});

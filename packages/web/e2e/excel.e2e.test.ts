import { readFileSync } from 'node:fs';
import { listIndicators, setReportingCycle, withSimulatedClock } from '@plantrack/db';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../server/src/testing/harness.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/** Polls long enough for a cold server and a lazily loaded screen. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Template columns (see the server's template.workbook.ts): E 期间, G 数值. */
const PERIOD_COLUMN = 5;
const VALUE_COLUMN = 7;

type PeriodRow = { id: string; period: string; state: string };

describe.skipIf(unavailable !== null)('Excel template round trip in Chromium', () => {
  let h: BrowserHarness;
  let indicatorId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    // The reporter's indicator is reported quarterly from a round opened on 1 January, so the
    // periods of the running year are owed (none due before the round opened would be).
    const own = (await listIndicators(h.handle.db, h.plan.planId)).find(
      (i) => i.indicatorId === h.ownIndicatorId,
    );
    if (own === undefined) throw new Error('the own indicator is missing');
    indicatorId = own.indicatorId;
    const newYear = new Date(`${new Date().getUTCFullYear()}-01-01T09:00:00Z`);
    await withSimulatedClock(
      () => newYear,
      () =>
        setReportingCycle(h.handle.db, {
          subject: { indicatorId },
          rule: { frequency: 'quarterly', dueMonthOffset: 1, dueDay: 15 },
          actor: 'office',
        }),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  const periodStates = async (): Promise<PeriodRow[]> => {
    const res = await h.app.inject({ url: '/api/my/periods', headers: as(h.sessions.department_reporter) });
    return res.json<PeriodRow[]>().filter((p) => p.id === indicatorId);
  };
  const queueLength = async (): Promise<number> => {
    const res = await h.app.inject({ url: '/api/review/queue', headers: as(h.sessions.reviewer) });
    return res.json<unknown[]>().length;
  };

  /** Downloads the template through the page's link and opens it. */
  const downloadTemplate = async (page: Page): Promise<ExcelJS.Workbook> => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载填报模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    return workbook;
  };
  /** The data rows of the own indicator, by Excel row number, oldest period first. */
  const dataRows = (workbook: ExcelJS.Workbook): ExcelJS.Row[] => {
    const sheet = workbook.getWorksheet('指标');
    if (sheet === undefined) throw new Error('no sheet 指标');
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === indicatorId) rows.push(row);
    });
    return rows;
  };
  const upload = async (page: Page, workbook: ExcelJS.Workbook, name: string) => {
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  };

  it('downloads the template, uploads it filled and submits; a wrong file lists its cells and saves nothing', async () => {
    const owed = await periodStates();
    expect(owed.length).toBeGreaterThanOrEqual(3);
    expect(owed.every((p) => p.state === 'missing')).toBe(true);

    const page = await h.pageAs('department_reporter');
    await page.goto('/my?tab=excel');
    await page.getByRole('heading', { name: 'Excel 批量填报' }).waitFor();

    // Valid values for the first two periods; the third is left empty (not uploaded).
    const template = await downloadTemplate(page);
    const rows = dataRows(template);
    expect(rows.map((r) => r.getCell(PERIOD_COLUMN).value)).toEqual(owed.map((p) => p.period));
    const [q1, q2] = [rows[0], rows[1]];
    if (q1 === undefined || q2 === undefined) throw new Error('rows missing');
    q1.getCell(VALUE_COLUMN).value = 5.8;
    q2.getCell(VALUE_COLUMN).value = 6.1;
    await page.getByRole('radio', { name: '直接提交审核' }).check();
    await upload(page, template, '填报模板.xlsx');
    await poll(() => page.getByText('上传成功').count()).toBe(1);
    expect(await page.locator('#main').textContent()).toContain('已提交 2 条');
    expect(await page.getByRole('table', { name: '上传结果' }).textContent()).toContain('地区生产总值');
    expect(await queueLength()).toBe(2);
    const third = owed[2]?.period ?? '';

    // A file with a text in a number cell and a period the department does not owe.
    await page.getByRole('button', { name: '再上传一个文件' }).click();
    const wrong = await downloadTemplate(page);
    const wrongRows = dataRows(wrong);
    const [first, second, thirdRow] = [wrongRows[0], wrongRows[1], wrongRows[2]];
    if (first === undefined || second === undefined || thirdRow === undefined)
      throw new Error('rows missing');
    thirdRow.getCell(VALUE_COLUMN).value = 6.4; // valid on its own, must not be saved either
    second.getCell(VALUE_COLUMN).value = '六点一';
    first.getCell(PERIOD_COLUMN).value = '2031Q1';
    await upload(page, wrong, '填报模板（有误）.xlsx');
    const errors = page.getByRole('table', { name: '出错的单元格' });
    await errors.waitFor();
    const errorText = (await errors.textContent()) ?? '';
    expect(errorText).toContain(`G${second.number}`);
    expect(errorText).toContain(`E${first.number}`);
    expect(errorText).toContain('指标');
    expect(await page.getByRole('alert').filter({ hasText: '未保存任何数据' }).count()).toBe(1);

    // Nothing was written: the valid row stayed unsaved and the queue is unchanged.
    expect(await queueLength()).toBe(2);
    expect((await periodStates()).find((p) => p.period === third)?.state).toBe('missing');
  });
});

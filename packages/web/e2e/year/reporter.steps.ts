/**
 * The department reporter's steps of the monitoring year, driven through the UI only (no API
 * calls, no database): open 我的填报, report a value (handling the pre-submission warnings), and
 * check what the department's list shows. Each step asserts what the user should see.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Polls long enough for a cold server and a lazily loaded screen. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens 我的填报 and waits for the department's list of every item it owns. */
export async function openMyItems(page: Page): Promise<Locator> {
  await page.goto('/my');
  const table = page.getByRole('table', { name: '本部门负责的全部指标和任务' });
  await table.waitFor();
  return table;
}

/** The row of an item (by a part of its name) in the list of everything the department owns. */
export async function myItemRow(page: Page, item: string): Promise<Locator> {
  const table = await openMyItems(page);
  const row = table.getByRole('row').filter({ hasText: item }).first();
  await row.waitFor();
  return row;
}

/**
 * Asserts what 我的填报 shows for an item: the next due period or date (`due`, e.g. `2027-03-31`
 * or `暂无应报期间`), the last value (`last`, e.g. `2025：6.1`) and the target text (`target`).
 */
export async function expectMyItem(
  page: Page,
  item: string,
  expected: { due?: string; last?: string; target?: string },
): Promise<void> {
  const row = await myItemRow(page, item);
  for (const text of [expected.due, expected.last, expected.target]) {
    if (text !== undefined) await poll(() => row.textContent()).toContain(text);
  }
}

/** Opens the entry drawer of an item for a period from its row (the period due next, or another). */
async function openEntry(page: Page, item: string, period: string): Promise<Locator> {
  const row = await myItemRow(page, item);
  const button = row.getByRole('button', {
    name: new RegExp(`^填报 .*${escape(item)}.* ${escape(period)}$`),
  });
  if ((await button.count()) > 0) {
    await button.click();
  } else {
    // Another period than the one due next: the "other period" form below the list.
    await page.getByRole('combobox', { name: /事项/ }).fill(item);
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /报告期/ }).fill(period);
    await page.getByRole('button', { name: '打开填报表' }).click();
  }
  const drawer = page.getByRole('dialog').filter({ has: page.getByLabel('监测值') });
  await drawer.getByLabel('监测值').waitFor();
  return drawer;
}

/** The warning dialog before a submission, if it opens (null when the value raised nothing). */
async function warningDialog(page: Page, drawer: Locator): Promise<Locator | null> {
  const dialog = page.getByRole('dialog', { name: '提交前请核对' });
  const submitted = drawer.getByRole('status').filter({ hasText: '已提交审核' });
  await poll(async () => (await dialog.isVisible()) || (await submitted.count()) > 0).toBe(true);
  return (await dialog.isVisible()) ? dialog : null;
}

/**
 * Reports a value for an item and period and submits it; attaches an evidence file when given.
 * When the checks warn, the warnings are confirmed ("确认无误，仍然提交") — pass
 * `expectWarning` to assert that they do (its text must appear in the dialog).
 */
export async function reportValue(
  page: Page,
  args: { item: string; period: string; value: number; evidencePath?: string; expectWarning?: string },
): Promise<void> {
  const drawer = await openEntry(page, args.item, args.period);
  await drawer.getByLabel('监测值').fill(String(args.value));
  if (args.evidencePath !== undefined) {
    await drawer.locator('input[type=file]').setInputFiles(args.evidencePath);
    const fileName = args.evidencePath.split('/').at(-1) ?? '';
    await drawer.getByRole('link', { name: fileName }).waitFor();
  }
  await drawer.getByRole('button', { name: '提交审核' }).click();
  const dialog = await warningDialog(page, drawer);
  if (args.expectWarning !== undefined) {
    expect(dialog, 'the checks warn before submitting').not.toBeNull();
    await poll(async () => (await dialog?.textContent()) ?? '').toContain(args.expectWarning);
  }
  if (dialog !== null) await dialog.getByRole('button', { name: '确认无误，仍然提交' }).click();
  await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核' }).count()).toBe(1);
  await page.keyboard.press('Escape');
}

/**
 * Types a wrong value, sees the warning before submitting, goes back, fixes it and submits the
 * right value, which raises no warning.
 */
export async function reportWithWarningThenCorrect(
  page: Page,
  args: { item: string; period: string; wrongValue: number; rightValue: number; warning?: string },
): Promise<void> {
  const drawer = await openEntry(page, args.item, args.period);
  await drawer.getByLabel('监测值').fill(String(args.wrongValue));
  await drawer.getByRole('button', { name: '提交审核' }).click();
  const dialog = await warningDialog(page, drawer);
  expect(dialog, `the checks warn about ${String(args.wrongValue)}`).not.toBeNull();
  if (args.warning !== undefined)
    await poll(async () => (await dialog?.textContent()) ?? '').toContain(args.warning);
  await dialog?.getByRole('button', { name: '返回修改' }).click();
  await poll(() => page.getByRole('dialog', { name: '提交前请核对' }).isVisible()).toBe(false);
  // Nothing was submitted: the form is still open with the wrong value, to be fixed.
  expect(await drawer.getByLabel('监测值').inputValue()).toBe(String(args.wrongValue));
  await drawer.getByLabel('监测值').fill(String(args.rightValue));
  await drawer.getByRole('button', { name: '提交审核' }).click();
  expect(await warningDialog(page, drawer), 'the corrected value raises no warning').toBeNull();
  await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核' }).count()).toBe(1);
  await page.keyboard.press('Escape');
}

/** A row of the template's 指标 sheet by its headers (指标名称, 期间, 数值 …), for filling it in. */
export type TemplateRow = {
  row: ExcelJS.Row;
  get: (header: string) => unknown;
  set: (header: string, value: unknown) => void;
};

/** The rows of a template sheet, each addressed by header. */
export function templateRows(workbook: ExcelJS.Workbook, sheet = '指标'): TemplateRow[] {
  const ws = workbook.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`the template has no sheet ${sheet}`);
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(cell.text, col));
  const column = (header: string): number => {
    const col = headers.get(header);
    if (col === undefined) throw new Error(`the template has no column ${header}`);
    return col;
  };
  const rows: TemplateRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push({
      row,
      get: (header) => row.getCell(column(header)).value,
      set: (header, value) => {
        row.getCell(column(header)).value = value as ExcelJS.CellValue;
      },
    });
  });
  return rows;
}

/**
 * Reports through the Excel template: downloads it from 我的填报's Excel tab, lets `fill` write
 * values into the workbook (exceljs), uploads it there submitting for review, and asserts the
 * upload succeeded with at least one row submitted. With `warning`, the values are expected to draw
 * quality warnings: the dialog must show that text before anything is submitted, and the reporter
 * confirms (确认无误，仍然提交). Returns the page's result text.
 */
export async function reportThroughTemplate(
  page: Page,
  fill: (workbook: ExcelJS.Workbook) => void | Promise<void>,
  options: { warning?: string } = {},
): Promise<string> {
  await page.goto('/my?tab=excel');
  await page.getByRole('heading', { name: 'Excel 批量填报' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载填报模板' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
  expect(templateRows(workbook).length, 'the template lists the department’s items').toBeGreaterThan(0);
  await fill(workbook);
  await page.getByRole('radio', { name: '直接提交审核' }).check();
  await page.locator('input[type=file]').setInputFiles({
    name: '填报模板.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  if (options.warning !== undefined) {
    // The values draw quality warnings: nothing is submitted until the reporter confirms them.
    const dialog = page.getByRole('dialog', { name: '提交前请核对' });
    await poll(async () => (await dialog.isVisible()) && ((await dialog.textContent()) ?? '')).toContain(
      options.warning,
    );
    expect(await page.getByText('上传成功').count(), 'nothing is submitted before confirming').toBe(0);
    await dialog.getByRole('button', { name: '确认无误，仍然提交' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
  }
  await poll(() => page.getByText('上传成功').count()).toBe(1);
  const text = (await page.locator('#main').textContent()) ?? '';
  expect(text).toMatch(/已提交 [1-9]\d* 条/);
  return text;
}

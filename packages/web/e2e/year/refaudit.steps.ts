import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The office's steps with reference values, thresholds and the audit log, driven through the UI
 * exactly as a user would (Chinese interface). Each step asserts what the user should then see.
 */

/** Picks an option of an antd select found by its accessible name, typing to narrow the list. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(option);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** Waits until a toast with this text has appeared (the write was answered). */
async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message').getByText(text).first().waitFor();
}

/** Opens the office console's references tab (optionally with an indicator preselected by id). */
export async function openReferences(page: Page, indicatorId?: string): Promise<void> {
  await page.goto(
    `/office?tab=references${indicatorId === undefined ? '' : `&indicator=${encodeURIComponent(indicatorId)}`}`,
  );
  await page.getByRole('heading', { name: '参考值序列', exact: true }).waitFor();
}

/**
 * Creates a reference series linked to an indicator (by its name as shown, e.g. "地区生产总值"),
 * and records its values by year with their source; the series then shows each value.
 */
export async function enterReferenceSeries(
  page: Page,
  series: {
    name: string;
    indicator?: string;
    kind?: '全市平均' | '上级下达目标（市定目标）' | '其他';
    unit?: string;
    values: { year: string; value: number; source: string }[];
  },
): Promise<void> {
  await openReferences(page);
  const form = page.getByRole('form', { name: '新建参考值序列' });
  await form.getByLabel('名称').fill(series.name);
  if (series.kind !== undefined) await choose(page, '类型', series.kind);
  if (series.unit !== undefined) await form.getByLabel('单位').fill(series.unit);
  if (series.indicator !== undefined) await choose(page, '同时关联到指标', series.indicator);
  await form.getByRole('button', { name: '建立序列' }).click();
  await toast(page, '已建立参考值序列');
  await page.getByRole('heading', { name: series.name, level: 3, exact: true }).waitFor();
  for (const v of series.values) await recordReferenceValue(page, { series: series.name, ...v });
  if (series.indicator !== undefined) {
    const card = page.locator('.ant-card', {
      has: page.getByRole('heading', { name: series.name, level: 3, exact: true }),
    });
    await expect
      .poll(() => card.getByText('关联指标').textContent(), { timeout: 15_000 })
      .toContain(series.indicator);
  }
}

/**
 * Records one year's value of a series; for a year that has one, `reason` makes it a correction
 * (the earlier value stays in the history).
 */
export async function recordReferenceValue(
  page: Page,
  v: { series: string; year: string; value: number; source?: string; reason?: string },
): Promise<void> {
  const form = page.getByRole('form', { name: `录入数值：${v.series}` });
  await form.getByLabel('年份').fill(v.year);
  await form.getByLabel('数值', { exact: true }).fill(String(v.value));
  if (v.source !== undefined) await form.getByLabel('数值来源').fill(v.source);
  if (v.reason !== undefined) await form.getByLabel('更正原因').fill(v.reason);
  await form.getByRole('button', { name: '录入数值' }).click();
  const table = page.getByRole('table', { name: v.series });
  await table
    .getByRole('row')
    .filter({ hasText: v.year })
    .filter({ hasText: String(v.value) })
    .first()
    .waitFor();
}

/** The reference-series link shown for an indicator in "需要参考值的指标" ('未关联' or '已关联'). */
export async function referenceLinkState(page: Page, indicator: string): Promise<string> {
  const row = page
    .getByRole('table', { name: '需要参考值的指标' })
    .getByRole('row')
    .filter({ hasText: indicator });
  return (await row.locator('.pt-tag').first().textContent()) ?? '';
}

/**
 * Sets the plan's status thresholds: a name for the set and any cut points to change (labels as on
 * the screen, e.g. `{ '符合预期（P ≥）': 0.9 }`); the form then shows the set in force.
 */
export async function setThresholds(
  page: Page,
  thresholds: { name: string; values?: Record<string, number> },
): Promise<void> {
  await openReferences(page);
  const form = page.getByRole('form', { name: '评估阈值' });
  await form.getByLabel('阈值方案名称').fill(thresholds.name);
  for (const [label, value] of Object.entries(thresholds.values ?? {})) {
    await form.getByLabel(label, { exact: true }).fill(String(value));
  }
  await form.getByRole('button', { name: '保存阈值' }).click();
  await toast(page, '已保存阈值');
  await page.getByText(`本规划设定的阈值 ${thresholds.name}`).waitFor();
}

/** Opens the audit log tab, with filters picked on the screen (person and department by name). */
export async function openAudit(
  page: Page,
  filter: { person?: string; department?: string; record?: string; from?: string; to?: string } = {},
): Promise<void> {
  await page.goto('/office?tab=audit');
  const filters = page.getByRole('group', { name: '筛选操作日志' });
  await filters.waitFor();
  if (filter.person !== undefined) await choose(page, '操作人', filter.person);
  if (filter.department !== undefined) await choose(page, '部门', filter.department);
  if (filter.record !== undefined) await choose(page, '记录', filter.record);
  if (filter.from !== undefined) await filters.getByLabel('起始日期').fill(filter.from);
  if (filter.to !== undefined) await filters.getByLabel('截止日期（含）').fill(filter.to);
  // The filters go into the address first; wait for the rows of that selection.
  for (const key of ['person', 'department', 'record', 'from', 'to'] as const) {
    if (filter[key] !== undefined) await page.waitForURL(new RegExp(`[?&]${key}=`));
  }
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
}

/**
 * Asserts that the audit log (as filtered on the screen) shows a row with this person, action and
 * record, all by name (e.g. `{ person: '张三', action: '提交', record: '地区生产总值' }`).
 */
export async function expectAuditRow(
  page: Page,
  row: { person: string; action: string; record: string; department?: string },
): Promise<void> {
  const table = page.getByRole('table', { name: '操作日志' });
  let rows = table.getByRole('row').filter({ hasText: row.person }).filter({ hasText: row.action });
  rows = rows.filter({ hasText: row.record });
  if (row.department !== undefined) rows = rows.filter({ hasText: row.department });
  await rows.first().waitFor();
}

/** Exports the filtered audit log from the screen; returns the downloaded file's bytes and name. */
export async function exportAudit(
  page: Page,
  format: 'xlsx' | 'csv' = 'xlsx',
): Promise<{ name: string; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('link', { name: format === 'xlsx' ? '导出 Excel' : '导出 CSV' }).click();
  const download: Download = await downloaded;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

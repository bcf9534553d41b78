import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';
import {
  acceptSuggestedOwners,
  openOwnership,
  poll,
  ownershipHistoryText,
  ownershipRow,
  setIndicatorLead,
  setTaskLeads,
} from './year/ownership.steps.js';

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(unavailable !== null)('the office console: who owns each indicator and task', () => {
  let h: BrowserHarness;
  let page: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    page = await h.pageAs('planning_office');
  });
  afterAll(async () => {
    await h.close();
  }, 180_000);

  it('accepts a suggestion, changes an indicator lead and a task’s leads, each recorded with names', async () => {
    const accepted = await acceptSuggestedOwners(page, ['一般公共预算收入']);
    expect(accepted.get('一般公共预算收入')).toBe('区财政局');
    // No department in the registry publishes life expectancy: the office picks another one.
    expect(await ownershipRow(page, '人均预期寿命').textContent()).toContain('需先新建该部门');
    await setIndicatorLead(page, '人均预期寿命', '区发展和改革局');
    await setTaskLeads(page, '深化要素市场化改革', '区财政局', ['区发展和改革局']);
    const history = await ownershipHistoryText(page, '深化要素市场化改革');
    expect(history).toContain('planning_office');
    expect(history).toContain('区财政局（牵头）');
    expect(history).toContain('区发展和改革局（配合）');
    expect(history).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await ownershipHistoryText(page, '一般公共预算收入')).toContain('区财政局（牵头）');
  }, 180_000);

  it('keeps its filters in the URL and sets a lead for the selected rows at once', async () => {
    await page.goto('/office?tab=ownership&owner=none&kind=indicator');
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const text = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(text).not.toContain('一般公共预算收入');
    expect(text).not.toContain('深化要素市场化改革');
    for (const name of ['林木覆盖率', '耕地保有量']) {
      await page.getByRole('checkbox', { name: new RegExp(name) }).check();
    }
    await page.getByLabel('选择部门', { exact: true }).click();
    await page.getByLabel('选择部门', { exact: true }).fill('常州市自然资源和规划局武进分局');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="常州市自然资源和规划局武进分局"]')
      .click();
    await page.getByRole('button', { name: '设为牵头单位' }).click();
    // Assigned rows leave the "unassigned" filter.
    await expect
      .poll(async () => (await page.locator('.ant-table-tbody').textContent()) ?? '')
      .not.toContain('林木覆盖率');
    expect(page.url()).toContain('owner=none');
    await page.goto('/office?tab=ownership&kind=indicator');
    await expect
      .poll(() => ownershipRow(page, '耕地保有量').locator('td').nth(2).textContent())
      .toContain('常州市自然资源和规划局武进分局');
  }, 180_000);

  it('accepts every suggestion shown; the rest still await a department to be created', async () => {
    await acceptSuggestedOwners(page);
    await openOwnership(page);
    expect(await ownershipRow(page, '细颗粒物').locator('td').nth(2).textContent()).toContain(
      '常州市武进生态环境局',
    );
    expect(await ownershipRow(page, '注册护士数').textContent()).toContain('区卫生健康局');
  }, 180_000);

  it('has no serious accessibility violation and no sideways scroll, desktop and phone; screenshots', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/office?tab=ownership&owner=none');
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'office-ownership.png'), await smallPng(page));
    // The edit dialog and the history drawer too.
    await ownershipRow(page, '注册护士数').getByRole('button', { name: /^修改/ }).click();
    await poll(() => page.getByRole('dialog').filter({ hasText: '修改责任单位' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /取\s*消/ }).click();
    expect(await ownershipHistoryText(page, '注册护士数')).toContain('尚无变更记录');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    // On a phone the owners are listed under the item's name.
    await page.goto('/office?tab=ownership&kind=task');
    await poll(() => ownershipRow(page, '深化要素市场化改革').textContent()).toContain('牵头单位：区财政局');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.goto('/office?tab=ownership&owner=none');
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    writeFileSync(join(SCREENSHOT_DIR, 'office-ownership-phone.png'), await page.screenshot({ type: 'png' }));
  }, 180_000);
});

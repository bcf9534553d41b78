import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';

const unavailable = browserTestsUnavailable();

/** Polls long enough for a cold server, a lazily loaded screen and a report being rendered. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

/** What the office writes under 存在问题; it must reach the published Word file. */
const PROBLEMS = '部分指标数据报送不及时，统计口径有待进一步统一。';

/** Whether the page is wider than the window (a phone user would have to scroll sideways). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Desktop and phone (390 px) screenshots, written to docs/screenshots on request. */
async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await focus?.scrollIntoViewIfNeeded();
  writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), await smallPng(page));
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await scrollsSideways(page), `${name} fits 390 px`).toBe(false);
  await focus?.scrollIntoViewIfNeeded();
  writeFileSync(join(SCREENSHOT_DIR, `${name}-phone.png`), await page.screenshot({ type: 'png' }));
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe.skipIf(unavailable !== null)('evaluation reports in Chromium', () => {
  let h: BrowserHarness;
  let reportUrl: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    // The plan has a public page once something of it is published.
    const published = await h.app.inject({
      method: 'PATCH',
      url: `/api/indicators/${h.ownIndicatorId}/publish`,
      headers: as(h.sessions.planning_office),
      payload: { published: true },
    });
    expect(published.statusCode).toBe(200);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the office generates the annual report and writes 存在问题', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/dashboard');
    await page.getByRole('link', { name: '报告' }).click();
    await page.waitForURL('**/reports');
    await page.getByRole('heading', { name: '生成报告' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'reports');

    await page.getByRole('spinbutton', { name: '年度' }).fill('2026');
    await page.getByRole('button', { name: '生成报告' }).click();
    await page.waitForURL(/\/reports\/[^/]+$/);
    reportUrl = new URL(page.url()).pathname;
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/2026/);

    const section = page.getByRole('region', { name: /^存在问题/ });
    await section.getByRole('textbox').fill(PROBLEMS);
    await section.getByRole('button', { name: '保存' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '已保存' }).count()).toBe(1);
    // The save made version 1, listed with its text.
    await section.getByRole('button', { name: /历次版本/ }).click();
    await poll(() => page.getByRole('dialog').textContent()).toContain(PROBLEMS);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // Wait for the dialog's closing fade: half-transparent text would fail the contrast audit.
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The preview is the server's HTML rendering, with the text just written.
    const preview = page.frameLocator('iframe[title^="报告预览"]');
    await poll(() => preview.locator('body').textContent()).toContain(PROBLEMS);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'report');

    await page.getByRole('button', { name: '提交审定' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '已提交审定' }).count()).toBe(1);
    // Submitted: the text can no longer be changed from here (once the page has reloaded the report).
    await poll(() => section.getByRole('textbox').count()).toBe(0);
  });

  it('a leader returns it with a reason; the office sees the reason and submits again', async () => {
    const page = await h.pageAs('leader');
    await page.goto('/reports');
    const awaiting = page.getByRole('list', { name: '待审定的报告' });
    await awaiting.waitFor();
    await awaiting.getByRole('link').first().click();
    await page.waitForURL(`**${reportUrl}`);
    // A leader reads the sections but does not edit them.
    await poll(() => page.getByRole('region', { name: /^存在问题/ }).textContent()).toContain(PROBLEMS);
    expect(
      await page
        .getByRole('region', { name: /^存在问题/ })
        .getByRole('textbox')
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('请补充原因分析。');
    await page.getByRole('dialog').getByRole('button', { name: '退回修改' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '已退回' }).count()).toBe(1);

    const office = await h.pageAs('planning_office');
    await office.goto(reportUrl);
    await poll(() => office.locator('#main').textContent()).toContain('退回意见：请补充原因分析。');
    await office.getByRole('button', { name: '提交审定' }).click();
    await poll(() => office.getByRole('status').filter({ hasText: '已提交审定' }).count()).toBe(1);
  });

  it('a leader approves it (the screens also speak English)', async () => {
    const page = await h.pageAs('leader', { lang: 'en' });
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Approved.' }).count()).toBe(1);
    await page.goto('/reports');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Evaluation reports');
    expect(await page.getByRole('list', { name: 'All reports' }).textContent()).toContain('Approved');
  });

  it('the office publishes it and an anonymous visitor downloads the Word file', async () => {
    const office = await h.pageAs('planning_office');
    await office.goto(reportUrl);
    await office.getByRole('button', { name: '发布' }).click();
    await poll(() => office.getByRole('status').filter({ hasText: '已发布' }).count()).toBe(1);

    const page = await h.pageAs(null);
    await page.goto('/public');
    const reports = page.getByRole('list', { name: '评估报告' });
    await reports.waitFor();
    expect(await reports.textContent()).toMatch(/2026/);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reports.getByRole('link', { name: /Word/ }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    const documentXml = files['word/document.xml'];
    expect(documentXml, 'word/document.xml in the package').toBeDefined();
    const text = strFromU8(documentXml ?? new Uint8Array()).replace(/<[^>]+>/g, '');
    expect(text).toContain(PROBLEMS);
    await shoot(page, 'public-reports', reports);
  });
});

import { readFileSync } from 'node:fs';
import { listIndicators } from '@plantrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OTHER_DEPT, as } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { seedProjects } from './projects/seed-projects.js';

const unavailable = browserTestsUnavailable();

/** Polls long enough for a cold server and a lazily loaded screen. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// SYNTHETIC projects: one published, one not.
const PUBLISHED_PROJECT = '湖塘镇智能装备产业园';
const HIDDEN_PROJECT = '湖塘镇未公开储备项目';

describe.skipIf(unavailable !== null)('public view in Chromium', () => {
  let h: BrowserHarness;
  let publishedName: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    const indicators = await listIndicators(h.handle.db, h.plan.planId);
    const forest = indicators.find((i) => i.name === '林木覆盖率');
    if (forest === undefined) throw new Error('sample plan lacks 林木覆盖率');
    publishedName = forest.name;
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/indicators/${forest.indicatorId}/publish`,
      headers: as(h.sessions.planning_office),
      payload: { published: true },
    });
    expect(res.statusCode).toBe(200);
    await seedProjects(h, [
      { name: PUBLISHED_PROJECT, fields: { totalWan: 56000, startYear: 2025, endYear: 2028 } },
      {
        name: HIDDEN_PROJECT,
        stage: '储备',
        fields: { published: false, leadUnit: OTHER_DEPT, place: '西太湖科技产业园' },
      },
    ]);
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows an anonymous visitor only the published indicator, with the story first', async () => {
    const page = await h.pageAs(null);
    await page.goto('/public');
    const list = page.getByRole('list', { name: '指标卡片' });
    await list.waitFor();
    await poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.textContent()).toContain(publishedName);
    const main = (await page.locator('#main').textContent()) ?? '';
    expect(main).toContain('已公开 1 项指标');
    expect(main).not.toContain('一般公共预算收入');
    expect(main).not.toContain('地区生产总值');
    // Nobody signed in: the page offers signing in, not signing out.
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(0);
  });

  it('lists only the published major project, with its published fields, at desktop and phone width', async () => {
    const page = await h.pageAs(null);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/public');
    const table = page.getByRole('table', { name: /已公开的重大项目/ });
    await poll(() => table.textContent()).toContain(PUBLISHED_PROJECT);
    const text = (await table.textContent()) ?? '';
    for (const shown of ['产业', '湖塘镇', '56,000', '2025–2028', '区财政局', '在建']) {
      expect(text).toContain(shown);
    }
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('#main').textContent()).not.toContain(HIDDEN_PROJECT);
    // Fields the office keeps to itself (the content, the code) are not in the table.
    expect(text).not.toContain('厂房及配套');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await poll(() => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the public page of the indicator with the chart table and the status in words', async () => {
    const page = await h.pageAs(null);
    await page.goto('/public');
    await page.getByRole('link', { name: new RegExp(publishedName) }).click();
    await page.waitForURL('**/public/indicators/**');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(publishedName);
    expect(await page.getByRole('region', { name: '评估结果' }).textContent()).toMatch(
      /数据不足|符合|滞后|实现/,
    );
    expect(await page.getByRole('table', { name: /图表数据/ }).textContent()).toContain('26.5');
  });

  it('downloads the published data as CSV', async () => {
    const page = await h.pageAs(null);
    await page.goto('/public');
    const button = page.getByRole('link', { name: /下载 CSV/ });
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(publishedName);
    expect(text).not.toContain('一般公共预算收入');
  });

  it('keeps unpublished indicators out of the public API', async () => {
    const indicators = await listIndicators(h.handle.db, h.plan.planId);
    const hidden = indicators.find((i) => !i.published);
    const res = await fetch(`${h.baseUrl}/api/public/indicators/${hidden?.indicatorId ?? ''}/assessment`);
    expect(res.status).toBe(404);
    const projects = await fetch(`${h.baseUrl}/api/public/plans/${h.plan.planId}/projects`);
    const body = (await projects.json()) as { items: { name: string }[] };
    expect(body.items.map((p) => p.name)).toEqual([PUBLISHED_PROJECT]);
  });
});

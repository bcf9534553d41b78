import { listIndicators } from '@plantrack/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_DEPT, as } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { seedProjects } from './projects/seed-projects.js';

const unavailable = browserTestsUnavailable();

/** Polls long enough for a cold server and a lazily loaded screen. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Records every request the page makes to the API. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${request.method()} ${url.pathname}`);
  });
  return seen;
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// SYNTHETIC projects at 湖塘镇: one of the test reporter's department, one of another department.
const OWN_PROJECT = '湖塘镇智能装备产业园';
const OTHER_PROJECT = '湖塘镇污水管网提升工程';

describe.skipIf(unavailable !== null)('leader dashboard and indicator page in Chromium', () => {
  let h: BrowserHarness;
  let revenueId: string;
  let ownProjectId: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    // 一般公共预算收入 (target 218): one approved value, so the chart and its table have data.
    const indicators = await listIndicators(h.handle.db, h.plan.planId);
    const revenue = indicators.find((i) => i.name === '一般公共预算收入');
    if (revenue === undefined) throw new Error('sample plan lacks 一般公共预算收入');
    revenueId = revenue.indicatorId;
    const submitted = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: as(h.sessions.planning_office),
      payload: { indicatorId: revenueId, period: '2026', expectedRevision: 0, values: { value: 150.5 } },
    });
    expect(submitted.statusCode).toBe(201);
    const key = encodeURIComponent(submitted.json<{ key: string }>().key);
    const approved = await h.app.inject({
      method: 'POST',
      url: `/api/observations/${key}/approve`,
      headers: as(h.sessions.reviewer),
      payload: { expectedRevision: 1 },
    });
    expect(approved.statusCode).toBe(200);
    [ownProjectId = ''] = await seedProjects(h, [
      { name: OWN_PROJECT, fields: { totalWan: 56000 } },
      { name: OTHER_PROJECT, stage: '前期', fields: { leadUnit: OTHER_DEPT, published: false } },
    ]);
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows all 27 indicator cards in Chinese with at most 6 API requests', async () => {
    const page = await h.pageAs('leader');
    const requests = apiRequests(page);
    const started = Date.now();
    await page.goto('/dashboard');
    const list = page.getByRole('list', { name: '指标卡片' });
    await list.waitFor();
    const cards = list.getByRole('listitem');
    await poll(() => cards.count()).toBe(27);
    console.info(`dashboard: 27 cards after ${Date.now() - started} ms`);
    await poll(() => cards.first().textContent()).toMatch(/地区生产总值/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/监测总览/);
    // Counts per status and the binding indicators are visible.
    expect(await page.getByRole('region', { name: '指标状态' }).textContent()).toMatch(/数据不足/);
    expect(await page.getByText('约束性', { exact: true }).count()).toBe(8);
    await page.waitForLoadState('networkidle');
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(6);
    expect(requests).toContain(`GET /api/plans/${h.plan.planId}/dashboard`);
  });

  it('with a slow server, shows the page frame first and the cards when the data arrives, asked once', async () => {
    const page = await h.pageAs('leader');
    const requests = apiRequests(page);
    // The dashboard's data answers after 3 s: longer than the first render waits for it (1.5 s).
    await page.route('**/api/plans/*/dashboard', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await page.goto('/dashboard');
    await page.getByRole('link', { name: '监测总览' }).waitFor();
    expect(await page.locator('[data-testid="indicator-card"]').count()).toBe(0);
    await poll(() => page.locator('[data-testid="indicator-card"]').count()).toBe(27);
    expect(requests.filter((r) => r === `GET /api/plans/${h.plan.planId}/dashboard`)).toHaveLength(1);
  });

  it('narrows the cards with the filters and the status buttons', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/dashboard');
    const list = page.getByRole('list', { name: '指标卡片' });
    await list.waitFor();
    const cards = list.getByRole('listitem');
    await poll(() => cards.count()).toBe(27);

    await page.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '约束类指标' }).click();
    await poll(() => cards.count()).toBe(8);
    expect(await page.getByRole('status').filter({ hasText: '显示' }).textContent()).toContain('8 / 27');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await poll(() => cards.count()).toBe(27);

    // A status button shows only that status; none is 已实现 yet, and the page says what to do.
    await page.getByRole('button', { name: /^已实现/ }).click();
    await poll(() => cards.count()).toBe(0);
    expect(await page.getByText('没有符合筛选条件的指标').count()).toBe(1);
    await page.getByRole('button', { name: /^已实现/ }).click();
    await poll(() => cards.count()).toBe(27);
  });

  it('opens an indicator page with the chart, its table alternative and the status explained', async () => {
    const page = await h.pageAs('leader');
    await page.goto('/dashboard');
    await page.getByRole('link', { name: '2. 一般公共预算收入' }).click();
    await page.waitForURL(`**/indicators/${revenueId}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/一般公共预算收入/);
    const table = page.getByRole('table', { name: /图表数据/ });
    await table.waitFor();
    expect(await table.textContent()).toContain('150.5');
    expect(await table.textContent()).toContain('218');
    expect(await page.getByRole('img', { name: /走势|图表/ }).count()).toBeGreaterThan(0);
    const assessment = page.getByRole('region', { name: '评估结果' });
    // A plain sentence explains the status; the direction reads once; the formula is folded away.
    expect(await page.getByTestId('plain-sentence').textContent()).toMatch(/^一般公共预算收入\d{4}年为/);
    expect(await assessment.textContent()).not.toContain('方向已设定');
    expect(await assessment.textContent()).not.toContain('E(t)');
    await assessment.getByRole('button', { name: '计算方法' }).click();
    await poll(() => assessment.textContent()).toContain('÷');
    // The revision history of the approved value is one click away.
    await page
      .getByRole('button', { name: /修订记录/ })
      .first()
      .click();
    await poll(() => page.getByRole('table', { name: /修订记录/ }).textContent()).toMatch(/审核通过/);
  });

  it('shows the spatial schematic with keyboard-focusable places and its table alternative', async () => {
    const page = await h.pageAs('leader');
    await page.goto('/map');
    const city = page.getByRole('button', { name: /^武进品质活力主城/ });
    await city.waitFor();
    expect(
      await page
        .getByRole('button', {
          name: /^(武进品质活力主城|武高新智造理想城|西太湖生态科学城|太湖湾休闲度假城)（\d+）/,
        })
        .count(),
    ).toBe(4);
    // A place's accessible name is what it shows: its name, then its number of items.
    await page.getByRole('button', { name: /^湖塘镇\s*\d+\s*项目/ }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('heading', { name: '“湖塘镇”的相关事项' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: /地点及相关事项/ }).textContent()).toContain(
      '西太湖生态科学城',
    );
  });

  it('shows the major projects of a place on the map, in the table and in its list, as each role may see them', async () => {
    const page = await h.pageAs('leader');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/map');
    const town = page.getByRole('button', { name: /^湖塘镇\s*\d+\s*项目 2$/ });
    await town.click();
    const list = page.getByRole('list', { name: '重大项目（2）' });
    await poll(() => list.textContent()).toContain(OTHER_PROJECT);
    expect(await list.textContent()).toContain('在建 · 总投资 56,000 万元');
    expect(await list.textContent()).toContain('前期');
    const row = page
      .getByRole('table', { name: /地点及相关事项/ })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '湖塘镇', exact: true }) });
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('2');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await poll(() => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await list.getByRole('link', { name: OWN_PROJECT }).click();
    await page.waitForURL(`**/projects/${ownProjectId}`);

    // A reporter sees their department's project only.
    const reporter = await h.pageAs('department_reporter');
    await reporter.goto('/map');
    await reporter.getByRole('button', { name: /^湖塘镇\s*\d+\s*项目 1$/ }).click();
    const own = reporter.getByRole('list', { name: '重大项目（1）' });
    await poll(() => own.textContent()).toContain(OWN_PROJECT);
    expect(await own.textContent()).not.toContain(OTHER_PROJECT);
  });
});

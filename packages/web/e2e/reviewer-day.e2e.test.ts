import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';
import {
  approveAllAfterSeeingFlags,
  approveOne,
  expectNotification,
  returnSubmission,
  reviewCard,
} from './year/reviewer.steps.js';

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(unavailable !== null)("the reviewer's day in the browser", () => {
  let h: BrowserHarness;
  let indicatorName: string;
  let taskName: string;

  const headers = () => ({
    cookie: h.sessions.department_reporter.cookie,
    'x-csrf-token': h.sessions.department_reporter.csrf,
  });
  /** The department's submissions (the reporter's part of the year, done over HTTP here). */
  const submit = async (period: string, value: number) => {
    const obs = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: headers(),
      payload: { indicatorId: h.ownIndicatorId, period, expectedRevision: 0, values: { value } },
    });
    expect(obs.statusCode, obs.body).toBe(201);
    const report = await h.app.inject({
      method: 'POST',
      url: '/api/progress-reports',
      headers: headers(),
      payload: {
        taskId: h.ownTaskId,
        period,
        expectedRevision: 0,
        values: { progress: 'in_progress', narrative: '按计划推进，已完成年度工作量的七成。' },
      },
    });
    expect(report.statusCode, report.body).toBe(201);
  };

  beforeAll(async () => {
    h = await startBrowserHarness();
    const read = async (url: string) =>
      (await h.app.inject({ method: 'GET', url, headers: headers() })).json<unknown>();
    indicatorName = ((await read(`/api/indicators/${h.ownIndicatorId}`)) as { indicator: { name: string } })
      .indicator.name;
    const tasks = (await read(`/api/plans/${h.plan.planId}/tasks?pageSize=200`)) as {
      items: { id: string; measure: string }[];
    };
    taskName = tasks.items.find((t) => t.id === h.ownTaskId)?.measure.slice(0, 12) ?? '';
    expect(taskName).not.toBe('');
  });
  afterAll(async () => {
    await h.close();
  });

  it('is told of submissions, returns one, approves one after confirming, and a batch after reading every flag', async () => {
    await submit('2025', 5000); // off by far more than a power of ten: flagged
    await submit('2026', 8.5);
    const page = await h.pageAs('reviewer');
    await page.setViewportSize(DESKTOP);
    await page.goto('/review');

    await expectNotification(page, '区财政局（department_reporter）提交了');
    // The notice leads to the queue filtered to the submitting department and the period.
    const url = new URL(page.url());
    expect(url.searchParams.get('department')).not.toBeNull();
    expect(url.searchParams.get('period')).toBe('2026');
    await expect.poll(() => reviewCard(page, taskName, '2025').count()).toBe(0);
    await reviewCard(page, indicatorName, '2026').waitFor();
    // The queue names who submitted, never an id.
    expect(await reviewCard(page, indicatorName, '2026').textContent()).toContain(
      '提交人：department_reporter（区财政局）',
    );
    await page.reload();
    await reviewCard(page, indicatorName, '2026').waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await reviewCard(page, taskName, '2025').waitFor();

    await returnSubmission(page, { item: taskName, period: '2025', reason: '请补充佐证材料。' });
    await approveOne(page, { item: indicatorName, period: '2026', value: '8.5' });

    // The batch waits for the flag to be read: what the screenshot shows.
    const batch = page.getByRole('region', { name: '批量审核' });
    await batch.getByRole('button', { name: '全选本页' }).click();
    await batch.getByText('还有 1 项的数据质量提示未查看', { exact: false }).waitFor();
    expect(await batch.getByRole('button', { name: '批量通过（2 项）' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'review-batch.png'), await smallPng(page));
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'review-batch-phone.png'), await page.screenshot({ type: 'png' }));
    await page.setViewportSize(DESKTOP);
    await batch.getByRole('button', { name: '清除选择' }).click();

    expect(await approveAllAfterSeeingFlags(page)).toBe(2);
    await page.getByText('没有待审核的事项', { exact: false }).waitFor();
  }, 240_000);

  it('the same steps at 390 px, with the confirming dialogs checked by axe', async () => {
    await submit('2027', 9000);
    await submit('2028', 9.1);
    const page = await h.pageAs('reviewer');
    await page.setViewportSize(PHONE);
    await page.goto('/review');
    await expectNotification(page, '区财政局（department_reporter）提交了');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await reviewCard(page, taskName, '2027').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // The approval dialog, audited open.
    await reviewCard(page, indicatorName, '2028')
      .getByRole('button', { name: /^通过“/ })
      .click();
    const dialog = page.getByRole('dialog', { name: '确认通过' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('9.1');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '取消' }).click();

    await returnSubmission(page, { item: taskName, period: '2027', reason: '口径与规划不一致。' });
    await approveOne(page, { item: indicatorName, period: '2028', value: '9.1' });
    expect(await approveAllAfterSeeingFlags(page)).toBe(2);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  }, 240_000);
});

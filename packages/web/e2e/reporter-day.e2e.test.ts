import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listIndicators } from '@plantrack/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR } from './screenshot-png.js';
import {
  expectMyItem,
  openMyItems,
  reportThroughTemplate,
  reportValue,
  reportWithWarningThenCorrect,
  templateRows,
} from './year/reporter.steps.js';

const unavailable = browserTestsUnavailable();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the screen's right edge (0 = no sideways scrolling). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.skipIf(unavailable !== null)('the department reporter’s day in Chromium', () => {
  let h: BrowserHarness;
  let gdp: { name: string; target: string };

  /** Test setup only (the steps themselves use the UI): an approved figure of an earlier year. */
  const approvedFigure = async (period: string, value: number) => {
    const sent = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: as(h.sessions.planning_office),
      payload: { indicatorId: h.ownIndicatorId, period, expectedRevision: 0, values: { value } },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const approved = await h.app.inject({
      method: 'POST',
      url: `/api/observations/${encodeURIComponent(sent.json<{ key: string }>().key)}/approve`,
      headers: as(h.sessions.reviewer),
      payload: { expectedRevision: 1 },
    });
    expect(approved.statusCode, approved.body).toBe(200);
  };

  /** axe at desktop and phone width, and no sideways scrolling on the phone. */
  const audit = async (page: Page, name: string) => {
    for (const [size, suffix] of [
      [DESKTOP, ''],
      [PHONE, '-phone'],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      expect(await seriousViolations(page), `${name}${suffix}`).toEqual([]);
      if (suffix === '-phone') expect(await overflow(page), `${name} scrolls sideways at 390 px`).toBe(0);
      writeFileSync(join(SCREENSHOT_DIR, `${name}${suffix}.png`), await page.screenshot({ type: 'png' }));
    }
    await page.setViewportSize(DESKTOP);
  };

  beforeAll(async () => {
    h = await startBrowserHarness();
    const own = (await listIndicators(h.handle.db, h.plan.planId)).find(
      (i) => i.indicatorId === h.ownIndicatorId,
    );
    if (own === undefined) throw new Error('the sample plan lacks the own indicator');
    gdp = { name: own.name, target: own.target.text };
    // Two earlier years, approved: the history the checks compare a new value with (synthetic).
    await approvedFigure('2024', 6.1);
    await approvedFigure('2025', 5.8);
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists every owned item with next due date, last value (the 2025 base year) and target', async () => {
    const page = await h.pageAs('department_reporter');
    const table = await openMyItems(page);
    // The plan's first year is still running, yet the department's items are all listed.
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expectMyItem(page, gdp.name, {
      due: '2027-03-31',
      last: '2025：5.8%（已通过）',
      target: gdp.target,
    });
    await audit(page, 'my-items-all');
    // 待办/全部 and the search live in the address: a reload keeps them.
    await page.locator('.ant-segmented-item').filter({ hasText: /^全部/ }).click();
    await page.getByRole('searchbox', { name: '按名称查找' }).fill('增');
    await expect.poll(() => new URL(page.url()).searchParams.get('show')).toBe('all');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('增');
    await page.reload();
    // A reload loads the app and its data again: on a busy test machine that has taken over 15 s.
    await expect
      .poll(() => page.locator('.ant-segmented-item-selected').filter({ hasText: /^全部/ }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => page.getByRole('searchbox', { name: '按名称查找' }).inputValue()).toBe('增');
  });

  it('warns before submitting a value off the indicator’s history; the reporter corrects it', async () => {
    const page = await h.pageAs('department_reporter');
    // The warning dialog itself, for the accessibility audit and the screenshots.
    const table = await openMyItems(page);
    await table.getByRole('button', { name: new RegExp(`^填报 ${gdp.name} 2026$`) }).click();
    const drawer = page.getByRole('dialog').filter({ has: page.getByLabel('监测值') });
    await drawer.getByLabel('监测值').fill('58');
    await drawer.getByRole('button', { name: '提交审核' }).click();
    const dialog = page.getByRole('dialog', { name: '提交前请核对' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2025年：5.8%');
    await audit(page, 'pre-submit-warning');
    await dialog.getByRole('button', { name: '返回修改' }).click();
    await page.keyboard.press('Escape');

    await reportWithWarningThenCorrect(page, {
      item: gdp.name,
      period: '2026',
      wrongValue: 58,
      rightValue: 6,
      warning: '5.8',
    });
    await expectMyItem(page, gdp.name, { last: '2026：6%（待审核）' });
  });

  it('reports through the Excel template, which lists the department’s items before any period is due', async () => {
    const page = await h.pageAs('department_reporter');
    await reportThroughTemplate(page, (workbook) => {
      // The task sheet lists the task although no period of it is owed yet: report its progress.
      const task = templateRows(workbook, '任务进展')[0];
      if (task === undefined) throw new Error('the template lists no task');
      task.set('进展状态', '推进中');
      task.set('进展情况', '已完成年度改革方案，正在推进重点企业整合。');
    });
    await expectMyItem(page, '深化国资国企改革', { last: '推进中（待审核）' });
  });

  it('shows approved quarterly figures on the indicator page with "status not yet assessable"', async () => {
    // Setup: 2026Q1–Q3 of revenue approved (synthetic values), no annual value yet.
    for (const [period, value] of [
      ['2026Q1', 41.2],
      ['2026Q2', 88.5],
      ['2026Q3', 131.7],
    ] as const) {
      const sent = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.planning_office),
        payload: { indicatorId: h.otherIndicatorId, period, expectedRevision: 0, values: { value } },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const approved = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${encodeURIComponent(sent.json<{ key: string }>().key)}/approve`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision: 1 },
      });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    const page = await h.pageAs('leader');
    await page.goto(`/indicators/${h.otherIndicatorId}`);
    const figures = page.getByRole('table', { name: '已审核的监测值' });
    await figures.waitFor();
    const text = (await figures.textContent()) ?? '';
    for (const v of ['2026Q1', '41.2', '2026Q3', '131.7']) expect(text).toContain(v);
    expect(await page.locator('#main').textContent()).toContain('状态待定');
    expect(await page.locator('#main').textContent()).toContain('2026Q1–2026Q3');
    expect(await page.getByText('尚无已审核的监测值').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The dashboard card shows the newest approved figure with 状态待定, not "no approved data".
    const revenue = (await listIndicators(h.handle.db, h.plan.planId)).find(
      (i) => i.indicatorId === h.otherIndicatorId,
    );
    await page.goto('/dashboard');
    const card = page
      .locator('[data-testid="indicator-card"]')
      .filter({ has: page.getByRole('heading', { name: revenue?.name ?? '' }) });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('131.7');
    expect(cardText).toContain('2026Q3');
    expect(cardText).toContain('状态待定');
    expect(cardText).not.toContain('暂无已审核数据');
  });

  it('records a confirmed warning with the submission; the reviewer sees it', async () => {
    const page = await h.pageAs('department_reporter');
    await reportValue(page, { item: gdp.name, period: '2027', value: 60, expectWarning: '5.8' });
    const reviewer = await h.pageAs('reviewer');
    await reviewer.goto('/review');
    const card = reviewer
      .getByRole('list', { name: '待审核事项' })
      .getByRole('listitem')
      .filter({ hasText: '2027' });
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('提交人已确认无误');
  });

  it('holds back a template value that draws warnings until the reporter confirms it', async () => {
    // Setup only: the reviewer returns the submitted GDP 2026 figure, so the template may send it again.
    const key = encodeURIComponent(`${h.ownIndicatorId}|2026|`);
    const history = await h.app.inject({
      method: 'GET',
      url: `/api/observations/${key}/history`,
      headers: as(h.sessions.reviewer),
    });
    const latest = history.json<{ revisionNo: number }[]>().at(-1)?.revisionNo ?? 0;
    const returned = await h.app.inject({
      method: 'POST',
      url: `/api/observations/${key}/return`,
      headers: as(h.sessions.reviewer),
      payload: { expectedRevision: latest, reason: '请核对口径。' },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const page = await h.pageAs('department_reporter');
    await reportThroughTemplate(
      page,
      (workbook) => {
        // 58 next to the approved 5.8 and 6.1 (synthetic test values) is far outside the history.
        const row = templateRows(workbook).find(
          (r) => String(r.get('指标名称')).includes(gdp.name) && String(r.get('期间')) === '2026',
        );
        if (row === undefined) throw new Error('the template lacks GDP 2026');
        row.set('数值', 58);
      },
      { warning: '5.8' },
    );
    // Submitted, and its stored flags say the reporter confirmed them (as the form records it).
    const after = await h.app.inject({
      method: 'GET',
      url: `/api/observations/${key}/history`,
      headers: as(h.sessions.reviewer),
    });
    const submitted = after
      .json<{ status: string; values: { value: number }; qualityFlags?: { confirmed?: boolean }[] }[]>()
      .at(-1);
    expect(submitted).toMatchObject({ status: 'submitted', values: { value: 58 } });
    expect(submitted?.qualityFlags?.length).toBeGreaterThan(0);
    expect(submitted?.qualityFlags?.every((f) => f.confirmed === true)).toBe(true);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '@plantrack/formats';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';
import {
  enterReferenceSeries,
  expectAuditRow,
  exportAudit,
  openAudit,
  openReferences,
  recordReferenceValue,
  referenceLinkState,
  setThresholds,
} from './year/refaudit.steps.js';

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const SERIES = '全市平均 测试序列';

/** How far the page reaches past the screen's right edge (0 = no sideways scrolling). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.skipIf(unavailable !== null)('the office console: reference values, thresholds, audit log', () => {
  let h: BrowserHarness;
  let indicator: { id: string; name: string };
  beforeAll(async () => {
    h = await startBrowserHarness();
    // Test setup only (not a user step): which indicator of the sample plan needs a reference series.
    const office = h.sessions.planning_office;
    const res = await h.app.inject({
      url: `/api/plans/${h.plan.planId}/indicators?pageSize=200`,
      headers: { cookie: office.cookie },
    });
    const items = res.json<{ items: { id: string; name: string; target: { kind: string } }[] }>().items;
    const needing = items.find((i) => i.target.kind === 'relative' || i.target.kind === 'external');
    if (needing === undefined) throw new Error('The sample plan has no relative or external target.');
    indicator = needing;
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('enters a reference series for an indicator, corrects a value with its reason, and sets the thresholds', async () => {
    const page = await h.pageAs('planning_office');
    await openReferences(page);
    expect(await referenceLinkState(page, indicator.name)).toBe('未关联');
    // SYNTHETIC values: test data only.
    await enterReferenceSeries(page, {
      name: SERIES,
      indicator: indicator.name,
      unit: '%',
      values: [
        { year: '2025', value: 6.1, source: '测试来源 A' },
        { year: '2026', value: 5.8, source: '测试来源 A' },
      ],
    });
    expect(await referenceLinkState(page, indicator.name)).toBe('已关联');
    // A second value for 2026 is a correction: it needs its reason, and the first value stays in the history.
    await recordReferenceValue(page, {
      series: SERIES,
      year: '2026',
      value: 5.9,
      source: '测试来源 B',
      reason: '统计部门修订',
    });
    await page.getByText('更正历史（1 条）').waitFor();

    await setThresholds(page, { name: '测试阈值方案', values: { '符合预期（P ≥）': 0.9 } });
    await page.reload();
    await expect
      .poll(async () => Number(await page.getByLabel('符合预期（P ≥）', { exact: true }).inputValue()))
      .toBe(0.9);
  }, 120_000);

  it('reaches the references from the indicator page with the indicator marked', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto(`/indicators/${indicator.id}`);
    await page.getByRole('link', { name: '录入参考值与阈值' }).click();
    await page.waitForURL(/tab=references&indicator=/);
    const row = page.getByRole('table', { name: '需要参考值的指标' }).locator('tr.ant-table-row-selected');
    await expect.poll(() => row.textContent()).toContain(indicator.name);
    const leader = await h.pageAs('leader');
    await leader.goto(`/indicators/${indicator.id}`);
    await leader.getByRole('heading').first().waitFor();
    expect(await leader.getByRole('link', { name: '录入参考值与阈值' }).count()).toBe(0);
  }, 60_000);

  it('shows the changes in the audit log by name, filtered, and exports what the filters select', async () => {
    const page = await h.pageAs('planning_office');
    await openAudit(page, { person: 'planning_office' });
    expect(page.url()).toContain('person=');
    await expectAuditRow(page, { person: 'planning_office', action: '新建', record: SERIES });
    await expectAuditRow(page, { person: 'planning_office', action: '更正', record: SERIES });
    await expectAuditRow(page, { person: 'planning_office', action: '设置', record: '评估阈值' });
    // Only that person's rows, and no raw ids in the table.
    const body = page.getByRole('table', { name: '操作日志' }).locator('tbody tr.ant-table-row');
    await expect
      .poll(async () => (await body.allTextContents()).every((r) => r.includes('planning_office')))
      .toBe(true);
    const text = (await page.getByRole('table', { name: '操作日志' }).textContent()) ?? '';
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const xlsx = await exportAudit(page, 'xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const rows = readXlsx(xlsx.bytes, { sheets: ['审计日志'] }).sheets[0]?.rows ?? [];
    expect(rows[0]?.cells[1]).toBe('操作人');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.slice(1).every((r) => r.cells[1] === 'planning_office')).toBe(true);
    const csv = await exportAudit(page, 'csv');
    expect(
      csv.bytes
        .toString('utf8')
        .split('\r\n')
        .filter((l) => l !== ''),
    ).toHaveLength(rows.length);

    // By department: only what that department's people did (here: the other reporter signing in).
    await openAudit(page, { department: '区发展和改革局' });
    await expectAuditRow(page, { person: 'other_reporter', action: '登录', record: 'other_reporter' });
    await expect
      .poll(async () => (await page.getByRole('table', { name: '操作日志' }).textContent()) ?? '')
      .not.toContain('planning_office');
    // A date range before any of it shows the empty state.
    await openAudit(page, { from: '2000-01-01', to: '2000-12-31' });
    await page.getByText('没有符合条件的操作记录。').waitFor();
  }, 120_000);

  for (const [name, path] of [
    ['office-references', '/office?tab=references'],
    ['office-audit', '/office?tab=audit'],
  ] as const) {
    it(`${name}: no serious accessibility violation at 1366 and 390 px, no sideways scrolling on a phone`, async () => {
      const page = await h.pageAs('planning_office');
      await page.setViewportSize(DESKTOP);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      if (process.env.PLANTRACK_UPDATE_SCREENSHOTS === '1') {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), await smallPng(page));
      }
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(300);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      if (process.env.PLANTRACK_UPDATE_SCREENSHOTS === '1') {
        writeFileSync(join(SCREENSHOT_DIR, `${name}-phone.png`), await page.screenshot({ type: 'png' }));
      }
    }, 90_000);
  }
});

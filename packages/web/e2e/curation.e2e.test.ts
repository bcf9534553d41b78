import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable !== null)('framework curation in Chromium', () => {
  let h: BrowserHarness;
  let indicatorName: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    const row = await h.handle.db
      .selectFrom('indicator_versions')
      .select('name')
      .where('indicator_id', '=', h.otherIndicatorId)
      .executeTakeFirstOrThrow();
    indicatorName = row.name;
  });
  afterAll(async () => {
    await h.close();
  });

  it('lets the planning office correct a unit with a reason and shows it in the history', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/curation');
    await page.getByRole('button', { name: `修改 “${indicatorName}”`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `修改指标：${indicatorName}` });
    const unit = dialog.getByLabel('单位', { exact: true });
    await expect.poll(() => unit.isVisible()).toBe(true);
    await unit.fill('万元（校核）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // Without a reason the form refuses and says why.
    await expect.poll(() => dialog.getByText('请填写修改理由').isVisible()).toBe(true);
    await dialog.getByLabel('修改理由').fill('核对纲要原文，单位有误。');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const row = page.getByRole('row').filter({ hasText: indicatorName });
    await expect.poll(() => row.first().textContent()).toContain('万元（校核）');

    await page.getByRole('button', { name: `修改记录 “${indicatorName}”`, exact: true }).click();
    const history = page.getByRole('dialog', { name: `修改记录：${indicatorName}` });
    const entry = history.getByRole('row').filter({ hasText: '核对纲要原文，单位有误。' });
    await expect.poll(() => entry.textContent()).toContain('万元（校核）');
    expect(await entry.textContent()).toContain('planning_office');
    expect(await entry.textContent()).toContain('单位');
  });

  it('shows a reporter the 403 screen, and the API refuses their edit', async () => {
    const page = await h.pageAs('department_reporter');
    await page.goto('/curation');
    await expect.poll(() => page.getByText('您没有访问此页面的权限。').isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: '指标' }).count()).toBe(0);
    const status = await page.evaluate(async (id) => {
      const csrf = /(?:^|;\s*)pt_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(`/api/indicators/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify({ expectedEditNo: 0, reason: '越权修改', changes: { unit: '个' } }),
      });
      return response.status;
    }, h.otherIndicatorId);
    expect(status).toBe(403);
  });

  it('uploads a revised outline, then shows the new version, its findings, and confirms it', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/curation?tab=upload');
    const text = `${await h.handle.db
      .selectFrom('plan_versions')
      .select('source_text')
      .executeTakeFirstOrThrow()
      .then((r) => r.source_text)}\n`;
    await page.getByRole('button', { name: /选择或拖入修订后的纲要/ }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'revised.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByText('已导入为第 2 版').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByText(/第 2 版：101 个篇章节/).isVisible()).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: '口径' }).count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '版本差异' }).click();
    await page.getByRole('button', { name: '确认差异' }).first().click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确认差异/ })
      .click();
    await expect.poll(() => page.getByText(/已确认 /).count()).toBeGreaterThan(0);
  });
});

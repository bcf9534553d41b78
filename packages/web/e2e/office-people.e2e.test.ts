import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';
import {
  createDepartment,
  createUser,
  deactivateDepartment,
  importUsers,
  mergeDepartment,
  openOfficeTab,
  renameDepartment,
  resetPassword,
  signInAs,
  uploadUserSheet,
} from './year/people.steps.js';

const unavailable = browserTestsUnavailable();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe at desktop and phone width, no horizontal scroll on the phone, and the two screenshots. */
async function auditAndShoot(page: Page, tab: 'departments' | 'users', name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await openOfficeTab(page, tab);
  expect(await seriousViolations(page)).toEqual([]);
  writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), await smallPng(page));
  await page.setViewportSize(PHONE);
  await openOfficeTab(page, tab);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  writeFileSync(join(SCREENSHOT_DIR, `${name}-phone.png`), await page.screenshot({ type: 'png' }));
  await page.setViewportSize(DESKTOP);
}

/** A user sheet written as a real .xlsx file, as an office would save it. */
async function userSheet(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用户');
  for (const r of rows) ws.addRow(r);
  const path = join(mkdtempSync(join(tmpdir(), 'plantrack-users-')), 'users.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe.skipIf(unavailable !== null)('office console: departments and users in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the office adds, renames, merges and deactivates departments; axe clean, no phone scroll', async () => {
    const page = await h.pageAs('planning_office');
    await createDepartment(page, '区数字经济办', {
      name: '王敏',
      phone: '0519-8680 1234',
      email: 'wm@example.cn',
    });
    // The contact person and the usage counts are shown.
    await expect.poll(() => page.getByText('wm@example.cn').count()).toBe(1);
    await expect
      .poll(() => page.locator('tr', { hasText: '区数字经济办' }).textContent())
      .toContain('指标 0 · 任务 0 · 用户 0');
    // A name another department holds is refused in the dialog, in Chinese, nothing changed.
    await page.getByRole('button', { name: '编辑 区数字经济办', exact: true }).click();
    await page.getByRole('dialog').getByLabel('部门名称').fill('区财政局');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByRole('alert').textContent())
      .toContain('已属于本地区的“区财政局”');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    await renameDepartment(page, '区数字经济办', '区数字经济局');
    await createDepartment(page, '区临时协调办');
    await deactivateDepartment(page, '区临时协调办');
    await page.getByText('显示已停用部门').click();
    await expect
      .poll(() => page.locator('tr', { hasText: '区临时协调办' }).textContent())
      .toContain('已停用');
    expect(page.url()).toContain('inactive=1');

    await mergeDepartment(page, '区数字经济局', '区财政局');
    await expect
      .poll(() => page.locator('tr', { hasText: '区财政局' }).first().textContent())
      .toContain('区数字经济办');

    await auditAndShoot(page, 'departments', 'office-departments');
  });

  it('the administrator creates a reporter who then signs in; reset password; filters in the URL', async () => {
    const page = await h.pageAs('administrator');
    const password = await createUser(page, {
      name: '李娜',
      email: 'lina@example.cn',
      roles: ['department_reporter', 'reviewer'],
      department: '区财政局',
    });
    await expect.poll(() => page.locator('tr', { hasText: '李娜' }).textContent()).toContain('区财政局');

    // A reporter without a department is refused before anything is sent.
    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('无部门');
    await dialog.getByLabel('电子邮箱').fill('nodept@example.cn');
    await dialog.getByRole('checkbox', { name: '部门填报员' }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('部门填报员必须选择所属部门').count()).toBe(1);
    // An e-mail already in use is refused by the server, in Chinese.
    await dialog.getByLabel('电子邮箱').fill('lina@example.cn');
    await dialog.getByRole('checkbox', { name: '部门填报员' }).uncheck();
    await dialog.getByRole('checkbox', { name: '领导' }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('邮箱已被使用');
    await dialog.getByRole('button', { name: '取消' }).click();

    // Filter by role: in the URL, and the list follows.
    await page.goto('/office?tab=users&role=reviewer');
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(2);

    const reset = await resetPassword(page, '李娜');
    expect(reset).not.toBe(password);

    await auditAndShoot(page, 'users', 'office-users');

    // The new user signs in through the sign-in screen with the reset password (a forced change).
    const other = await h.pageAs(null);
    const inForce = await signInAs(other, 'lina@example.cn', reset);
    expect(inForce).not.toBe(reset);
    expect(new URL(other.url()).pathname).not.toContain('sign-in');
    // The old password no longer works.
    await other.context().clearCookies();
    await other.goto('/sign-in');
    await other.getByLabel('电子邮箱').fill('lina@example.cn');
    await other.getByLabel('密码').fill(password);
    await other.keyboard.press('Enter');
    await expect.poll(() => other.getByRole('alert').count()).toBeGreaterThan(0);
  });

  it('the administrator imports users from an Excel sheet: per-cell errors first, then all at once', async () => {
    const page = await h.pageAs('administrator');
    const bad = await userSheet([
      ['姓名', '电子邮箱', '部门', '角色'],
      ['周洁', 'zhoujie@example.cn', '区财政局', '部门填报员'],
      ['吴刚', 'wugang@example', '区不存在局', '局长'],
    ]);
    const dialog = await uploadUserSheet(page, bad);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('3 处错误');
    const text = (await dialog.locator('tbody').textContent()) ?? '';
    expect(text).toContain('电子邮箱格式不正确：wugang@example');
    expect(text).toContain('未知部门：区不存在局');
    expect(text).toContain('无法识别的角色：局长');
    expect(await dialog.getByRole('button', { name: /^导入 \d+ 位用户$/ }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '取消' }).click();

    const good = await userSheet([
      ['姓名', '电子邮箱', '部门', '角色'],
      ['周洁', 'zhoujie@example.cn', '区财政局', '部门填报员'],
      ['吴刚', 'wugang@example.cn', null, 'reviewer, leader'],
    ]);
    const imported = await importUsers(page, good);
    expect(imported.map((u) => u.email)).toEqual(['zhoujie@example.cn', 'wugang@example.cn']);
    await expect.poll(() => page.locator('tr', { hasText: '周洁' }).textContent()).toContain('区财政局');
    const other = await h.pageAs(null);
    await signInAs(other, 'zhoujie@example.cn', imported[0]?.password ?? '');
    expect(new URL(other.url()).pathname).not.toContain('sign-in');
  });
});

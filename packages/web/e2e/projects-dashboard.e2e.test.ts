import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWN_DEPT } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';
import {
  expectListCount,
  filterList,
  flaggedProjects,
  myProjects,
  openProjectsDashboard,
  totalValue,
} from './projects/dashboard.steps.js';
import {
  SHEET_TOWNS,
  answerNameMatches,
  cellErrors,
  commitProjectImport,
  openProjectImport,
  previewProjectSheet,
  thirtyProjects,
  withThreeErrors,
  writeProjectWorkbook,
} from './projects/office-import.steps.js';

const unavailable = browserTestsUnavailable();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const YEAR = new Date().getFullYear();
// SYNTHETIC register: a third of the projects led by the test reporter's department.
const PROJECTS = thirtyProjects([OWN_DEPT, '区住建局', '区交通局']);
const FAULTY = 6; // sheet row 9 (title and header above the projects)

function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.skipIf(unavailable !== null)('the projects dashboard and the office import in Chromium', () => {
  let h: BrowserHarness;
  let office: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    office = await h.pageAs('planning_office');
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a sheet with three wrong cells in one row, then imports the corrected sheet', async () => {
    await openProjectImport(office);
    const faulty = await writeProjectWorkbook(withThreeErrors(PROJECTS, FAULTY), YEAR);
    const summary = await previewProjectSheet(office, faulty);
    expect(await summary.innerText()).toContain('30 个项目，3 处错误，跳过 1 行');
    const errors = await cellErrors(office);
    expect(errors.map((e) => e.place)).toEqual(['第 9 行 B 列', '第 9 行 E 列', '第 9 行 G 列']);
    expect(errors[0]?.message).toMatch(/项目代码/);
    expect(errors[1]?.message).toMatch(/非负数/);
    expect(errors[2]?.message).toMatch(/建设起止年限/);
    // Nothing can be committed while the sheet has errors, and the unused column is listed.
    expect(await office.getByRole('button', { name: /^导入 \d+ 个项目$/ }).count()).toBe(0);
    await office.getByText('L（备注）').waitFor();
    writeFileSync(join(SCREENSHOT_DIR, 'projects-import.png'), await smallPng(office));

    const fixed = await writeProjectWorkbook(PROJECTS, YEAR);
    const clean = await previewProjectSheet(office, fixed);
    expect(await clean.innerText()).toContain('30 个项目，0 处错误，跳过 1 行');
    expect(await office.getByRole('table', { name: '需要改正的单元格' }).count()).toBe(0);
    await commitProjectImport(office, { rows: 30, created: 30, updated: 0 });
  });

  it('imports the same sheet again without duplicates: by code, and by name once the office answers', async () => {
    const again = await previewProjectSheet(office, await writeProjectWorkbook(PROJECTS, YEAR));
    expect(await again.innerText()).toContain('30 个项目，0 处错误');
    // The ten projects without a code can only be matched by name: the office says what they are.
    const commit = office.getByRole('button', { name: '导入 30 个项目' });
    expect(await commit.isDisabled()).toBe(true);
    expect(await answerNameMatches(office, 'update')).toBe(10);
    await commitProjectImport(office, { rows: 30, created: 0, updated: 30 });
  });

  it('shows the year on the dashboard: totals, flagged projects linking to their pages, the list', async () => {
    await openProjectsDashboard(office, `year=${YEAR}`);
    expect(await totalValue(office, '项目数')).toBe('30');
    const plan = PROJECTS.reduce((s, p) => s + p.annualPlanWan, 0);
    expect(await totalValue(office, '年度计划投资')).toBe(plan.toLocaleString('zh-CN'));
    await office.getByRole('table', { name: `${YEAR} 年逐月累计完成投资与计划投资（万元）` }).waitFor();
    await office.getByRole('table', { name: '按所在镇街' }).getByText(SHEET_TOWNS[0]).waitFor();
    // Nothing reported yet: projects under construction are behind the time-elapsed share.
    const flagged = await flaggedProjects(office);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]?.href).toMatch(/^\/projects\/[^/]+$/);
    await expectListCount(office, 30);

    // A filter lands in the address and narrows the list; a reload keeps it.
    await filterList(office, '镇街', SHEET_TOWNS[0]);
    await expectListCount(office, 10);
    expect(new URL(office.url()).searchParams.get('town')).toBe(SHEET_TOWNS[0]);
    await office.reload();
    await expectListCount(office, 10);
    const first = office.getByRole('table', { name: '项目清单（10 个）' }).getByRole('link').first();
    expect(await first.getAttribute('href')).toMatch(/^\/projects\/[^/]+$/);
  });

  it('a department reporter sees its own projects, on the dashboard and in 我的填报', async () => {
    const reporter = await h.pageAs('department_reporter');
    await openProjectsDashboard(reporter);
    await expectListCount(reporter, 10);
    expect(await totalValue(reporter, '项目数')).toBe('10');
    const mine = await myProjects(reporter);
    expect(mine).toHaveLength(10);
    expect(mine[0]).toContain('未填报');
    expect(await seriousViolations(reporter)).toEqual([]);
  });

  it('reads in English, reasons included', async () => {
    const leader = await h.pageAs('leader', { lang: 'en' });
    await leader.goto(`/projects?year=${YEAR}`);
    await leader.getByRole('heading', { name: 'Major projects', level: 1 }).waitFor();
    await leader.getByRole('heading', { name: 'Investment completed against plan by month' }).waitFor();
    const reasons = leader
      .getByRole('table', { name: 'Lagging projects and projects needing coordination' })
      .locator('tbody tr')
      .first()
      .locator('li')
      .first();
    // The reason is the English text the server sends, not the Chinese one.
    expect(await reasons.innerText()).toMatch(/^[\x20-\x7e]+$/);
    // Stages, statuses and the blank group have English forms.
    await leader.getByRole('table', { name: /^Project list \(\d+\)$/ }).waitFor();
    const text = await leader.evaluate(() => document.body.innerText);
    expect(['在建', '滞后', '需协调', '（未填）'].filter((w) => text.includes(w))).toEqual([]);
    expect(text).toContain('Under construction');
  });

  it('has no serious accessibility violation and no sideways scrolling, desktop and phone', async () => {
    await office.setViewportSize(DESKTOP);
    await openProjectsDashboard(office, `year=${YEAR}`);
    await office.waitForLoadState('networkidle');
    expect(await seriousViolations(office)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'projects-dashboard.png'), await smallPng(office));
    await office.setViewportSize(PHONE);
    await expect.poll(() => overflowX(office)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(office)).toEqual([]);
    writeFileSync(
      join(SCREENSHOT_DIR, 'projects-dashboard-phone.png'),
      await office.screenshot({ type: 'png' }),
    );

    // The import preview too, on both widths.
    await openProjectImport(office);
    await previewProjectSheet(office, await writeProjectWorkbook(withThreeErrors(PROJECTS, FAULTY), YEAR));
    await expect.poll(() => overflowX(office)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(office)).toEqual([]);
    await office.setViewportSize(DESKTOP);
    expect(await seriousViolations(office)).toEqual([]);
  });
});

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
  projectListTable,
  totalValue,
} from './projects/dashboard.steps.js';
import { moveStage, postEvaluate, resolveIssue } from './projects/issue-lifecycle.steps.js';
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
import { monthRow, openProject, poll } from './projects/project-page.steps.js';
import { raiseIssue, refusedMonth, submitMonth } from './projects/report.steps.js';
import { approveMonth, returnMonth } from './projects/review.steps.js';

/*
 * A year of the major-project register through the UI: the office imports its sheet (one faulty
 * row, fixed and imported again), a department reports two months with photos and an open issue, the
 * reviewer returns one month and approves the rest, the dashboard shows the project 滞后 with its
 * reason, the issue is resolved, the project completes and gets its post-evaluation. One browser
 * harness for the whole flow; each step builds on the one before.
 */

const unavailable = browserTestsUnavailable();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const YEAR = new Date().getFullYear();
// SYNTHETIC register: a third of the projects led by the test reporter's department.
const PROJECTS = thirtyProjects([OWN_DEPT, '区住建局', '区交通局']);
const FAULTY = 6; // sheet row 9 (title and header above the projects)
/** The project followed through the year: the first row, led by the reporter's department. */
const FOLLOWED = PROJECTS[0] ?? { name: '', totalWan: 0 };
const ISSUE = '施工用电需供电公司接入';

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(unavailable !== null)('a year of the major-project register, in Chromium', () => {
  let h: BrowserHarness;
  let office: Page;
  let reporter: Page;
  let reviewer: Page;
  let projectId: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    office = await h.pageAs('planning_office');
    reporter = await h.pageAs('department_reporter');
    reviewer = await h.pageAs('reviewer');
  }, 180_000);
  afterAll(async () => {
    await h.close();
  }, 180_000);

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

    const clean = await previewProjectSheet(office, await writeProjectWorkbook(PROJECTS, YEAR));
    expect(await clean.innerText()).toContain('30 个项目，0 处错误，跳过 1 行');
    expect(await office.getByRole('table', { name: '需要改正的单元格' }).count()).toBe(0);
    await commitProjectImport(office, { rows: 30, created: 30, updated: 0 });
  }, 180_000);

  it('imports the same sheet again without duplicates: by code, and by name once the office answers', async () => {
    const again = await previewProjectSheet(office, await writeProjectWorkbook(PROJECTS, YEAR));
    expect(await again.innerText()).toContain('30 个项目，0 处错误');
    // The ten projects without a code can only be matched by name: the office says what they are.
    expect(await office.getByRole('button', { name: '导入 30 个项目' }).isDisabled()).toBe(true);
    expect(await answerNameMatches(office, 'update')).toBe(10);
    await commitProjectImport(office, { rows: 30, created: 0, updated: 30 });
  }, 180_000);

  it('shows the year on the dashboard: totals, the list and its filters in the address', async () => {
    await openProjectsDashboard(office, `year=${YEAR}`);
    expect(await totalValue(office, '项目数')).toBe('30');
    const plan = PROJECTS.reduce((s, p) => s + p.annualPlanWan, 0);
    expect(await totalValue(office, '年度计划投资')).toBe(plan.toLocaleString('zh-CN'));
    await office.getByRole('table', { name: `${YEAR} 年逐月累计完成投资与计划投资（万元）` }).waitFor();
    await office.getByRole('table', { name: '按所在镇街' }).getByText(SHEET_TOWNS[0]).waitFor();
    await expectListCount(office, 30);
    await filterList(office, '镇街', SHEET_TOWNS[0]);
    await expectListCount(office, 10);
    expect(new URL(office.url()).searchParams.get('town')).toBe(SHEET_TOWNS[0]);
    await office.reload();
    await expectListCount(office, 10);
    const link = projectListTable(office).getByRole('link', { name: FOLLOWED.name, exact: true });
    projectId = ((await link.getAttribute('href')) ?? '').replace(/^\/projects\//, '');
    expect(projectId).toMatch(/^[^/]+$/);
  }, 180_000);

  it('a department reporter sees its own projects, on the dashboard and in 我的填报', async () => {
    await openProjectsDashboard(reporter);
    await expectListCount(reporter, 10);
    expect(await totalValue(reporter, '项目数')).toBe('10');
    const mine = await myProjects(reporter);
    expect(mine).toHaveLength(10);
    expect(mine[0]).toContain('未填报');
  }, 180_000);

  it('the lead unit reports two months with photos, meets the quality checks and raises an issue', async () => {
    await openProject(reporter, projectId, FOLLOWED.name);
    // A small real PNG, cut from the page itself.
    const png = await reporter.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 16, height: 16 } });
    const month = (m: number, monthWan: number, ytdWan: number, progress: string) => ({
      year: YEAR,
      month: m,
      monthWan,
      ytdWan,
      progress,
    });
    // 100 of the 2,000 万元 planned for the year by February: 5% against 16.7% of the year.
    await submitMonth(reporter, { ...month(1, 50, 50, '基础开挖'), photo: { name: '一月现场.png', png } });
    await submitMonth(reporter, { ...month(2, 50, 100, '主体施工'), photo: { name: '二月现场.png', png } });
    expect(await refusedMonth(reporter, month(3, 20, 80, '主体施工'))).toMatch(/累计完成投资不能下降/);
    const beyond = FOLLOWED.totalWan;
    expect(await refusedMonth(reporter, month(3, beyond, beyond + 100, '主体施工'))).toMatch(/超过剩余投资/);
    // Open, not yet overdue: the project lags on its figures, not for want of coordination.
    await raiseIssue(reporter, { text: ISSUE, department: '区供电公司', deadline: `${YEAR + 1}-03-31` });
  }, 180_000);

  it('the reviewer returns one month and approves the other; the resubmitted month is approved', async () => {
    const key = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;
    await openProject(reviewer, projectId, FOLLOWED.name);
    await returnMonth(reviewer, key(1), '请补充现场照片');
    await approveMonth(reviewer, key(2));
    await openProject(reporter, projectId, FOLLOWED.name);
    await poll(() => monthRow(reporter, key(1)).textContent()).toContain('退回原因：请补充现场照片');
    await submitMonth(reporter, {
      year: YEAR,
      month: 1,
      monthWan: 100,
      ytdWan: 100,
      progress: '基础开挖完成',
    });
    await openProject(reviewer, projectId, FOLLOWED.name);
    await approveMonth(reviewer, key(1));
    // The resubmitted month keeps its photo, which the reviewer can open.
    await poll(() => monthRow(reviewer, key(1)).getByRole('link', { name: '一月现场.png' }).count()).toBe(1);
    // The approved figures feed the chart's table: 100 万元 completed by February.
    const table = reviewer.getByRole('table', { name: new RegExp(`${YEAR} 年逐月累计`) });
    const february = table.getByRole('row').filter({ hasText: key(2) });
    await poll(() => february.getByRole('cell').last().textContent()).toBe('100');
  }, 180_000);

  it('the dashboard shows the project 滞后 with its reason', async () => {
    await openProjectsDashboard(office, `year=${YEAR}`);
    const flagged = await flaggedProjects(office);
    const row = flagged.find((f) => f.name === FOLLOWED.name);
    expect(row?.href).toBe(`/projects/${projectId}`);
    expect(row?.text).toContain('滞后');
    // Judged through its last approved month (docs/methodology.md): 5% of the year's plan by February.
    expect(row?.text).toContain('投资完成率5%，低于时序进度16.7%达11.7个百分点（阈值10）');
  }, 180_000);

  it('the office resolves the issue, moves the project to 竣工 and files its post-evaluation', async () => {
    await openProject(office, projectId, FOLLOWED.name);
    await resolveIssue(office, ISSUE, '已接入临时用电');
    await moveStage(office, '竣工', '竣工验收合格');
    await postEvaluate(office, '用电报装应在开工前完成');
  }, 180_000);

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
    await leader.getByRole('table', { name: /^Project list \(\d+\)$/ }).waitFor();
    const text = await leader.evaluate(() => document.body.innerText);
    expect(['在建', '滞后', '需协调', '（未填）'].filter((w) => text.includes(w))).toEqual([]);
    expect(text).toContain('Under construction');
  }, 180_000);

  it('has no serious accessibility violation and no sideways scroll, desktop and phone; screenshots', async () => {
    await office.setViewportSize(DESKTOP);
    await openProjectsDashboard(office, `year=${YEAR}`);
    await office.waitForLoadState('networkidle');
    expect(await seriousViolations(office)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'projects-dashboard.png'), await smallPng(office));
    for (const page of [reporter, office]) {
      await page.setViewportSize(DESKTOP);
      await openProject(page, projectId, FOLLOWED.name);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
    }
    writeFileSync(join(SCREENSHOT_DIR, 'project-page.png'), await smallPng(office));
    // The month editor with its photo field, on a project still under construction.
    const other = PROJECTS[3] ?? FOLLOWED;
    await openProjectsDashboard(reporter);
    const href = await projectListTable(reporter)
      .getByRole('link', { name: other.name, exact: true })
      .getAttribute('href');
    await openProject(reporter, (href ?? '').replace(/^\/projects\//, ''), other.name);
    await reporter.getByRole('button', { name: '填报新月份' }).click();
    await reporter.getByLabel('月份', { exact: true }).fill('4');
    await reporter.getByRole('button', { name: '上传佐证材料' }).waitFor();
    expect(await seriousViolations(reporter)).toEqual([]);

    await office.setViewportSize(PHONE);
    await openProjectsDashboard(office, `year=${YEAR}`);
    await poll(() => sidewaysScroll(office)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(office)).toEqual([]);
    writeFileSync(
      join(SCREENSHOT_DIR, 'projects-dashboard-phone.png'),
      await office.screenshot({ type: 'png' }),
    );
    for (const page of [reporter, office]) {
      await page.setViewportSize(PHONE);
      await openProject(page, projectId, FOLLOWED.name);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      await poll(() => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    }
    writeFileSync(join(SCREENSHOT_DIR, 'project-page-phone.png'), await office.screenshot({ type: 'png' }));

    // The import preview too, on both widths.
    await openProjectImport(office);
    await previewProjectSheet(office, await writeProjectWorkbook(withThreeErrors(PROJECTS, FAULTY), YEAR));
    await poll(() => sidewaysScroll(office)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(office)).toEqual([]);
    await office.setViewportSize(DESKTOP);
    expect(await seriousViolations(office)).toEqual([]);
  }, 300_000);
});

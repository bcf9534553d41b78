import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWN_DEPT, as } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { postEvaluate, moveStage, resolveIssue } from './projects/issue-lifecycle.steps.js';
import { monthRow, openProject, poll } from './projects/project-page.steps.js';
import { raiseIssue, refusedMonth, submitMonth } from './projects/report.steps.js';
import { approveMonth, returnMonth } from './projects/review.steps.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };
const NAME = '城南污水处理厂扩建工程';
const ISSUE = '施工用电需供电公司接入';
/** The register fields of the project, of the reporter's department. */
const FIELDS = {
  code: null,
  name: NAME,
  level: '区',
  category: '基础设施',
  nature: '续建',
  place: '湖塘镇',
  coordinates: null,
  serves: [],
  content: '新增日处理能力 5 万吨',
  newCapacity: null,
  totalWan: 5000,
  funding: [],
  startYear: 2025,
  endYear: 2027,
  plannedStart: null,
  actualStart: null,
  plannedCompletion: null,
  actualCompletion: null,
  leadUnit: OWN_DEPT,
  responsiblePerson: null,
  linkedLeader: null,
  owner: null,
  ownerContact: null,
  published: false,
  annualPlans: [{ year: 2026, planWan: 1200, milestoneText: '主体完工' }],
  milestones: [],
};

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(unavailable !== null)('a major project’s page: reports, review, issues, lifecycle', () => {
  let h: BrowserHarness;
  let projectId: string;
  let reporter: Page;
  let reviewer: Page;
  let office: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    // The office's register import is another screen: the project is made through the API.
    const created = await h.app.inject({
      method: 'POST',
      url: `/api/plans/${h.plan.planId}/projects`,
      headers: as(h.sessions.planning_office),
      payload: {
        stage: '在建',
        fields: FIELDS,
      },
    });
    if (created.statusCode !== 201) throw new Error(`project not created: ${created.body}`);
    projectId = created.json<{ id: string }>().id;
    reporter = await h.pageAs('department_reporter');
    reviewer = await h.pageAs('reviewer');
    office = await h.pageAs('planning_office');
  }, 180_000);
  afterAll(async () => {
    await h.close();
  }, 180_000);

  it('the lead unit reports two months, meets the quality checks and raises an issue', async () => {
    await openProject(reporter, projectId, NAME);
    // A small real PNG, cut from the page itself.
    const png = await reporter.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 16, height: 16 } });
    await submitMonth(reporter, {
      year: 2026,
      month: 1,
      monthWan: 100,
      ytdWan: 100,
      progress: '基础开挖',
      photo: { name: '一月现场.png', png },
    });
    await submitMonth(reporter, {
      year: 2026,
      month: 2,
      monthWan: 150,
      ytdWan: 250,
      progress: '主体施工',
      photo: { name: '二月现场.png', png },
    });
    expect(
      await refusedMonth(reporter, { year: 2026, month: 3, monthWan: 20, ytdWan: 200, progress: '主体施工' }),
    ).toMatch(/累计完成投资不能下降/);
    expect(
      await refusedMonth(reporter, {
        year: 2026,
        month: 3,
        monthWan: 6000,
        ytdWan: 6250,
        progress: '主体施工',
      }),
    ).toMatch(/超过剩余投资/);
    await raiseIssue(reporter, { text: ISSUE, department: '区供电公司', deadline: '2026-03-31' });
  }, 180_000);

  it('the reviewer returns one month and approves the other; the resubmitted month is approved', async () => {
    await openProject(reviewer, projectId, NAME);
    await returnMonth(reviewer, '2026-01', '请补充现场照片');
    await approveMonth(reviewer, '2026-02');
    await openProject(reporter, projectId, NAME);
    await poll(() => monthRow(reporter, '2026-01').textContent()).toContain('退回原因：请补充现场照片');
    await submitMonth(reporter, {
      year: 2026,
      month: 1,
      monthWan: 100,
      ytdWan: 100,
      progress: '基础开挖完成',
    });
    await openProject(reviewer, projectId, NAME);
    await approveMonth(reviewer, '2026-01');
    // The resubmitted month keeps its photo, which the reviewer can open.
    await poll(() => monthRow(reviewer, '2026-01').getByRole('link', { name: '一月现场.png' }).count()).toBe(
      1,
    );
    // The approved figures feed the chart's table: 250 万元 completed by February.
    const table = reviewer.getByRole('table', { name: /2026 年逐月累计/ });
    await poll(() => table.getByRole('row').filter({ hasText: '2026-02' }).textContent()).toContain('250');
  }, 180_000);

  it('the office resolves the issue, moves the project to 竣工 and files its post-evaluation', async () => {
    await openProject(office, projectId, NAME);
    await resolveIssue(office, ISSUE, '已接入临时用电');
    await moveStage(office, '竣工', '竣工验收合格');
    await postEvaluate(office, '用电报装应在开工前完成');
  }, 180_000);

  it('has no serious accessibility violation and no sideways scroll, desktop and phone; screenshots', async () => {
    for (const page of [reporter, office]) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await openProject(page, projectId, NAME);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
    }
    writeFileSync(join(SCREENSHOT_DIR, 'project-page.png'), await smallPng(office));
    // The month editor with its photo field (after 后评价 nobody reports: a fresh project's page).
    const fresh = await h.app.inject({
      method: 'POST',
      url: `/api/plans/${h.plan.planId}/projects`,
      headers: as(h.sessions.planning_office),
      payload: { stage: '在建', fields: { ...FIELDS, name: `${NAME}二期` } },
    });
    await openProject(reporter, fresh.json<{ id: string }>().id, `${NAME}二期`);
    await reporter.getByRole('button', { name: '填报新月份' }).click();
    await reporter.getByLabel('月份', { exact: true }).fill('4');
    await reporter.getByRole('button', { name: '上传佐证材料' }).waitFor();
    expect(await seriousViolations(reporter)).toEqual([]);
    for (const page of [reporter, office]) {
      await page.setViewportSize(PHONE);
      await openProject(page, projectId, NAME);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      await poll(() => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    }
    writeFileSync(join(SCREENSHOT_DIR, 'project-page-phone.png'), await office.screenshot({ type: 'png' }));
  }, 180_000);
});

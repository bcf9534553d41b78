import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { acceptSuggestedOwners, setIndicatorLead, setTaskLeads } from './year/ownership.steps.js';
import { createDepartment, createUser, mergeDepartment, signInAs } from './year/people.steps.js';
import { enterReferenceSeries, expectAuditRow, openAudit } from './year/refaudit.steps.js';
import {
  expectMyItem,
  reportThroughTemplate,
  reportValue,
  reportWithWarningThenCorrect,
  templateRows,
} from './year/reporter.steps.js';
import {
  approveAllAfterSeeingFlags,
  approveOne,
  expectNotification,
  returnSubmission,
} from './year/reviewer.steps.js';
import { closeRound, expectRoundProgress, openRound } from './year/rounds.steps.js';

/*
 * A whole monitoring year through the UI only, on a fresh server: the office sets up departments,
 * users, owners, rounds and a reference series; two departments report (one corrects a warned
 * value before submitting, one uses the Excel template); the reviewer returns one submission and
 * approves the rest; the office closes the round; the dashboard, the indicator page and the audit
 * log show the result by name. Then the reporter's and reviewer's steps again on a phone.
 * After the harness starts, nothing is written except through the browser.
 */

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the screen's right edge (0 = no sideways scrolling). */
const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A raw id (UUID) anywhere in a text the user reads. */
const RAW_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const FINANCE = '区财政局';
const DEVELOPMENT = '区发展和改革局';
const GDP = '地区生产总值';
const REVENUE = '一般公共预算收入';
const LIFE = '人均预期寿命';
const TASK = '深化要素市场化改革';
const ANNUAL = '2026年度监测';
const QUARTER = '2027年一季度';

/** The people the office creates; passwords are taken from the screen. */
const REPORTER_1 = { name: '张伟', email: 'zhangwei@example.cn', department: FINANCE };
const REPORTER_2 = { name: '李静', email: 'lijing@example.cn', department: DEVELOPMENT };
const REVIEWER = { name: '王芳', email: 'wangfang@example.cn' };

describe.skipIf(unavailable !== null)('a whole monitoring year through the UI only', () => {
  let h: BrowserHarness;
  let office: Page;
  let admin: Page;
  /** The password in force for each e-mail (shown once on screen, changed at first sign-in). */
  const passwords = new Map<string, string>();

  beforeAll(async () => {
    h = await startBrowserHarness();
    office = await h.pageAs('planning_office');
    admin = await h.pageAs('administrator');
  });
  afterAll(async () => {
    await h.close();
  }, 60_000);

  it('the office sets up departments and users', async () => {
    await createDepartment(office, '区数字经济局', { name: '周敏', phone: '0519-8680 1234' });
    // The same office entered a second time under another name: merged, the name kept as an alias.
    await createDepartment(office, '区数字经济办');
    await mergeDepartment(office, '区数字经济办', '区数字经济局');

    for (const r of [REPORTER_1, REPORTER_2]) {
      const shown = await createUser(admin, { ...r, roles: ['department_reporter'] });
      passwords.set(r.email, shown);
    }
    passwords.set(REVIEWER.email, await createUser(admin, { ...REVIEWER, roles: ['reviewer'] }));
    await admin.goto('/office?tab=users');
    for (const r of [REPORTER_1, REPORTER_2]) {
      await expect
        .poll(() => admin.locator('tr.ant-table-row', { hasText: r.name }).textContent())
        .toContain(r.department);
    }
  }, 180_000);

  it('the office accepts and changes suggested owners and edits a task’s leads', async () => {
    const accepted = await acceptSuggestedOwners(office, [REVENUE]);
    expect(accepted.get(REVENUE)).toBe(FINANCE);
    await setIndicatorLead(office, LIFE, DEVELOPMENT);
    await setTaskLeads(office, TASK, DEVELOPMENT, [FINANCE]);
  }, 180_000);

  it('the office opens an annual and a quarterly round and enters a reference series', async () => {
    await openRound(office, {
      name: ANNUAL,
      period: '2026',
      frequency: 'annual',
      dueDate: '2027-03-31',
      reminderDays: 10,
      semantics: 'annual_value',
      indicators: [GDP, REVENUE, LIFE],
      tasks: [TASK],
    });
    await openRound(office, {
      name: QUARTER,
      period: '2027Q1',
      frequency: 'quarterly',
      dueDate: '2027-04-15',
      reminderDays: 5,
      semantics: 'year_to_date',
      indicators: [GDP],
    });
    // SYNTHETIC values: test data only.
    await enterReferenceSeries(office, {
      name: '全市平均：地区生产总值增速',
      unit: '%',
      indicator: GDP,
      values: [{ year: '2025', value: 5.6, source: '市统计局统计公报（测试数据）' }],
    });
    await expectRoundProgress(office, ANNUAL, FINANCE, { approved: 0, submitted: 0 });
    await expectRoundProgress(office, ANNUAL, DEVELOPMENT, { approved: 0, submitted: 0 });
  }, 180_000);

  it('reporter 1 corrects a warned value before submitting; reporter 2 reports through the template', async () => {
    const one = await h.pageAs(null);
    passwords.set(
      REPORTER_1.email,
      await signInAs(one, REPORTER_1.email, passwords.get(REPORTER_1.email) ?? ''),
    );
    // A hundred times the plan's target of 218 (万元 typed for 亿元): warned before anything is sent.
    await reportWithWarningThenCorrect(one, {
      item: REVENUE,
      period: '2026',
      wrongValue: 16830,
      rightValue: 168.3,
    });
    await reportValue(one, { item: GDP, period: '2026', value: 6.2 });
    await expectMyItem(one, GDP, { last: '2026：6.2%（待审核）' });
    await expectMyItem(one, REVENUE, { last: '168.3' });

    const two = await h.pageAs(null);
    passwords.set(
      REPORTER_2.email,
      await signInAs(two, REPORTER_2.email, passwords.get(REPORTER_2.email) ?? ''),
    );
    const result = await reportThroughTemplate(two, (workbook) => {
      const life = templateRows(workbook, '指标').find((r) => String(r.get('指标名称')).includes(LIFE));
      if (life === undefined) throw new Error(`the template lacks ${LIFE}`);
      life.set('数值', 81.9);
      life.set('来源', '区卫生健康局年报（测试数据）');
      const task = templateRows(workbook, '任务进展').find((r) =>
        JSON.stringify(r.row.values).includes(TASK),
      );
      if (task === undefined) throw new Error(`the template lacks ${TASK}`);
      task.set('进展状态', '推进中');
      task.set('进展情况', '要素市场化配置改革方案已印发，正在推进土地要素改革试点。');
    });
    expect(result).toContain('已提交 2 条');
    await expectMyItem(two, LIFE, { last: '81.9' });
  }, 240_000);

  it('the reviewer follows the notice, returns one, approves the rest; the returned one comes back', async () => {
    const page = await h.pageAs(null);
    passwords.set(REVIEWER.email, await signInAs(page, REVIEWER.email, passwords.get(REVIEWER.email) ?? ''));
    await page.goto('/review');
    await expectNotification(page, `${FINANCE}（${REPORTER_1.name}）提交了`);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await returnSubmission(page, { item: LIFE, period: '2026', reason: '请注明数据来源的发布日期。' });
    await approveOne(page, { item: GDP, period: '2026', value: '6.2' });
    expect(await approveAllAfterSeeingFlags(page)).toBe(2);

    // Reporter 2 sees the return and resubmits.
    const two = await h.pageAs(null);
    await signInAs(two, REPORTER_2.email, passwords.get(REPORTER_2.email) ?? '');
    await expectMyItem(two, LIFE, { last: '已退回' });
    await reportValue(two, { item: LIFE, period: '2026', value: 81.9 });

    await page.goto('/review');
    await approveOne(page, { item: LIFE, period: '2026', value: '81.9' });
    await page.getByText('没有待审核的事项', { exact: false }).waitFor();
  }, 240_000);

  it('the office sees the progress per department and closes the round', async () => {
    // 区财政局 leads two of the round's items and co-leads its task.
    await expectRoundProgress(office, ANNUAL, FINANCE, {
      approved: 3,
      submitted: 0,
      returned: 0,
      missing: 0,
    });
    await expectRoundProgress(office, ANNUAL, DEVELOPMENT, {
      approved: 2,
      submitted: 0,
      returned: 0,
      missing: 0,
    });
    await closeRound(office, ANNUAL);
  }, 120_000);

  it('the dashboard, the indicator page and the audit log show the result by name', async () => {
    await office.goto('/dashboard');
    const cards = office.getByRole('list', { name: '指标卡片' });
    await cards.waitFor();
    const card = cards.getByRole('listitem').filter({ hasText: REVENUE }).first();
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('168.3');
    expect(await card.textContent()).toContain(FINANCE);

    await card
      .getByRole('link', { name: new RegExp(REVENUE) })
      .first()
      .click();
    await office.waitForURL(/\/indicators\//);
    await office.getByRole('button', { name: '查看 2026 修订记录' }).click();
    const history = office.getByRole('table', { name: '2026 修订记录' });
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain(REVIEWER.name);
    const historyText = (await history.textContent()) ?? '';
    expect(historyText).toContain(REPORTER_1.name);
    expect(historyText).toContain('审核通过');
    expect(historyText).not.toMatch(RAW_ID);

    await openAudit(office, { person: REPORTER_1.name });
    await expectAuditRow(office, {
      person: REPORTER_1.name,
      action: '提交',
      record: REVENUE,
      department: FINANCE,
    });
    await openAudit(office, { person: REVIEWER.name });
    await expectAuditRow(office, { person: REVIEWER.name, action: '退回', record: LIFE });
    await expectAuditRow(office, { person: REVIEWER.name, action: '通过', record: GDP });
    await openAudit(office, { department: DEVELOPMENT });
    await expectAuditRow(office, { person: REPORTER_2.name, action: '提交', record: LIFE });
    const audit = (await office.getByRole('table', { name: '操作日志' }).textContent()) ?? '';
    expect(audit).not.toMatch(RAW_ID);
  }, 120_000);

  it('the reporter’s and reviewer’s steps on a phone (390 px), without sideways scrolling', async () => {
    const reporter = await h.pageAs(null);
    await reporter.setViewportSize(PHONE);
    await signInAs(reporter, REPORTER_1.email, passwords.get(REPORTER_1.email) ?? '');
    await reporter.goto('/my');
    await reporter.getByRole('table', { name: '本部门负责的全部指标和任务' }).waitFor();
    expect(await sideways(reporter), '我的填报 at 390 px').toBeLessThanOrEqual(0);
    await reportWithWarningThenCorrect(reporter, {
      item: GDP,
      period: '2027Q1',
      // A growth rate of 620 %: the decimal point was missed.
      wrongValue: 620,
      rightValue: 6.3,
    });
    expect(await sideways(reporter), '我的填报 after reporting at 390 px').toBeLessThanOrEqual(0);

    const reviewer = await h.pageAs(null);
    await reviewer.setViewportSize(PHONE);
    await signInAs(reviewer, REVIEWER.email, passwords.get(REVIEWER.email) ?? '');
    await reviewer.goto('/review');
    await expectNotification(reviewer, `${FINANCE}（${REPORTER_1.name}）提交了`);
    expect(await sideways(reviewer), '审核 at 390 px').toBeLessThanOrEqual(0);
    await approveOne(reviewer, { item: GDP, period: '2027Q1', value: '6.3' });
    expect(await sideways(reviewer), '审核 after approving at 390 px').toBeLessThanOrEqual(0);
  }, 240_000);
});

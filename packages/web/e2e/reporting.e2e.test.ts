import { listIndicators } from '@plantrack/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, as } from '../../server/src/testing/harness.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/** Polls long enough for a cold server and a lazily loaded screen. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

type DashboardCard = { id: string; status: string; latest: { value: number } | null };

describe.skipIf(unavailable !== null)('reporting and review in Chromium', () => {
  let h: BrowserHarness;
  let revenueId: string;
  const REVENUE = '一般公共预算收入';

  const call = async (persona: Persona, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await h.app.inject({
      method,
      url,
      headers: as(h.sessions[persona]),
      ...(payload ? { payload } : {}),
    });
    return res;
  };
  const revenueCard = async (): Promise<DashboardCard> => {
    const res = await call('leader', 'GET', `/api/plans/${h.plan.planId}/dashboard`);
    const card = res.json<{ cards: DashboardCard[] }>().cards.find((c) => c.id === revenueId);
    if (card === undefined) throw new Error('no dashboard card for the revenue indicator');
    return card;
  };
  /** Opens the report form of an item for a period through the "other period" form. */
  const openForm = async (page: Page, itemName: string, period: string) => {
    // Type to filter the item picker, then take the (only) match with Enter.
    await page.getByRole('combobox', { name: /事项/ }).fill(itemName);
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /报告期/ }).fill(period);
    await page.getByRole('button', { name: '打开填报表' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('监测值').waitFor();
    return drawer;
  };

  beforeAll(async () => {
    h = await startBrowserHarness();
    const indicators = await listIndicators(h.handle.db, h.plan.planId);
    const revenue = indicators.find((i) => i.name === REVENUE);
    if (revenue === undefined) throw new Error(`sample plan lacks ${REVENUE}`);
    revenueId = revenue.indicatorId;
    // The planning office makes the finance bureau (the reporter's department) responsible for revenue.
    const owners = await call('planning_office', 'GET', `/api/plans/${h.plan.planId}/indicator-owners`);
    const version =
      owners.json<{ indicatorId: string; version: number }[]>().find((o) => o.indicatorId === revenueId)
        ?.version ?? 0;
    const put = await call('planning_office', 'PUT', `/api/indicators/${revenueId}/owners`, {
      owners: [{ department: '区财政局', role: 'lead' }],
      expectedVersion: version,
    });
    expect(put.statusCode, put.body).toBe(200);
    // An approved 2025 (baseline year) figure, so the 2026 value gives the assessment a trend.
    const base = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: as(h.sessions.planning_office),
      payload: { indicatorId: revenueId, period: '2025', expectedRevision: 0, values: { value: 120 } },
    });
    expect(base.statusCode, base.body).toBe(201);
    const approved = await h.app.inject({
      method: 'POST',
      url: `/api/observations/${encodeURIComponent(base.json<{ key: string }>().key)}/approve`,
      headers: as(h.sessions.reviewer),
      payload: { expectedRevision: 1 },
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });
  afterAll(async () => {
    await h.close();
  });

  it('submits with evidence, is returned with a reason, resubmits, is approved; dashboard and public follow', async () => {
    const before = await revenueCard();
    // Only the baseline is known: no value in the plan period yet.
    expect(before.latest).toBeNull();
    expect(before.status).toBe('数据不足');

    // The reporter enters a value for 2026 with an evidence file and submits it.
    const reporter = await h.pageAs('department_reporter');
    await reporter.goto('/my');
    let drawer = await openForm(reporter, REVENUE, '2026');
    await drawer.getByLabel('监测值').fill('150.5');
    await drawer.getByLabel('数据来源').fill('区财政局台账');
    expect(await drawer.getByText(/不超过 10 MiB/).count()).toBe(1);
    await drawer.locator('input[type=file]').setInputFiles({
      name: '财政收入台账.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('2026 年一般公共预算收入 150.5 亿元', 'utf8'),
    });
    await drawer.getByRole('link', { name: '财政收入台账.txt' }).waitFor();
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核' }).count()).toBe(1);

    // The reviewer sees value, unit, scope, evidence, and returns it with a reason.
    const reviewer = await h.pageAs('reviewer');
    await reviewer.goto('/review');
    const queue = reviewer.getByRole('list', { name: '待审核事项' });
    const card = queue.getByRole('listitem').filter({ hasText: REVENUE });
    await poll(() => card.textContent()).toContain('150.5');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('亿元');
    expect(text).toContain('规划口径');
    expect(text).toContain('区财政局台账');
    // Who submitted, by name and department, not by user id.
    expect(text).toContain('提交人：department_reporter（区财政局）');
    await card.getByRole('link', { name: '财政收入台账.txt' }).waitFor();
    await card.getByRole('button', { name: /^退回/ }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await dialog.getByText('请填写退回原因').waitFor(); // the reason is required
    await dialog.getByLabel('退回原因').fill('口径与统计年鉴不一致，请核实');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await poll(() => reviewer.getByRole('status').filter({ hasText: '已退回' }).count()).toBe(1);

    // The reporter is notified, sees the reason highlighted, corrects and resubmits.
    await reporter.goto(`/my?kind=indicator&id=${revenueId}&period=2026`);
    await reporter.getByRole('button', { name: '通知，1 条未读' }).waitFor();
    drawer = reporter.getByRole('dialog');
    await poll(() => drawer.getByRole('alert').first().textContent()).toContain(
      '口径与统计年鉴不一致，请核实',
    );
    expect(await drawer.getByLabel('监测值').inputValue()).toBe('150.5');
    await drawer.getByLabel('监测值').fill('152.3');
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核（第 3 版）' }).count()).toBe(1);

    // The reviewer approves; the history drawer lists every step.
    await reviewer.goto('/review');
    await poll(() => card.textContent()).toContain('152.3');
    await card.getByRole('button', { name: /^修订记录|的修订记录$/ }).click();
    const history = reviewer.getByRole('table', { name: '修订记录' });
    await poll(() => history.textContent()).toContain('口径与统计年鉴不一致，请核实');
    await reviewer.keyboard.press('Escape');
    await card.getByRole('button', { name: /^通过/ }).click();
    await reviewer
      .getByRole('dialog', { name: '确认通过' })
      .getByRole('button', { name: '确认通过' })
      .click();
    await poll(() => reviewer.getByRole('status').filter({ hasText: '已通过' }).count()).toBe(1);
    await poll(() => queue.count()).toBe(0);

    // The dashboard card shows the approved value and its new assessment.
    const after = await revenueCard();
    expect(after.latest?.value).toBe(152.3);
    expect(after.status).not.toBe('数据不足');
    const leader = await h.pageAs('leader');
    await leader.goto('/dashboard');
    const dashboardCard = leader
      .getByRole('list', { name: '指标卡片' })
      .getByRole('listitem')
      .filter({ hasText: REVENUE });
    await poll(() => dashboardCard.textContent()).toContain('152.3');
    expect(await dashboardCard.textContent()).toContain(after.status);
    console.info(`dashboard status of ${REVENUE}: ${before.status} → ${after.status}`);

    // Not on the public page until the planning office publishes it; then it is, with the value.
    const visitor = await h.pageAs(null);
    await visitor.goto('/public');
    await visitor.locator('#main').getByRole('heading', { level: 1 }).waitFor();
    await poll(() => visitor.locator('#main').textContent()).not.toContain(REVENUE);
    const publish = await call('planning_office', 'PATCH', `/api/indicators/${revenueId}/publish`, {
      published: true,
    });
    expect(publish.statusCode).toBe(200);
    await visitor.reload();
    const publicCards = visitor.getByRole('list', { name: '指标卡片' });
    await poll(() => publicCards.textContent()).toContain(REVENUE);
    const publicCard =
      (await publicCards.getByRole('listitem').filter({ hasText: REVENUE }).textContent()) ?? '';
    expect(publicCard).toContain('152.3');
    expect(publicCard).toContain(after.status);
  });

  it('keeps what the reporter typed when the record changed meanwhile (409), and submits after reloading', async () => {
    const reporter = await h.pageAs('department_reporter');
    await reporter.goto('/my');
    const drawer = await openForm(reporter, '地区生产总值', '2026');
    await drawer.getByLabel('监测值').fill('5.9');
    await drawer.getByLabel('单位').fill('亿元');
    await drawer.getByLabel('填报说明').fill('按季度快报累计');
    // Meanwhile the planning office saves a draft of the same record.
    const meanwhile = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: as(h.sessions.planning_office),
      payload: {
        indicatorId: h.ownIndicatorId,
        period: '2026',
        action: 'save_draft',
        expectedRevision: 0,
        values: { value: 5.5 },
      },
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    // A growth rate in 亿元 is not the plan's unit (%): the check before submission warns, and the
    // reporter confirms the value as typed.
    const confirmWarning = async () => {
      const check = reporter.getByRole('dialog', { name: '提交前请核对' });
      await check.getByRole('button', { name: '确认无误，仍然提交' }).click();
      await check.waitFor({ state: 'hidden' });
    };
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await confirmWarning();
    const stale = drawer.getByRole('alert').filter({ hasText: '记录已发生变化' });
    await stale.waitFor();
    expect(await stale.textContent()).toContain('您填写的内容已保留');
    await stale.getByRole('button', { name: '重新加载记录' }).click();
    await poll(() => drawer.getByText('草稿已保存（第 1 版）').count()).toBe(1);
    expect(await drawer.getByLabel('监测值').inputValue()).toBe('5.9');
    expect(await drawer.getByLabel('填报说明').inputValue()).toBe('按季度快报累计');
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await confirmWarning();
    await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核（第 2 版）' }).count()).toBe(1);
    // The stored flag comes back with the submission.
    expect(await drawer.getByRole('list', { name: '数据质量提示' }).textContent()).toContain('%');
  });

  it("keeps a reporter out of another department's items, in the interface and the API", async () => {
    const other = await h.pageAs('other_reporter');
    await other.goto('/my');
    await other.getByRole('heading', { level: 1, name: '我的填报' }).waitFor();
    await other.getByRole('table', { name: '应报事项' }).waitFor();
    expect(await other.locator('#main').textContent()).not.toContain(REVENUE);
    await other.getByRole('combobox', { name: /事项/ }).fill(REVENUE);
    await other.locator('.ant-select-dropdown').waitFor();
    expect(await other.locator('.ant-select-dropdown').textContent()).not.toContain(REVENUE);
    await other.keyboard.press('Escape');

    // Opening the revenue record by its URL shows a refusal, never the form.
    await other.goto(`/my?kind=indicator&id=${revenueId}&period=2026`);
    const drawer = other.getByRole('dialog');
    await poll(() => drawer.textContent()).toContain('该事项不属于本部门');
    expect(await drawer.getByLabel('监测值').count()).toBe(0);
    expect(await drawer.getByRole('button', { name: '提交审核' }).count()).toBe(0);

    // The API refuses the same requests made with the session's cookies.
    const key = encodeURIComponent(`${revenueId}|2026|`);
    const csrf = (await other.context().cookies()).find((c) => c.name === 'pt_csrf')?.value ?? '';
    const history = await other.request.get(`/api/observations/${key}/history`);
    expect(history.status()).toBe(403);
    const write = await other.request.post('/api/observations', {
      headers: { 'x-csrf-token': csrf },
      data: { indicatorId: revenueId, period: '2026', expectedRevision: 3, values: { value: 1 } },
    });
    expect(write.status()).toBe(403);
    const upload = await other.request.post(`/api/observations/${key}/evidence`, {
      headers: { 'x-csrf-token': csrf },
      multipart: { file: { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('x') } },
    });
    expect(upload.status()).toBe(403);

    // The review screen is not theirs either.
    await other.goto('/review');
    await poll(() => other.locator('#main').textContent()).toContain('您没有访问此页面的权限');
  });

  it('tells an office user reviewing their own entry why they may not, until the plan allows it', async () => {
    // The planning office enters a value for the finance bureau, then opens the review queue.
    const entered = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: as(h.sessions.planning_office),
      payload: { indicatorId: revenueId, period: '2024', expectedRevision: 0, values: { value: 101 } },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const office = await h.pageAs('planning_office');
    await office.goto('/review');
    const card = office
      .getByRole('list', { name: '待审核事项' })
      .getByRole('listitem')
      .filter({ hasText: `${REVENUE} · 2024` });
    await poll(() => card.textContent()).toContain('这是您本人提交的数据');
    await card.getByRole('button', { name: /^通过/ }).click();
    await office.getByRole('dialog', { name: '确认通过' }).getByRole('button', { name: '确认通过' }).click();
    // The server's own refusal is shown, in Chinese.
    await poll(() =>
      office.getByRole('alert').filter({ hasText: '不能审核通过本人提交的数据' }).count(),
    ).toBe(1);

    const settings = await call('planning_office', 'GET', `/api/plans/${h.plan.planId}/review-settings`);
    const put = await call('planning_office', 'PUT', `/api/plans/${h.plan.planId}/review-settings`, {
      expectedRevision: settings.json<{ revisionNo: number }>().revisionNo,
      officeSelfReview: true,
    });
    expect(put.statusCode, put.body).toBe(200);
    await card.getByRole('button', { name: /^通过/ }).click();
    await office.getByRole('dialog', { name: '确认通过' }).getByRole('button', { name: '确认通过' }).click();
    await poll(() => office.getByRole('status').filter({ hasText: '已通过' }).count()).toBe(1);
    const history = await call(
      'planning_office',
      'GET',
      `/api/observations/${encodeURIComponent(`${revenueId}|2024|`)}/history`,
    );
    expect(history.json<{ selfReviewed: boolean }[]>().map((r) => r.selfReviewed)).toEqual([false, true]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();
const poll = expect.poll;

describe.skipIf(unavailable !== null)('filters and deep links in the address', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("back from an indicator keeps the dashboard's filters, and a reload too", async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/dashboard');
    const cards = page.getByRole('list', { name: '指标卡片' }).getByRole('listitem');
    await poll(() => cards.count()).toBe(27);
    await page.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '约束类指标' }).click();
    await poll(() => cards.count()).toBe(8);
    expect(new URL(page.url()).searchParams.get('group')).toBe('约束类指标');

    await cards.first().getByRole('link').first().click();
    await page.waitForURL(/\/indicators\//);
    await page.goBack();
    await page.waitForURL(/\/dashboard\?/);
    await poll(() => cards.count()).toBe(8);

    await page.reload();
    await poll(() => cards.count()).toBe(8);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await poll(() => cards.count()).toBe(27);
    expect(new URL(page.url()).search).toBe('');
  });

  it('signing in from a deep link returns to it', async () => {
    const page = await h.pageAs(null);
    const deep = `/indicators/${h.ownIndicatorId}`;
    await page.goto(deep);
    await page.waitForURL('**/sign-in?next=*');
    await page.getByLabel('电子邮箱').fill(h.emails.leader);
    await page.getByLabel('密码').fill('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${deep}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // A link to another site is never followed: the user lands on the role's home instead.
    const other = await h.pageAs(null);
    await other.goto('/sign-in?next=%2F%2Fexample.org');
    await other.getByLabel('电子邮箱').fill(h.emails.leader);
    await other.getByLabel('密码').fill('correct horse battery staple');
    await other.keyboard.press('Enter');
    await other.waitForURL('**/dashboard');
  });

  it("the review queue's filters live in the address: a reload and a shared link keep them", async () => {
    const submitted = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: {
        cookie: h.sessions.department_reporter.cookie,
        'x-csrf-token': h.sessions.department_reporter.csrf,
      },
      payload: { indicatorId: h.ownIndicatorId, period: '2030', expectedRevision: 0, values: { value: 7 } },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const page = await h.pageAs('reviewer');
    await page.goto('/review');
    const rows = page.getByRole('list', { name: '待审核事项' }).locator(':scope > li');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await page.getByRole('combobox', { name: '提交部门' }).click();
    await page.locator('.ant-select-item-option[title="区财政局"]').click();
    await page.getByRole('group', { name: '筛选' }).getByText('进展报告', { exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get('kind')).toBe('progress_report');
    expect(new URL(page.url()).searchParams.get('department')).not.toBeNull();
    await page.getByText('没有符合筛选条件的事项', { exact: false }).waitFor();

    await page.reload();
    await page.getByText('没有符合筛选条件的事项', { exact: false }).waitFor();
    // The same link opened elsewhere shows the same filtered queue.
    const shared = await h.pageAs('planning_office');
    await shared.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.getByText('没有符合筛选条件的事项', { exact: false }).waitFor();

    await page.getByRole('button', { name: '清除筛选' }).click();
    await rows.first().waitFor();
    expect(new URL(page.url()).search).toBe('');
  });
});

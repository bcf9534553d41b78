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
});

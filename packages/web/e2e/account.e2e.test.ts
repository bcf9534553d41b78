import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../server/src/testing/harness.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable !== null)('password change in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('after an administrator’s reset, signing in shows only the change form until the password changes', async () => {
    const me = await h.app.inject({ method: 'GET', url: '/api/me', headers: as(h.sessions.leader) });
    const reset = await h.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${me.json<{ id: string }>().id}`,
      headers: as(h.sessions.administrator),
      payload: { resetPassword: true },
    });
    const generated = reset.json<{ generatedPassword: string }>().generatedPassword;

    const page = await h.pageAs(null);
    await page.goto('/sign-in');
    await page.getByLabel('电子邮箱').fill(h.emails.leader);
    await page.getByLabel('密码').fill(generated);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/password');
    await expect.poll(() => page.getByText('管理员重置了您的密码').count()).toBe(1);
    // Another screen sends the user back to the form.
    await page.goto('/dashboard');
    await page.waitForURL('**/account/password');

    await page.getByLabel('当前密码').fill(generated);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('再次输入新密码').fill('short');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '密码太短' }).textContent())
      .toContain('至少 12 个字符');

    await page.getByLabel('新密码', { exact: true }).fill('Plan-2026 monitoring');
    await page.getByLabel('再次输入新密码').fill('Plan-2026 monitoring');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL('**/dashboard');
    // The screens now get their data: nothing refused while the change was required is reused.
    await page.locator('[data-testid="indicator-card"]').first().waitFor();
  });

  it('is reachable from the user menu', async () => {
    const page = await h.pageAs('reviewer');
    await page.goto('/review');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL('**/account/password');
    await expect.poll(() => page.getByLabel('当前密码').count()).toBe(1);
  });
});

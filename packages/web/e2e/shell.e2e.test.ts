import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable !== null)('web app shell in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('signs in through the form and lands on the home page of the role', async () => {
    const page = await h.pageAs(null);
    await page.goto('/sign-in');
    await page.getByLabel('电子邮箱').fill(h.emails.department_reporter);
    await page.getByLabel('密码').fill('correct horse battery staple');
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await page.waitForURL('**/my');
    expect(new URL(page.url()).pathname).toBe('/my');
  });

  it('shows a wrong password as a Chinese message, and in English after switching language', async () => {
    const page = await h.pageAs(null);
    await page.goto('/sign-in');
    await page.getByLabel('电子邮箱').fill(h.emails.leader);
    await page.getByLabel('密码').fill('wrong password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/[A-Za-z]{4}/);
  });

  it('sends an anonymous visitor of a protected screen to sign in, and serves deep links', async () => {
    const page = await h.pageAs(null);
    await page.goto('/dashboard');
    await page.waitForURL('**/sign-in?next=%2Fdashboard');
    const response = await page.goto('/indicators/does-not-exist');
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  });

  it('keeps unknown API paths as problem+json, not the web page', async () => {
    const response = await fetch(`${h.baseUrl}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

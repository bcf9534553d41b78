import { markDemoDatabase } from '@plantrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable !== null)('demo banner in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows no banner on a real database', async () => {
    const page = await h.pageAs('leader');
    await page.goto('/dashboard');
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
  });

  it('says 演示数据 / Demo data above every screen of a demo database, without covering the header', async () => {
    await markDemoDatabase(h.handle.db);
    const visits: [Parameters<BrowserHarness['pageAs']>[0], string][] = [
      [null, '/sign-in'],
      [null, '/public'],
      ['leader', '/dashboard'],
      ['department_reporter', '/my'],
    ];
    for (const [persona, path] of visits) {
      const page = await h.pageAs(persona);
      await page.goto(path);
      const banner = page.getByRole('status').filter({ hasText: '演示数据' });
      await banner.waitFor();
      expect(await banner.textContent(), path).toContain('模拟值');
      // In the page flow above the rest: nothing lies under it.
      const box = await banner.boundingBox();
      expect(box?.y, path).toBe(0);
      const header = page.locator('header, .ant-layout-header').first();
      if ((await header.count()) > 0) {
        const headerBox = await header.boundingBox();
        expect(headerBox?.y ?? 0, path).toBeGreaterThanOrEqual((box?.y ?? 0) + (box?.height ?? 0) - 0.5);
      }
    }
    const english = await h.pageAs('leader', { lang: 'en' });
    await english.goto('/dashboard');
    await english.getByRole('status').filter({ hasText: 'Demo data' }).waitFor();
  });
});

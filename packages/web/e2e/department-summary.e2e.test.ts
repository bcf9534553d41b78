import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable !== null)('department summary links in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("offers a reporter their own department's summary as Word and as a web page", async () => {
    const page = await h.pageAs('department_reporter');
    await page.goto('/my');
    const links = page.getByRole('group', { name: '本单位一页纸摘要' });
    const word = links.getByRole('link', { name: /下载 Word/ });
    await word.waitFor();
    const href = await word.getAttribute('href');
    expect(href).toMatch(/\/api\/plans\/[^/]+\/departments\/[^/]+\/summary\?format=docx$/);
    // Fetched with the reporter's own session, as the browser's download would be.
    const docx = await page.request.get(href ?? '');
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    const html = await page.request.get(
      (await links.getByRole('link', { name: /打开网页版/ }).getAttribute('href')) ?? '',
    );
    expect(await html.text()).toContain('区财政局规划实施情况摘要');
  });
});

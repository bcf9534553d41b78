import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The office's evidence rule, driven through the UI exactly as a user would (Chinese interface):
 * the switch 提交时须附证明材料 in the office console's references tab.
 */

/**
 * Turns the plan's evidence requirement on or off in the references tab and waits until the
 * switch shows the saved state after a reload.
 */
export async function requireEvidence(page: Page, on: boolean): Promise<void> {
  await page.goto('/office?tab=references');
  const toggle = page.getByRole('switch', { name: '提交时须附证明材料' });
  await toggle.waitFor();
  await expect.poll(() => toggle.isEnabled(), { timeout: 15_000 }).toBe(true);
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) {
    await toggle.click();
    await page.locator('.ant-message').getByText('已保存佐证材料要求').first().waitFor();
  }
  await page.reload();
  await expect
    .poll(() => page.getByRole('switch', { name: '提交时须附证明材料' }).getAttribute('aria-checked'), {
      timeout: 15_000,
    })
    .toBe(String(on));
}

import type { Page } from 'playwright-core';
import { monthRow, notice, poll } from './project-page.steps.js';

/* A reviewer on a project's page (Chinese interface): return a submitted month, approve one. */

/** Returns `month` (`2026-01`) with a reason (required by the dialog); its row says 已退回 and why. */
export async function returnMonth(page: Page, month: string, reason: string): Promise<void> {
  await page.getByRole('button', { name: `退回 ${month}` }).click();
  const dialog = page.getByRole('dialog', { name: `退回 ${month}` });
  await dialog.getByRole('textbox').fill(reason);
  await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
  await notice(page, `${month} 已退回。`);
  await poll(() => monthRow(page, month).textContent()).toContain(`退回原因：${reason}`);
}

/** Approves `month`; its row says 已审核. */
export async function approveMonth(page: Page, month: string): Promise<void> {
  await page.getByRole('button', { name: `审核通过 ${month}` }).click();
  await notice(page, `${month} 已审核通过。`);
  await poll(() => monthRow(page, month).textContent()).toContain('已审核');
}

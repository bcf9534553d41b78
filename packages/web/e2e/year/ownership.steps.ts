import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * The office's ownership steps of a monitoring year, driven through the UI only (zh-CN, a desktop
 * width: on a phone the owners move under the name): the
 * ownership tab of the office console, its suggestions, its edit dialog and its bulk actions.
 */

/** `expect.poll` with room for a busy machine (every save reloads four lists). */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}

/** Opens the ownership tab and waits for its table. */
export async function openOwnership(page: Page): Promise<void> {
  await page.goto('/office?tab=ownership');
  await poll(() => page.getByRole('columnheader', { name: '牵头单位' }).count()).toBeGreaterThan(0);
  await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
}

/** The text of a row's lead (the wide table's third cell; the first is the selection box). */
export function leadCell(row: Locator): Locator {
  return row.locator('td').nth(2);
}

/** The table row of an indicator (by name, without its number) or a task (by its measure). */
export function ownershipRow(page: Page, text: string): Locator {
  return page.locator('.ant-table-row').filter({ hasText: text }).first();
}

/** Picks `name` in an antd Select (searchable) labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, name: string): Promise<void> {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(name);
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`);
  await poll(() => option.count()).toBeGreaterThan(0);
  await option.first().click();
}

/**
 * Accepts the suggested owners: of the named indicators one by one (each row's 采纳), or, without
 * names, every suggestion shown (采纳全部显示的建议). Checks each accepted row now names its lead.
 * Returns the indicator → department pairs accepted (read off the rows before accepting).
 */
export async function acceptSuggestedOwners(
  page: Page,
  indicatorNames?: readonly string[],
): Promise<Map<string, string>> {
  await openOwnership(page);
  const accepted = new Map<string, string>();
  if (indicatorNames === undefined) {
    const all = page.getByRole('button', { name: /^采纳全部显示的建议/ });
    await poll(() => all.isEnabled()).toBe(true);
    await all.click();
    await poll(() => all.textContent()).toContain('（0）');
    return accepted;
  }
  for (const name of indicatorNames) {
    const row = ownershipRow(page, name);
    const suggested = (await row.locator('.ant-tag').first().textContent()) ?? '';
    await row.getByRole('button', { name: /采\s*纳/ }).click();
    await poll(() => row.getByRole('button', { name: /采\s*纳/ }).count()).toBe(0);
    await poll(() => leadCell(row).textContent()).toContain(suggested);
    accepted.set(name, suggested);
  }
  return accepted;
}

/** Opens a row's edit dialog, sets its lead (and co-leads, when given) and saves. */
async function editRow(page: Page, text: string, lead: string, coLeads?: readonly string[]): Promise<void> {
  await openOwnership(page);
  // An earlier change refetches the rows and their versions; editing before that lands saves against a
  // stale version (409) and the dialog stays open.
  await page.waitForLoadState('networkidle');
  const row = ownershipRow(page, text);
  await row.getByRole('button', { name: /^修改/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '修改责任单位' });
  await poll(() => dialog.isVisible()).toBe(true);
  await choose(page, dialog, '牵头单位', lead);
  if (coLeads !== undefined) {
    // Clear the co-leads the row had, then pick the new ones.
    const removers = dialog.locator('.ant-select-selection-item-remove');
    while ((await removers.count()) > 0) await removers.first().click();
    for (const co of coLeads) await choose(page, dialog, '配合单位（可多选）', co);
    // Close the open option list (Escape would close the dialog as well).
    await dialog.locator('.ant-modal-title').click();
  }
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await poll(() => dialog.isVisible()).toBe(false);
  await poll(() => leadCell(row).textContent()).toContain(lead);
  for (const co of coLeads ?? []) await poll(() => row.locator('td').nth(3).textContent()).toContain(co);
}

/** Sets the lead department of an indicator (by name) in its edit dialog. */
export async function setIndicatorLead(page: Page, indicator: string, department: string): Promise<void> {
  await editRow(page, indicator, department);
}

/** Sets a task's (by its measure text) lead and replaces its co-lead departments. */
export async function setTaskLeads(
  page: Page,
  taskText: string,
  lead: string,
  coLeads: readonly string[],
): Promise<void> {
  await editRow(page, taskText, lead, coLeads);
}

/** Opens a row's history and returns its text (who, when, before and after, by name). */
export async function ownershipHistoryText(page: Page, text: string): Promise<string> {
  const row = ownershipRow(page, text);
  await row.getByRole('button', { name: /^历史/ }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '责任单位变更记录' });
  await poll(() => drawer.locator('.ant-table-row, .ant-empty').count()).toBeGreaterThan(0);
  const content = (await drawer.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await poll(() => drawer.isVisible()).toBe(false);
  return content;
}

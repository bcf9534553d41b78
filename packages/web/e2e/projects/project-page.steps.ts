import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** `expect.poll` with room for a busy machine (every action reloads the project). */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}

/** Opens a project's page and waits for its name and its monthly reports. */
export async function openProject(page: Page, projectId: string, name: string): Promise<void> {
  await page.goto(`/projects/${projectId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { level: 2, name: '月度填报' }).waitFor();
}

/** The monthly reports table's row of `month` (`2026-01`). */
export function monthRow(page: Page, month: string): Locator {
  return page
    .getByRole('region', { name: '月度填报' })
    .locator('.ant-table-row')
    .filter({ has: page.getByRole('cell', { name: month, exact: true }) });
}

/** Waits for the page's success notice. */
export async function notice(page: Page, text: string | RegExp): Promise<void> {
  await poll(async () => (await page.getByRole('status').allTextContents()).join(' ')).toMatch(text);
}

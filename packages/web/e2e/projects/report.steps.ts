import type { Page } from 'playwright-core';
import { monthRow, notice, poll } from './project-page.steps.js';

/*
 * The lead unit's reporter on a project's page (Chinese interface): fill a month's figures and
 * submit them, meet the quality checks, raise an issue.
 */

export type MonthFigures = {
  year: number;
  month: number;
  monthWan: number;
  ytdWan: number;
  progress: string;
  /** A site photo to attach (name and PNG bytes). */
  photo?: { name: string; png: Buffer };
};

const key = (f: { year: number; month: number }) => `${f.year}-${String(f.month).padStart(2, '0')}`;

/** Opens the editor of a month: its row's 填报 (draft or returned), else a new month. */
async function openEditor(page: Page, f: MonthFigures): Promise<void> {
  const edit = page.getByRole('button', { name: `填报 ${key(f)}` });
  if ((await edit.count()) > 0) {
    await edit.click();
    return;
  }
  await page.getByRole('button', { name: '填报新月份' }).click();
  await page.getByLabel('年份', { exact: true }).fill(String(f.year));
  await page.getByLabel('月份', { exact: true }).fill(String(f.month));
}

async function fillFigures(page: Page, f: MonthFigures): Promise<void> {
  await page.getByLabel('本月完成投资（万元）').fill(String(f.monthWan));
  await page.getByLabel('年初至今累计（万元）').fill(String(f.ytdWan));
  await page.getByLabel('形象进度').fill(f.progress);
  if (f.photo !== undefined) {
    await page
      .locator('.ant-card input[type="file"]')
      .setInputFiles({ name: f.photo.name, mimeType: 'image/png', buffer: f.photo.png });
    await page
      .getByRole('list', { name: '已附佐证材料' })
      .getByText(f.photo.name)
      .waitFor({ timeout: 30_000 });
  }
}

/** Fills a month (with its photo, if any) and submits it for review; its row then says 待审核. */
export async function submitMonth(page: Page, f: MonthFigures): Promise<void> {
  await openEditor(page, f);
  await fillFigures(page, f);
  await page.getByRole('button', { name: '提交审核' }).click();
  await notice(page, `${key(f)} 已提交审核。`);
  await poll(() => monthRow(page, key(f)).textContent()).toContain('待审核');
  if (f.photo !== undefined) await poll(() => monthRow(page, key(f)).textContent()).toContain(f.photo.name);
}

/**
 * Tries figures the quality checks refuse; returns the message the page shows (the editor stays
 * open with it) and closes the editor without saving.
 */
export async function refusedMonth(page: Page, f: MonthFigures): Promise<string> {
  await openEditor(page, f);
  await fillFigures(page, f);
  await page.getByRole('button', { name: '提交审核' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /万元/ });
  await alert.waitFor({ timeout: 30_000 });
  const text = (await alert.textContent()) ?? '';
  await page.getByRole('button', { name: /^取\s*消$/ }).click();
  return text;
}

/** Raises an issue (存在问题/需协调事项) with a department and a deadline; it is listed as 未解决. */
export async function raiseIssue(
  page: Page,
  issue: { text: string; department: string; deadline: string },
): Promise<void> {
  const form = page.locator('.ant-card').filter({ hasText: '问题或需协调事项' });
  await form.getByLabel('问题或需协调事项').fill(issue.text);
  await form.getByLabel('需协调部门').fill(issue.department);
  await form.getByLabel('期限').fill(issue.deadline);
  await form.getByRole('button', { name: /提出问题|提出\s问题/ }).click();
  await notice(page, '已提出问题。');
  await poll(() =>
    page
      .getByRole('region', { name: '存在问题和需协调事项' })
      .getByRole('listitem')
      .filter({ hasText: issue.text })
      .textContent(),
  ).toContain('未解决');
}

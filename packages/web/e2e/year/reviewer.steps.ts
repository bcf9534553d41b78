import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/*
 * The reviewer's steps of the monitoring year, driven through the UI only (Chinese interface):
 * read the notice of new submissions, return one with a reason, approve one after the confirming
 * dialog, approve the rest as a batch once every flagged item's warnings were read.
 */

const poll = expect.poll;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The queue card of `item` (part of the indicator's or task's name) for `period`. */
export function reviewCard(page: Page, item: string, period: string): Locator {
  const heading = page.getByRole('heading', {
    level: 2,
    name: new RegExp(`${escaped(item)}.* · ${escaped(period)}$`),
  });
  return page.getByRole('list', { name: '待审核事项' }).getByRole('listitem').filter({ has: heading });
}

/**
 * Opens the notification bell, finds the unread notice containing `text`, and follows it to the
 * review queue, which then shows the submissions it is about (filtered in the address).
 */
export async function expectNotification(page: Page, text: string): Promise<void> {
  if (!page.url().includes('/review') && !page.url().includes('/dashboard')) await page.goto('/review');
  const bell = page.getByRole('button', { name: /^通知，\d+ 条未读$/ });
  await bell.waitFor({ timeout: 15_000 });
  await bell.click();
  const drawer = page.getByRole('dialog', { name: '通知' });
  const notice = drawer.getByRole('listitem').filter({ hasText: text }).first();
  await notice.waitFor();
  await notice.getByRole('button', { name: '去处理' }).click();
  await page.waitForURL(/\/review\?/);
  await page.getByRole('list', { name: '待审核事项' }).waitFor();
}

/** Returns the submission of `item` for `period` with `reason`; it leaves the queue. */
export async function returnSubmission(
  page: Page,
  args: { item: string; period: string; reason: string },
): Promise<void> {
  const card = reviewCard(page, args.item, args.period);
  await card.getByRole('button', { name: /^退回“/ }).click();
  const dialog = page.getByRole('dialog', { name: /^退回“/ });
  await dialog.getByRole('button', { name: '确认退回' }).click();
  // A reason is required: the dialog says so and stays open.
  await dialog.getByText('请填写退回原因').waitFor();
  await dialog.getByRole('textbox').fill(args.reason);
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await page
    .getByRole('status')
    .getByText(/^已退回：/)
    .waitFor();
  await poll(() => card.count()).toBe(0);
}

/**
 * Approves the submission of `item` for `period`: the dialog names item, period and value
 * (`value`, when given, must appear in it) before anything is approved.
 */
export async function approveOne(
  page: Page,
  args: { item: string; period: string; value?: string },
): Promise<void> {
  const card = reviewCard(page, args.item, args.period);
  await card.getByRole('button', { name: /^通过“/ }).click();
  const dialog = page.getByRole('dialog', { name: '确认通过' });
  await dialog.waitFor();
  await expect.poll(() => dialog.textContent()).toContain(args.period);
  if (args.value !== undefined) expect(await dialog.textContent()).toContain(args.value);
  await dialog.getByRole('button', { name: '确认通过' }).click();
  await page
    .getByRole('status')
    .getByText(/^已通过：/)
    .waitFor();
  await poll(() => card.count()).toBe(0);
}

/**
 * Selects every submission on the queue's page and approves them as one batch: the batch button
 * stays disabled, saying how many flagged items are unread, until each flag was read. Returns the
 * number of items approved.
 */
export async function approveAllAfterSeeingFlags(page: Page): Promise<number> {
  const list = page.getByRole('list', { name: '待审核事项' });
  await list.waitFor();
  // The queue's own rows (a card's flags and evidence are lists too).
  const count = await list.locator(':scope > li').count();
  const batch = page.getByRole('region', { name: '批量审核' });
  await batch.getByRole('button', { name: '全选本页' }).click();
  const approve = batch.getByRole('button', { name: `批量通过（${count} 项）` });
  const readButtons = list.getByRole('button', { name: /^我已查看以上提示/ });
  const flagged = await readButtons.count();
  if (flagged > 0) {
    await expect.poll(() => approve.isDisabled()).toBe(true);
    await batch.getByText(`还有 ${flagged} 项的数据质量提示未查看`, { exact: false }).waitFor();
    while ((await readButtons.count()) > 0) await readButtons.first().click();
  }
  await expect.poll(() => approve.isEnabled()).toBe(true);
  await approve.click();
  const dialog = page.getByRole('dialog', { name: `确认批量通过 ${count} 项` });
  await dialog.getByRole('button', { name: `批量通过（${count} 项）` }).click();
  await page.getByRole('status').getByText(`已通过 ${count} 项。`).waitFor();
  return count;
}

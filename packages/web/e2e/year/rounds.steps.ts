import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A round as the office opens it in the form (labels as the Chinese interface shows them). */
export type RoundInput = {
  name: string;
  /** `2026`, `2027Q1` or `2027-03`. */
  period: string;
  frequency: 'annual' | 'quarterly' | 'monthly';
  /** `YYYY-MM-DD`. */
  dueDate: string;
  reminderDays: number;
  semantics: 'annual_value' | 'year_to_date';
  /** Indicator names to pick one by one (with `tasks`); omit both and `departments` for all items. */
  indicators?: string[];
  tasks?: string[];
  /** Department names: the round asks everything they lead or co-lead. */
  departments?: string[];
};

/** Counts of one department's row in a round's progress table. */
export type RoundCountsSeen = { approved: number; submitted: number; returned: number; missing: number };

const FREQUENCY = { annual: '年度', quarterly: '季度', monthly: '月度' } as const;
const SEMANTICS = {
  annual_value: '本期数值（年度值）',
  year_to_date: '年初至今累计（如 1—9月累计增速）',
} as const;

/** Opens the office console's rounds tab. */
export async function gotoRounds(page: Page): Promise<void> {
  await page.goto('/office?tab=rounds');
  await page.getByRole('heading', { name: '填报轮次', level: 2 }).waitFor();
}

/** Picks options of a searchable multiple select by typing each name and taking the match. */
async function pick(page: Page, label: string, names: readonly string[]): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  for (const name of names) {
    await box.click();
    await box.fill(name);
    await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  }
  await box.press('Escape');
}

/** The office opens a round through the form and sees it listed as open. */
export async function openRound(page: Page, round: RoundInput): Promise<void> {
  await gotoRounds(page);
  await page.getByRole('button', { name: '开启新轮次' }).click();
  const form = page.getByRole('form', { name: '开启新轮次' });
  await form.getByLabel('轮次名称').fill(round.name);
  await form.getByText(FREQUENCY[round.frequency], { exact: true }).click();
  await form.getByLabel('报告期').fill(round.period);
  await form.getByLabel('截止日期').fill(round.dueDate);
  await form.getByLabel('提前提醒天数').fill(String(round.reminderDays));
  await form.getByText(SEMANTICS[round.semantics], { exact: true }).click();
  if (round.departments !== undefined) {
    await form.getByText('按部门', { exact: true }).click();
    await pick(page, '部门', round.departments);
  } else if (round.indicators !== undefined || round.tasks !== undefined) {
    await form.getByText('逐项选择', { exact: true }).click();
    if (round.indicators?.length) await pick(page, '指标', round.indicators);
    if (round.tasks?.length) await pick(page, '任务', round.tasks);
  } else {
    await form.getByText('全部指标和任务', { exact: true }).click();
  }
  await form.getByRole('button', { name: '开启轮次' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已开启“${round.name}”。` })
    .waitFor();
  const row = page.getByRole('table', { name: '填报轮次' }).getByRole('row').filter({ hasText: round.name });
  await expect.poll(() => row.innerText()).toContain('进行中');
}

/**
 * Opens a round's progress and checks one department's row: 已审核, 待审核, 已退回, 未报告 (only the
 * counts given are checked).
 */
export async function expectRoundProgress(
  page: Page,
  roundName: string,
  department: string,
  expected: Partial<RoundCountsSeen>,
): Promise<void> {
  await gotoRounds(page);
  await page.getByRole('button', { name: `查看进度：${roundName}` }).click();
  const table = page.getByRole('table', { name: `“${roundName}”各部门填报进度` });
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: department, exact: true }) });
  await expect
    .poll(async () => {
      const cells = await row.first().getByRole('cell').allInnerTexts();
      const [approved, submitted, returned, missing] = cells.slice(-4).map((c) => Number(c.trim()));
      const seen: RoundCountsSeen = {
        approved: approved ?? NaN,
        submitted: submitted ?? NaN,
        returned: returned ?? NaN,
        missing: missing ?? NaN,
      };
      return Object.fromEntries(Object.keys(expected).map((k) => [k, seen[k as keyof RoundCountsSeen]]));
    })
    .toEqual(expected);
}

/** The office closes a round after confirming, and sees it closed. */
export async function closeRound(page: Page, roundName: string): Promise<void> {
  await gotoRounds(page);
  await page.getByRole('button', { name: `关闭轮次：${roundName}` }).click();
  await page.getByRole('button', { name: '确认关闭' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已关闭“${roundName}”。` })
    .waitFor();
  const row = page.getByRole('table', { name: '填报轮次' }).getByRole('row').filter({ hasText: roundName });
  await expect.poll(() => row.innerText()).toContain('已关闭');
}

/** A reporter's 我的填报 shows the round asking for an item, with its due date. */
export async function expectMyRound(page: Page, roundName: string, dueDate: string): Promise<void> {
  await page.goto('/my');
  const row = page.getByRole('row').filter({ hasText: roundName }).first();
  await row.waitFor();
  expect(await row.innerText()).toContain(dueDate);
}

/** The reviewer's queue marks a figure sent after its round closed as 逾期补报, naming the round. */
export async function expectLateCorrection(page: Page, itemName: string, roundName: string): Promise<void> {
  await page.goto('/review');
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: itemName }) });
  const alert = card.getByRole('alert').filter({ hasText: '逾期补报' });
  await alert.first().waitFor();
  expect(await alert.first().innerText()).toContain(roundName);
}

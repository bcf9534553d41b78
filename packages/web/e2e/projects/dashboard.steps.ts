import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** /projects with the query given (e.g. `year=2026&town=湖塘镇`), once the dashboard and list are in. */
export async function openProjectsDashboard(page: Page, query = ''): Promise<void> {
  await page.goto(`/projects${query === '' ? '' : `?${query}`}`);
  await page.getByRole('heading', { name: '总体情况' }).waitFor();
  await projectListTable(page).waitFor();
}

/** The project list table (its caption carries the count). */
export function projectListTable(page: Page): Locator {
  return page.getByRole('table', { name: /^项目清单（\d+ 个）$/ });
}

/** How many projects the list shows, once it has settled on `n`. */
export async function expectListCount(page: Page, n: number): Promise<void> {
  await page.getByRole('table', { name: `项目清单（${n} 个）` }).waitFor();
}

/** The value of one of the totals (项目数, 年度计划投资, 累计完成, 完成率). */
export async function totalValue(page: Page, title: string): Promise<string> {
  const statistic = page.locator('.ant-statistic').filter({ hasText: title });
  return (await statistic.locator('.ant-statistic-content').innerText()).trim();
}

/** Picks a value in one of the list's filters (a labelled select). */
export async function filterList(page: Page, filter: string, value: string): Promise<void> {
  await page.getByRole('combobox', { name: filter }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${value}"]`).click();
}

/** The flagged projects (滞后/需协调): name, link target and the reasons' text. */
export async function flaggedProjects(page: Page): Promise<{ name: string; href: string; text: string }[]> {
  const table = page.getByRole('table', { name: '滞后与需协调项目' });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  const out: { name: string; href: string; text: string }[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const link = rows.nth(i).getByRole('link');
    out.push({
      name: (await link.innerText()).trim(),
      href: (await link.getAttribute('href')) ?? '',
      text: await rows.nth(i).innerText(),
    });
  }
  return out;
}

/** The reporter's 重大项目 section in 我的填报: project names with their month owed and status. */
export async function myProjects(page: Page): Promise<string[]> {
  await page.goto('/my');
  const table = page.getByRole('table', { name: '本部门负责的重大项目' });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  await expect.poll(() => table.getByText('读取中…').count()).toBe(0);
  return rows.allInnerTexts();
}

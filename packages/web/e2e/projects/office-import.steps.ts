import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** One line of an office's annual project sheet. SYNTHETIC names and figures: test data only. */
export type SheetProject = {
  code: string | null;
  name: string;
  content: string;
  totalWan: number;
  annualPlanWan: number;
  years: string;
  leadUnit: string;
  town: string;
  category: string;
};

export const SHEET_TOWNS = ['湖塘镇', '牛塘镇', '洛阳镇'] as const;
const CATEGORIES = ['产业项目', '基础设施', '社会民生'] as const;

/**
 * Thirty SYNTHETIC projects led in turn by `units`; every third has no 项目代码 yet (谋划 stage),
 * the others a valid 24-character code.
 */
export function thirtyProjects(units: readonly string[]): SheetProject[] {
  return Array.from({ length: 30 }, (_, i) => ({
    code: i % 3 === 2 ? null : `2026-320412-35-01-${String(200 + i).padStart(6, '0')}`,
    name: `测试重大项目${String(i + 1).padStart(2, '0')}号`,
    content: `新建厂房及配套设施${i + 1}万平方米`,
    totalWan: 10_000 + i * 500,
    annualPlanWan: 2_000 + i * 100,
    years: '2025-2027',
    leadUnit: units[i % units.length] ?? '',
    town: SHEET_TOWNS[i % SHEET_TOWNS.length] ?? '',
    category: CATEGORIES[i % CATEGORIES.length] ?? '',
  }));
}

/** Three wrong cells in one project: a code with a small letter, a negative 总投资, years backwards. */
export function withThreeErrors(projects: readonly SheetProject[], index: number): SheetProject[] {
  return projects.map((p, i) =>
    i === index ? { ...p, code: '2026-320412-35-01-00020x', totalWan: -500, years: '2028—2025' } : p,
  );
}

/**
 * The sheet as an office writes it: a title row, the header (with one column the register does not
 * use, 备注), the projects and a 合计 row. Rows of projects start at sheet row 3.
 */
export async function writeProjectWorkbook(projects: readonly SheetProject[], year: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年重大项目`);
  ws.addRow([`${year}年区重大项目计划表`]);
  ws.mergeCells('A1:L1');
  ws.addRow([
    '序号',
    '项目代码',
    '项目名称',
    '建设内容及规模',
    '总投资（万元）',
    '年度计划投资（万元）',
    '建设起止年限',
    '责任单位',
    '所在镇街',
    '项目类别',
    '项目性质',
    '备注',
  ]);
  projects.forEach((p, i) => {
    ws.addRow([
      i + 1,
      p.code,
      p.name,
      p.content,
      p.totalWan,
      p.annualPlanWan,
      p.years,
      p.leadUnit,
      p.town,
      p.category,
      '续建',
      '市重点',
    ]);
  });
  const sum = (f: (p: SheetProject) => number) => projects.reduce((s, p) => s + f(p), 0);
  ws.addRow(['合计', null, null, null, sum((p) => p.totalWan), sum((p) => p.annualPlanWan)]);
  const path = join(mkdtempSync(join(tmpdir(), 'plantrack-projects-')), 'projects.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

/** The office's import tab of /projects. */
export async function openProjectImport(page: Page): Promise<void> {
  await page.goto('/projects?tab=import');
  await page.getByRole('heading', { name: '导入年度项目清单' }).waitFor();
}

/** Uploads a sheet for preview; answers the summary once the server has read it. */
export async function previewProjectSheet(page: Page, path: string): Promise<Locator> {
  const responded = page.waitForResponse(
    (r) => r.url().includes('/projects/import?') && r.url().includes('mode=preview'),
  );
  await page.getByLabel('选择项目表（.xlsx）').setInputFiles(path);
  await responded;
  const summary = page.getByRole('status').filter({ hasText: '个项目' });
  await summary.waitFor();
  return summary;
}

/** The wrong cells listed, as "第 N 行 X 列" places, with their messages. */
export async function cellErrors(page: Page): Promise<{ place: string; message: string }[]> {
  const table = page.getByRole('table', { name: '需要改正的单元格' });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  const out: { place: string; message: string }[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const cells = rows.nth(i).locator('td');
    out.push({
      place: (await cells.first().innerText()).trim(),
      message: (await cells.last().innerText()).trim(),
    });
  }
  return out;
}

/** Commits a clean preview and waits for the imported counts. */
export async function commitProjectImport(
  page: Page,
  expected: { rows: number; created: number; updated: number },
): Promise<void> {
  const button = page.getByRole('button', { name: `导入 ${expected.rows} 个项目` });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await page
    .getByRole('status')
    .filter({ hasText: `已导入：新建 ${expected.created} 个，更新 ${expected.updated} 个。` })
    .waitFor();
}

/** Answers every project matched by name only at once; returns how many there were. */
export async function answerNameMatches(page: Page, answer: 'update' | 'create'): Promise<number> {
  const table = page.getByRole('table', { name: '仅按名称匹配、待确认的项目' });
  await table.waitFor();
  await page
    .getByRole('button', { name: answer === 'update' ? '全部更新已有项目' : '全部作为新项目' })
    .click();
  return table.locator('tbody tr').count();
}

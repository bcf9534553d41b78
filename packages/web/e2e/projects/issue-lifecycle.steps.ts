import type { Page } from 'playwright-core';
import { notice, poll } from './project-page.steps.js';

/*
 * The planning office on a project's page (Chinese interface): resolve an issue, move the project
 * one stage, file the post-evaluation after 竣工.
 */

/** Resolves the issue whose text is `text` with a resolution; it is then listed as 已解决. */
export async function resolveIssue(page: Page, text: string, resolution: string): Promise<void> {
  await page.getByRole('button', { name: `解决：${text}` }).click();
  const dialog = page.getByRole('dialog', { name: `解决问题：${text}` });
  await dialog.getByLabel('解决情况').fill(resolution);
  await dialog.getByRole('button', { name: /^解\s*决$/ }).click();
  await notice(page, '问题已解决。');
  const item = page
    .getByRole('region', { name: '存在问题和需协调事项' })
    .getByRole('listitem')
    .filter({ hasText: text });
  await poll(() => item.textContent()).toContain(resolution);
  await poll(() => item.textContent()).toContain('已解决');
}

/** Moves the project to the next stage `to` with a note; the timeline records it. */
export async function moveStage(page: Page, to: string, note: string): Promise<void> {
  const region = page.getByRole('region', { name: '项目阶段' });
  await region.getByLabel('说明').fill(note);
  await region.getByRole('button', { name: `转入“${to}”` }).click();
  await notice(page, `项目已转入“${to}”。`);
  await poll(() => region.textContent()).toContain(note);
}

/** Files the post-evaluation (all met but time, with lessons); the project is then 后评价. */
export async function postEvaluate(page: Page, lessons: string): Promise<void> {
  const region = page.getByRole('region', { name: '项目阶段' });
  for (const label of ['建设规模和内容达到预期', '投资控制在计划内', '效益达到预期']) {
    await region.getByRole('checkbox', { name: label }).check();
  }
  await region.getByLabel('经验教训').fill(lessons);
  await region.getByRole('button', { name: '提交后评价' }).click();
  await notice(page, '后评价已提交');
  await poll(() => page.locator('#main').textContent()).toContain('阶段：后评价');
  await poll(() => region.textContent()).toContain(lessons);
}

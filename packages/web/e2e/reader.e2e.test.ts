import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable !== null)('plan reader in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('finds a phrase, opens the node that holds it and scrolls to the highlighted hit', async () => {
    const page = await h.pageAs('leader');
    await page.goto('/plan');
    const box = page.getByRole('searchbox', { name: '全文检索' });
    await box.fill('新型工业化');
    await box.press('Enter');
    await page.waitForURL(/q=/);
    const results = page.getByRole('button', { name: /^打开：/ });
    await results.first().waitFor();
    await results.first().click();
    await page.waitForURL(/node=/);

    const current = page.locator('mark[aria-current="true"]');
    await expect.poll(() => current.textContent()).toBe('新型工业化');
    // The hit has focus and lies inside the visible part of the text panel.
    expect(await current.evaluate((el) => el === document.activeElement)).toBe(true);
    const visible = await current.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const panel = el.closest('section')?.getBoundingClientRect();
      return panel !== undefined && box.top >= panel.top && box.bottom <= panel.bottom;
    });
    expect(visible).toBe(true);
    // The node opened is the one whose text holds the phrase, and the tree shows it selected.
    const node = new URL(page.url()).searchParams.get('node') ?? '';
    const heading = await page.getByRole('heading', { level: 2 }).last().textContent();
    const selected = await page.locator('.ant-tree-treenode-selected').textContent();
    expect(selected?.trim()).toBe(heading?.trim());
    expect(node).toMatch(/^p\d+(\.c\d+)?(\.s\d+)?$/);
    expect(await page.getByRole('region', { name: '所选章节正文' }).textContent()).toContain('新型工业化');
  });

  it('moves through the outline with the keyboard and opens a node with Enter', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/plan?node=p1');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).last().textContent()).toContain('第一篇');
    // The tree is one tab stop; arrows move, Right unfolds, Enter and Space open.
    const tree = page.getByRole('tree', { name: '纲要目录' });
    /** Keys pressed while a branch still unfolds are dropped by the tree, as a person would see. */
    const settled = async () => {
      await expect.poll(() => tree.locator('.ant-tree-treenode-motion').count()).toBe(0);
    };
    await tree.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tree.innerText()).toContain('第一章');
    await settled();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/node=p1\.c1$/);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).last().textContent()).toContain('第一章');
    await expect.poll(() => tree.innerText()).toContain('第一节 中国式现代化武进实践取得良好开局');
    await settled();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tree.locator('.ant-tree-treenode-active').innerText()).toContain('第一节');
    await page.keyboard.press(' ');
    await page.waitForURL(/node=p1\.c1\.s1/);
  });

  it('highlights extracted items, each reachable by keyboard with its details', async () => {
    const page = await h.pageAs('planning_office');
    await page.goto('/plan?node=p3.c5');
    const owner = page.getByRole('button', { name: /^牵头部门：区财政局/ }).first();
    await owner.focus();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('深化国资国企改革');
    expect(await page.getByRole('checkbox').count()).toBe(4);
    await page.getByRole('checkbox', { name: /牵头部门/ }).uncheck();
    expect(await page.getByRole('button', { name: /^牵头部门：/ }).count()).toBe(0);
  });
});

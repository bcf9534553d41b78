import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listIndicators } from '@plantrack/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR } from './screenshot-png.js';
import { requireEvidence } from './year/gaps.steps.js';
import { reportValue } from './year/reporter.steps.js';

const unavailable = browserTestsUnavailable();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the screen's right edge (0 = no sideways scrolling). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.skipIf(unavailable !== null)('the office requires evidence with submitted values', () => {
  let h: BrowserHarness;
  let gdp: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    const own = (await listIndicators(h.handle.db, h.plan.planId)).find(
      (i) => i.indicatorId === h.ownIndicatorId,
    );
    if (own === undefined) throw new Error('the sample plan lacks the own indicator');
    gdp = own.name;
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('the office turns the rule on; a value without a file is warned about before submission', async () => {
    const office = await h.pageAs('planning_office');
    await requireEvidence(office, true);
    const card = office.locator('.ant-card', { has: office.getByRole('heading', { name: '佐证材料要求' }) });
    await card.scrollIntoViewIfNeeded();
    for (const [size, suffix] of [
      [DESKTOP, ''],
      [PHONE, '-phone'],
    ] as const) {
      await office.setViewportSize(size);
      await office.waitForTimeout(400);
      expect(await seriousViolations(office), `evidence-rule${suffix}`).toEqual([]);
      if (suffix === '-phone') expect(await overflow(office), 'scrolls sideways at 390 px').toBe(0);
      if (process.env.PLANTRACK_UPDATE_SCREENSHOTS === '1') {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await card.scrollIntoViewIfNeeded();
        writeFileSync(
          join(SCREENSHOT_DIR, `evidence-rule${suffix}.png`),
          await office.screenshot({ type: 'png' }),
        );
      }
    }

    const reporter = await h.pageAs('department_reporter');
    await reportValue(reporter, {
      item: gdp,
      period: '2026',
      value: 6,
      expectWarning: '规划办要求随数值附上佐证材料',
    });
    const reviewer = await h.pageAs('reviewer');
    await reviewer.goto('/review');
    const item = reviewer
      .getByRole('list', { name: '待审核事项' })
      .getByRole('listitem')
      .filter({ hasText: '2026' });
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toContain('佐证材料');
  }, 180_000);
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };

/** Every route, as each role that works in it (ids filled in once the data exists). */
function screensOf(h: BrowserHarness, reportId: string): [Persona | null, string][] {
  const reader: [Persona, string][] = [
    ['leader', '/dashboard'],
    ['leader', `/indicators/${h.ownIndicatorId}`],
    ['leader', '/plan'],
    ['leader', '/map'],
    ['leader', '/projects'],
    ['leader', '/reports'],
    ['leader', `/reports/${reportId}`],
    ['leader', '/account/password'],
  ];
  return [
    [null, '/sign-in'],
    [null, '/public'],
    [null, `/public/indicators/${h.ownIndicatorId}`],
    ...reader,
    ['planning_office', '/dashboard'],
    ['planning_office', '/plan'],
    ['planning_office', '/curation'],
    ['planning_office', '/reports'],
    ['planning_office', `/reports/${reportId}`],
    ['planning_office', '/review'],
    ['planning_office', '/projects?tab=import'],
    ['reviewer', '/review'],
    ['reviewer', `/indicators/${h.ownIndicatorId}`],
    ['department_reporter', '/my'],
    ['department_reporter', '/dashboard'],
    ['department_reporter', '/projects'],
    ['department_reporter', `/indicators/${h.ownIndicatorId}`],
    ['department_reporter', '/account/password'],
  ];
}

/** How far the page reaches past the screen's right edge (0 = no sideways scrolling). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Visible buttons and fields smaller than a thumb (44 px) in either direction. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, input:not([type=hidden]), .ant-select')]
      // A switch's target is the label around it.
      .map((e) => ({ e, r: (e.closest('label') ?? e).getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 44)
      .filter(({ e }) => getComputedStyle(e).visibility !== 'hidden')
      // A select's search box sits inside the select, which is the target.
      .filter(({ e }) => e.matches('.ant-select') || e.closest('.ant-select') === null)
      .filter(
        ({ e }) =>
          !(e as HTMLInputElement).type || !['checkbox', 'radio'].includes((e as HTMLInputElement).type),
      )
      .map(
        ({ e, r }) =>
          `${e.tagName.toLowerCase()}.${e.className} "${e.getAttribute('aria-label') ?? (e.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.height)}px`,
      ),
  );
}

describe.skipIf(unavailable !== null)('a phone (390 px wide)', () => {
  let h: BrowserHarness;
  let reportId = '';
  beforeAll(async () => {
    h = await startBrowserHarness();
    const office = h.sessions.planning_office;
    const headers = { cookie: office.cookie, 'x-csrf-token': office.csrf };
    // Something on the public page, and a report to open.
    await h.app.inject({
      method: 'PATCH',
      url: `/api/indicators/${h.ownIndicatorId}/publish`,
      headers,
      payload: { published: true },
    });
    const report = await h.app.inject({
      method: 'POST',
      url: `/api/plans/${h.plan.planId}/reports`,
      headers,
      payload: { kind: 'annual', year: 2026 },
    });
    expect(report.statusCode).toBe(201);
    reportId = report.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await h.close();
  });

  it('no screen of any role scrolls sideways, and none has a serious accessibility violation', async () => {
    const wide: string[] = [];
    const axe: string[] = [];
    for (const [persona, path] of screensOf(h, reportId)) {
      const page = await h.pageAs(persona);
      await page.setViewportSize(PHONE);
      await page.goto(path);
      await page.locator('#root > *').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(200); // charts size themselves after the data arrives
      const by = await overflow(page);
      if (by > 0) wide.push(`${persona ?? 'anonymous'} ${path}: ${by}px too wide`);
      for (const v of await seriousViolations(page)) axe.push(`${persona ?? 'anonymous'} ${path}: ${v}`);
      await page.context().close();
    }
    expect(wide).toEqual([]);
    expect(axe).toEqual([]);
  }, 300_000);

  it('the navigation opens in a drawer from a named menu button and closes with Escape', async () => {
    const page = await h.pageAs('planning_office');
    await page.setViewportSize(PHONE);
    await page.goto('/dashboard');
    const button = page.getByRole('button', { name: '打开导航菜单' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    const drawer = page.getByRole('dialog', { name: '导航菜单' });
    await drawer.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    // Focus moves into the drawer, and every screen of the role is one tap away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.ant-drawer') !== null))
      .toBe(true);
    for (const name of ['监测总览', '规划文本', '框架校核', '审核', '报告']) {
      const link = drawer.getByRole('menuitem', { name });
      expect((await link.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('打开导航菜单');
    // A link in the drawer goes to its screen and closes the drawer.
    await button.click();
    await drawer.getByRole('link', { name: '框架校核' }).click();
    await page.waitForURL('**/curation');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('forms are usable by thumb: buttons and fields are at least 44 px high', async () => {
    const small: string[] = [];
    for (const [persona, path] of [
      [null, '/sign-in'],
      ['department_reporter', '/my'],
      ['leader', '/account/password'],
      ['reviewer', '/review'],
      ['planning_office', '/projects?tab=import'],
    ] as const) {
      const page = await h.pageAs(persona);
      await page.setViewportSize(PHONE);
      await page.goto(path);
      await page.locator('#root > *').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const s of await smallTargets(page)) small.push(`${path}: ${s}`);
      await page.context().close();
    }
    expect(small).toEqual([]);
  });
});

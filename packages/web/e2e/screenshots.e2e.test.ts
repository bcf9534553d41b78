import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../server/src/testing/harness.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { checkCjkRendering } from './cjk-rendering.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';

const unavailable = browserTestsUnavailable();
const OUT_DIR = SCREENSHOT_DIR;

type Shot = { name: string; persona: Persona | null; path: (h: BrowserHarness) => string };

/** The main screens, each as the user who works in it. */
const SHOTS: readonly Shot[] = [
  { name: 'sign-in', persona: null, path: () => '/sign-in' },
  { name: 'dashboard', persona: 'leader', path: () => '/dashboard' },
  { name: 'indicator', persona: 'leader', path: (h) => `/indicators/${h.ownIndicatorId}` },
  { name: 'plan-reader', persona: 'planning_office', path: () => '/plan' },
  { name: 'curation', persona: 'planning_office', path: () => '/curation' },
  { name: 'my-items', persona: 'department_reporter', path: () => '/my' },
  { name: 'review', persona: 'reviewer', path: () => '/review' },
  { name: 'map', persona: 'leader', path: () => '/map' },
  { name: 'public', persona: null, path: () => '/public' },
];

describe.skipIf(unavailable !== null)('screenshots of the main screens', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
    // Something on the public page: one published indicator.
    await h.app.inject({
      method: 'PATCH',
      url: `/api/indicators/${h.ownIndicatorId}/publish`,
      headers: { cookie: h.sessions.planning_office.cookie, 'x-csrf-token': h.sessions.planning_office.csrf },
      payload: { published: true },
    });
    mkdirSync(OUT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await h.close();
  });

  for (const shot of SHOTS) {
    it(`${shot.name}: renders Chinese text with real glyphs`, async () => {
      const page = await h.pageAs(shot.persona);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(shot.path(h));
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300); // let charts finish their entry animation
      const rendering = await checkCjkRendering(page);
      expect(rendering.sample.length, 'the screen shows Chinese text').toBeGreaterThan(1);
      expect(rendering.tofu, `glyphs of "${rendering.sample}" render`).toBe(false);
      const png = await smallPng(page);
      writeFileSync(join(OUT_DIR, `${shot.name}.png`), png);
      expect(png.length).toBeLessThan(250_000);
      // The same screen on a phone (390 px), at full resolution like the other phone shots.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      writeFileSync(join(OUT_DIR, `${shot.name}-phone.png`), await page.screenshot({ type: 'png' }));
    });
  }

  it('navigation-phone: the navigation drawer open on a phone', async () => {
    const page = await h.pageAs('planning_office');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/dashboard');
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    await page.getByRole('dialog', { name: '导航菜单' }).waitFor();
    await page.waitForTimeout(400); // the drawer slides in
    writeFileSync(join(OUT_DIR, 'navigation-phone.png'), await page.screenshot({ type: 'png' }));
  });
});

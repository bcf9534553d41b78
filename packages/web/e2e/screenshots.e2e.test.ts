import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../server/src/testing/harness.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { checkCjkRendering } from './cjk-rendering.js';

const unavailable = browserTestsUnavailable();
/** Screenshots are written to docs/ only on request, so a test run never dirties the tree. */
const OUT_DIR =
  process.env.PLANTRACK_UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../../docs/screenshots', import.meta.url))
    : mkdtempSync(join(tmpdir(), 'plantrack-screens-'));

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

/** Downscales the viewport screenshot in the browser (no image library needed) to keep PNGs small. */
async function smallPng(page: Page, width = 960): Promise<Buffer> {
  const full = await page.screenshot({ type: 'png' });
  const dataUrl: string = await page.evaluate(
    async ({ src, w }) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = Math.round((image.height * w) / image.width);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d canvas');
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png');
    },
    { src: `data:image/png;base64,${full.toString('base64')}`, w: width },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

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
    });
  }
});

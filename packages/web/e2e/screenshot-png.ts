import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots are written to docs/ only on request, so a test run never dirties the tree. */
export const SCREENSHOT_DIR =
  process.env.PLANTRACK_UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../../docs/screenshots', import.meta.url))
    : mkdtempSync(join(tmpdir(), 'plantrack-screens-'));

/** Downscales the viewport screenshot in the browser (no image library needed) to keep PNGs small. */
export async function smallPng(page: Page, width = 960): Promise<Buffer> {
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

import type { Page } from 'playwright-core';

/** What the page shows of Chinese text: a sample, and whether its glyphs really render. */
export type CjkRendering = { sample: string; distinctGlyphs: number; tofu: boolean };

/**
 * Checks that Chinese text on the page is drawn with real glyphs, not "tofu" boxes. A character
 * the fonts lack is drawn as the same missing-glyph box, so: draw up to eight distinct characters of
 * the page's own Chinese text, in the font the page uses, onto a canvas, one at a time, and also a
 * private-use code point no font has. Real glyphs differ from each other and from that box.
 */
export async function checkCjkRendering(page: Page, rootSelector = 'body'): Promise<CjkRendering> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector) ?? document.body;
    const text = root.textContent;
    const chars = [...new Set(text.match(/[\u4e00-\u9fff]/g) ?? [])].slice(0, 8);
    const font = getComputedStyle(root).font || '16px sans-serif';
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('no 2d canvas');
    const draw = (ch: string): string => {
      context.clearRect(0, 0, 48, 48);
      context.font = font.replace(/\d+(\.\d+)?px/, '32px');
      context.fillStyle = '#000';
      context.textBaseline = 'top';
      context.fillText(ch, 4, 4);
      const data = context.getImageData(0, 0, 48, 48).data;
      let hash = 0;
      for (let i = 3; i < data.length; i += 4) hash = (hash * 31 + (data[i] ?? 0)) | 0;
      return String(hash);
    };
    const missing = draw('\uE000');
    const glyphs = new Set(chars.map(draw));
    glyphs.delete(missing);
    return {
      sample: chars.join(''),
      distinctGlyphs: glyphs.size,
      tofu: chars.length === 0 || glyphs.size < Math.min(2, chars.length),
    };
  }, rootSelector);
}

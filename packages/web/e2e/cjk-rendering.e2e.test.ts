import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../budget/budget.mjs';
import { CHROMIUM, browserTestsUnavailable } from './browser-harness.js';
import { checkCjkRendering } from './cjk-rendering.js';

const unavailable = browserTestsUnavailable();
const PAGE =
  '<main style="font: 16px sans-serif"><h1>规划实施监测评估系统</h1><p>地区生产总值年均增长</p></main>';

/** The tofu check must tell a page with Chinese fonts from one without: run both. */
describe.skipIf(unavailable !== null)('the rendered-Chinese check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plantrack-nofonts-'));
  const browsers: Browser[] = [];
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function render(env: Record<string, string>) {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      env,
    });
    browsers.push(browser);
    const page = await browser.newPage();
    await page.setContent(PAGE);
    return checkCjkRendering(page, 'main');
  }

  it('passes with the installed CJK fonts', async () => {
    const result = await render({ ...(process.env as Record<string, string>) });
    expect(result.tofu).toBe(false);
    expect(result.distinctGlyphs).toBeGreaterThanOrEqual(2);
  });

  it('fails when no font is available (every glyph a box)', async () => {
    // A fontconfig configuration with no font folders at all.
    const config = join(dir, 'fonts.conf');
    writeFileSync(
      config,
      '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>' +
        dir +
        '</cachedir></fontconfig>',
    );
    const result = await render({ ...(process.env as Record<string, string>), FONTCONFIG_FILE: config });
    expect(result.tofu).toBe(true);
  });
});

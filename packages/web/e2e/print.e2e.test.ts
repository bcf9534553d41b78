import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/** Words only the navigation bar, the user's buttons, the footer and the filters show. */
const FRAME_WORDS = ['框架校核', '空间分布', '规划文本', '退出登录', '修改密码', '接口文档', '清除筛选'];

describe.skipIf(unavailable !== null)('printing a screen', () => {
  let h: BrowserHarness;
  let dir: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    dir = mkdtempSync(join(tmpdir(), 'plantrack-print-'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([['/dashboard'], ['/curation']])(
    '%s prints its content without navigation, filters or buttons',
    async (path) => {
      const page = await h.pageAs('planning_office');
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // On screen the frame is there; the print stylesheet takes it away.
      const screenText = await page.evaluate(() => document.body.innerText);
      expect(FRAME_WORDS.filter((w) => screenText.includes(w)).length).toBeGreaterThan(3);
      // A screen's own heading may repeat its navigation label (框架校核); that one stays.
      const heading = (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
      const frame = FRAME_WORDS.filter((w) => !heading.includes(w));
      const pdf = join(dir, 'page.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('地区生产总值');
      expect(frame.filter((w) => text.includes(w))).toEqual([]);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../server/src/testing/harness.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/** Data labels that have an English form, and internal words that must never reach the screen. */
const NOT_IN_ENGLISH = ['预期性', '约束性', '数据不足', '未注明'];
const INTERNAL = [/\brelative\b/, /\bexternal\b/, /\(name, unit\)/];

describe.skipIf(unavailable !== null)('English mode shows data labels in English', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
    await h.app.inject({
      method: 'PATCH',
      url: `/api/indicators/${h.ownIndicatorId}/publish`,
      headers: { cookie: h.sessions.planning_office.cookie, 'x-csrf-token': h.sessions.planning_office.csrf },
      payload: { published: true },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('the main screens carry no Chinese data label and no internal word, in either language', async () => {
    const screens: [Persona | null, string][] = [
      ['leader', '/dashboard'],
      ['leader', `/indicators/${h.ownIndicatorId}`],
      ['planning_office', '/curation'],
      ['reviewer', '/review'],
      ['department_reporter', '/my'],
      [null, '/public'],
      [null, `/public/indicators/${h.ownIndicatorId}`],
    ];
    const found: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      for (const [persona, path] of screens) {
        const page = await h.pageAs(persona, { lang });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const text = await page.evaluate(() => document.body.innerText);
        for (const word of INTERNAL) if (word.test(text)) found.push(`${lang} ${path}: ${word.source}`);
        if (lang === 'en')
          for (const word of NOT_IN_ENGLISH) if (text.includes(word)) found.push(`en ${path}: ${word}`);
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, INDICATOR_CARD_SELECTOR, initialJavaScript, isLocalRequest } from '../budget/budget.mjs';
import {
  type BrowserHarness,
  WEB_DIST,
  browserTestsUnavailable,
  startBrowserHarness,
} from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/**
 * The web budgets that are counts, checked on every test run (the first-render time is measured
 * by `npm run bench:web`, never in a test). Every screen is visited to prove nothing leaves the
 * server: no font, script or tile from outside.
 */
describe.skipIf(unavailable !== null)('web budgets', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it(`loads at most ${BUDGETS.initialJsKbGzip} kB of JavaScript (gzip) before the first screen`, () => {
    const js = initialJavaScript(WEB_DIST);
    expect(js.chunks.length).toBeGreaterThan(0);
    expect(js.gzipKb).toBeLessThanOrEqual(BUDGETS.initialJsKbGzip);
  });

  it(`renders the dashboard with at most ${BUDGETS.dashboardApiRequests} API requests`, async () => {
    const page = await h.pageAs('leader');
    const api: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) api.push(new URL(request.url()).pathname);
    });
    await page.goto('/dashboard');
    await page.waitForSelector(INDICATOR_CARD_SELECTOR);
    await page.waitForLoadState('networkidle');
    expect(await page.locator(INDICATOR_CARD_SELECTOR).count()).toBe(27);
    expect(api.length, api.join(', ')).toBeLessThanOrEqual(BUDGETS.dashboardApiRequests);
    // Sent once by the entry script and used by the app: never asked for a second time.
    const dashboard = api.filter((path) => /^\/api\/plans\/[^/]+\/dashboard$/.test(path));
    expect(dashboard, api.join(', ')).toHaveLength(1);
    expect(api.filter((path) => path === '/api/me')).toHaveLength(1);
    expect(api.filter((path) => path === '/api/plans')).toHaveLength(1);
  });

  it('requests nothing from outside the server on any screen', async () => {
    const outside: string[] = [];
    const visits: [Parameters<BrowserHarness['pageAs']>[0], string][] = [
      [null, '/sign-in'],
      [null, '/public'],
      ['leader', '/dashboard'],
      ['leader', `/indicators/${h.ownIndicatorId}`],
      ['leader', '/map'],
      ['planning_office', '/plan'],
      ['planning_office', '/curation'],
      ['department_reporter', '/my'],
      ['reviewer', '/review'],
    ];
    for (const [persona, path] of visits) {
      const page = await h.pageAs(persona);
      page.on('request', (request) => {
        if (!isLocalRequest(request.url(), h.baseUrl)) outside.push(`${path}: ${request.url()}`);
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    expect(outside).toEqual([]);
  });
});

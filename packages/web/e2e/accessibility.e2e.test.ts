import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/**
 * Automated accessibility audit of every screen with axe-core: labels, names, roles, contrast,
 * landmarks and the like (keyboard use is tested screen by screen in the other browser tests).
 */
describe.skipIf(unavailable !== null)('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const screens: [Parameters<BrowserHarness['pageAs']>[0], string, string][] = [
    [null, '/sign-in', 'button'],
    [null, '/public', 'main'],
    ['leader', '/dashboard', '[data-testid="indicator-card"]'],
    ['leader', '/map', 'main'],
    ['leader', '/projects', 'table'],
    ['planning_office', '/projects?tab=import', 'input[type="file"]'],
    ['planning_office', '/plan', '[role="tree"]'],
    ['planning_office', '/curation', 'table'],
    ['department_reporter', '/my', 'main'],
    ['reviewer', '/review', 'main'],
    ['leader', '/account/password', 'form'],
  ];
  it.each(screens)('%s on %s has no serious or critical violation', async (persona, path, ready) => {
    const page = await h.pageAs(persona);
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the indicator page has no serious or critical violation', async () => {
    const page = await h.pageAs('leader');
    await page.goto(`/indicators/${h.ownIndicatorId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is; returns serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not apply to it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: Violation[] }> } })
      .axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

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

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@plantrack/db';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { type Harness, type Persona, makeHarness } from '../../server/src/testing/harness.js';

/** The built web app the server serves in these tests (`npm test` builds it first). */
export const WEB_DIST = fileURLToPath(new URL('../dist', import.meta.url));
/** Debian's Chromium; a test tool's own browser download does not work on a closed network. */
export const CHROMIUM = process.env.PLANTRACK_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or null when they can. In CI (`CI` set) a missing browser or
 * build is an error, never a silent skip: `.ci/run` installs Chromium and `npm test` builds first.
 */
export function browserTestsUnavailable(): string | null {
  const reason = !existsSync(join(WEB_DIST, 'index.html'))
    ? `web app not built (${WEB_DIST}): run npm run build`
    : !existsSync(CHROMIUM)
      ? `Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`
      : null;
  if (reason !== null && process.env.CI !== undefined && process.env.CI !== '') {
    throw new Error(`Browser tests cannot run in CI: ${reason}`);
  }
  if (reason !== null) console.warn(`Browser tests skipped: ${reason}`);
  return reason;
}

export type BrowserHarness = Harness & {
  baseUrl: string;
  browser: Browser;
  handle: DatabaseHandle;
  /** A page in a fresh browser context, signed in as `persona` (or anonymous), language zh by default. */
  pageAs: (persona: Persona | null, options?: { lang?: 'zh' | 'en' }) => Promise<Page>;
  close: () => Promise<void>;
};

/**
 * A real server (SQLite in a temporary folder, the sample plan and one user per role, see the
 * server's test harness) listening on a free port and serving the built web app, plus a headless
 * Chromium. Browser tests drive the application exactly as a user would.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'plantrack-web-'));
  const handle = openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  const harness = await makeHarness(handle, 'sqlite', { webRoot: WEB_DIST });
  const baseUrl = await harness.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine's network is closed: keep Chromium from calling out at all.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  const pageAs: BrowserHarness['pageAs'] = async (persona, options = {}) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
      // The app then runs without antd's motion (themeFor): a page the browser is not drawing
      // (several are open at once) gets no animation frames, and a motion waiting for one — a
      // button's loading icon leaving — would keep its old accessible name.
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    // The interface language is remembered in localStorage; set it before the app starts.
    await context.addInitScript({
      content: `localStorage.setItem('plantrack.lang', ${JSON.stringify(options.lang ?? 'zh')});`,
    });
    if (persona !== null) {
      const session = harness.sessions[persona];
      const url = new URL(baseUrl);
      await context.addCookies(
        session.cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/' };
        }),
      );
    }
    return context.newPage();
  };
  return {
    ...harness,
    baseUrl,
    browser,
    handle,
    pageAs,
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await harness.app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

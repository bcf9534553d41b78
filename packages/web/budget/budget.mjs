// The web app's budgets and how they are measured; shared by scripts/bench-web.mjs and the
// browser tests (packages/web/e2e/budget.e2e.test.ts), so both apply the same rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = Object.freeze({
  /** Initial JavaScript, gzip level 9, in kB (1 kB = 1000 bytes, as build tools report). */
  initialJsKbGzip: 350,
  /** API requests made by the dashboard from navigation until it is complete. */
  dashboardApiRequests: 6,
  /** First render of the dashboard (first indicator card visible), ms, headless Chromium. */
  dashboardFirstRenderMs: 1500,
});

/** Marks an indicator card on the dashboard; its first appearance is the "first render". */
export const INDICATOR_CARD_SELECTOR = '[data-testid="indicator-card"]';

/** The application module the entry imports at once. */
const APP_MODULE = 'src/app/boot.tsx';

/**
 * The JavaScript the browser must load before the first screen can render: the entry chunk of
 * `index.html`, the application it imports at once (src/app/boot.tsx: imported dynamically only so
 * that the startup requests go out before it is evaluated) and, transitively, their static imports
 * (not the lazily loaded screens and ECharts).
 */
export function initialJavaScript(distDir) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const entry = manifest['index.html'];
  if (entry === undefined) throw new Error('manifest has no index.html entry');
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  if (!(entry.dynamicImports ?? []).includes(APP_MODULE))
    throw new Error(`the entry no longer imports ${APP_MODULE}`);
  visit(APP_MODULE);
  const chunks = [...files].map((file) => {
    const bytes = readFileSync(join(distDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const gzipBytes = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  return { chunks, gzipKb: gzipBytes / 1000, rawKb: chunks.reduce((s, c) => s + c.bytes, 0) / 1000 };
}

/** Chromium flags for a closed network: nothing may call out. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** True when a request URL is served by the PlanTrack server at `baseUrl` (or is inline). */
export function isLocalRequest(url, baseUrl) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  return new URL(url).host === new URL(baseUrl).host;
}

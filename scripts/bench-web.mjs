// npm run bench:web — the web app's budgets (see packages/web/budget/budget.mjs): initial JavaScript
// (gzip), API requests made by the dashboard, and the dashboard's first render in headless Chromium
// with the sample plan loaded, as the median of cold loads beside a floor measured in the same run
// (a cold navigation to a tiny server response). Also fails when any request leaves the server.
// Appends rows to docs/benchmarks.md; exits 1 when a budget is exceeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createUser, hashPassword, startServer } from '../packages/server/dist/index.js';
import {
  BUDGETS,
  CHROMIUM_ARGS,
  INDICATOR_CARD_SELECTOR,
  initialJavaScript,
  isLocalRequest,
} from '../packages/web/budget/budget.mjs';
import { appendRows, median } from './bench-lib.mjs';

const LOADS = Number(process.env.BENCH_WEB_LOADS ?? 9);
const webDist = fileURLToPath(new URL('../packages/web/dist', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'plantrack-bench-web-'));
const failures = [];

const js = initialJavaScript(webDist);
console.log(
  `initial JavaScript: ${js.gzipKb.toFixed(1)} kB gzip (${js.rawKb.toFixed(0)} kB raw, ${js.chunks.length} files)`,
);
if (js.gzipKb > BUDGETS.initialJsKbGzip)
  failures.push(`initial JS ${js.gzipKb.toFixed(1)} kB > ${BUDGETS.initialJsKbGzip} kB`);

const server = await startServer({ port: 0, dataDir, print: () => undefined, config: { webRoot: webDist } });
const email = 'leader@bench.local';
const password = 'bench-web-password';
await createUser(server.app.plantrack.db, {
  email,
  displayName: '领导（基准测试）',
  passwordHash: await hashPassword(password),
  roles: ['leader'],
  grantedBy: 'bench',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_ARGS],
});

/** A fresh (cold) browser context signed in as the leader: nothing cached. */
async function coldPage() {
  const signIn = await fetch(`${server.address}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const host = new URL(server.address).hostname;
  const cookies = signIn.headers.getSetCookie().map((line) => {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: host, path: '/' };
  });
  const context = await browser.newContext({ baseURL: server.address, locale: 'zh-CN' });
  await context.addCookies(cookies);
  // Records when the first indicator card appears, measured from the navigation start.
  await context.addInitScript({
    content: `new MutationObserver((_, observer) => {
      if (document.querySelector(${JSON.stringify(INDICATOR_CARD_SELECTOR)})) {
        window.__firstCardMs = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });`,
  });
  return { context, page: await context.newPage() };
}

const renders = [];
const floors = [];
let apiRequests = 0;
const external = new Set();
for (let i = 0; i < LOADS; i++) {
  const { context, page } = await coldPage();
  const api = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!isLocalRequest(url, server.address)) external.add(url);
    else if (new URL(url).pathname.startsWith('/api/')) api.push(url);
  });
  await page.goto('/dashboard');
  await page.waitForSelector(INDICATOR_CARD_SELECTOR, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  renders.push(await page.evaluate(() => window.__firstCardMs));
  apiRequests = Math.max(apiRequests, api.length);
  if (i === 0) console.log(`dashboard API requests: ${api.map((u) => new URL(u).pathname).join(', ')}`);
  await context.close();

  // The floor: a cold navigation to a ~300-byte response from the same server.
  const blank = await browser.newContext({ baseURL: server.address });
  const blankPage = await blank.newPage();
  await blankPage.goto('/api/no-such-route');
  floors.push(await blankPage.evaluate(() => performance.getEntriesByType('navigation')[0].duration));
  await blank.close();
}
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });

const render = median(renders);
const floor = median(floors);
console.log(
  `dashboard first render: median ${render.toFixed(0)} ms of ${LOADS} cold loads (floor ${floor.toFixed(0)} ms)`,
);
console.log(`requests outside the server: ${external.size}`);
if (render > BUDGETS.dashboardFirstRenderMs)
  failures.push(`first render ${render.toFixed(0)} ms > ${BUDGETS.dashboardFirstRenderMs} ms`);
if (apiRequests > BUDGETS.dashboardApiRequests)
  failures.push(`${apiRequests} API requests > ${BUDGETS.dashboardApiRequests}`);
if (external.size > 0) failures.push(`requests outside the server: ${[...external].join(', ')}`);

appendRows([
  {
    bench: 'web',
    case: `dashboard first render, sample plan, cold context (${LOADS} loads)`,
    median: render,
    floor,
    notes: `budget ${BUDGETS.dashboardFirstRenderMs} ms; ${apiRequests} API requests (budget ${BUDGETS.dashboardApiRequests}); initial JS ${js.gzipKb.toFixed(1)} kB gzip-9 (budget ${BUDGETS.initialJsKbGzip}); external requests ${external.size}; floor = cold navigation to a 300-byte response`,
  },
]);
if (failures.length > 0) {
  console.error(`budget exceeded: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('all web budgets met');

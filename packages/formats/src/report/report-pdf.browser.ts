import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { reportPrintError } from './report-pdf.error.js';

/** Debian's Chromium unless `PLANTRACK_CHROMIUM` names another (a test tool's own download needs the network). */
export function chromiumPath(): string {
  const fromEnv = process.env.PLANTRACK_CHROMIUM;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : '/usr/bin/chromium';
}

/** Pages printed at once: Chromium lays out on its own processes, so more than this only queues there. */
const MAX_PAGES = 2;
/** An idle browser is closed after this long, so a quiet server does not hold a Chromium in memory. */
const IDLE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let active = 0;
const waiting: (() => void)[] = [];
let idleTimer: NodeJS.Timeout | null = null;

function launch(): Promise<Browser> {
  if (browser !== null) return browser;
  const path = chromiumPath();
  if (!existsSync(path)) return Promise.reject(reportPrintError('chromium-missing', path));
  const launched = chromium
    .launch({
      executablePath: path,
      headless: true,
      // The network is closed and the page is our own HTML: keep Chromium from calling out at all.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .then(
      (b) => {
        b.on('disconnected', () => {
          if (browser === launched) browser = null;
        });
        return b;
      },
      (err: unknown) => {
        if (browser === launched) browser = null;
        throw reportPrintError('launch-failed', path, err);
      },
    );
  browser = launched;
  return launched;
}

async function acquire(): Promise<void> {
  if (idleTimer !== null) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  if (active < MAX_PAGES) {
    active++;
    return;
  }
  // The releasing print hands its place over directly, so `active` stays counted.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next !== undefined) {
    next();
    return;
  }
  active--;
  if (active === 0 && browser !== null) {
    idleTimer = setTimeout(() => void closeReportPdfPrinter(), IDLE_MS);
    // The timer alone must not keep a process alive (the browser's pipe does until it closes).
    idleTimer.unref();
  }
}

/**
 * Run `work` with the process's one shared browser, at most {@link MAX_PAGES} at a time, the rest
 * queued in order. The browser is launched on first use and reused.
 */
export async function withBrowser<T>(work: (b: Browser) => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await work(await launch());
  } finally {
    release();
  }
}

/**
 * Close the shared browser (a command-line run calls this when done: an open browser keeps Node
 * running). Prints still under way fail; the next print launches a new browser.
 */
export async function closeReportPdfPrinter(): Promise<void> {
  if (idleTimer !== null) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const current = browser;
  browser = null;
  if (current === null) return;
  try {
    await (await current).close();
  } catch {
    // It never launched, or is gone already: nothing to close.
  }
}

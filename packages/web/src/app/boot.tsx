import 'virtual:antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { settleStartupData } from '../api/startup-data';
import { App } from './App';
import { preloadScreenAt } from './screen-code';

/**
 * How long the first render waits for the startup requests and the first screen's code. Usually
 * both are in before this module has even been evaluated; a slow server gets spinners instead.
 */
const STARTUP_WAIT_MS = 1500;

/** Renders the application once the first screen has what it needs (or the wait is over). */
export async function boot(root: HTMLElement): Promise<void> {
  const ready = Promise.allSettled([settleStartupData(), preloadScreenAt(window.location.pathname)]);
  await Promise.race([ready, new Promise((resolve) => window.setTimeout(resolve, STARTUP_WAIT_MS))]);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

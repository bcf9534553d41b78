import type { ComponentType } from 'react';

type ScreenModule = { default: ComponentType };

/**
 * Where each screen's code is, by route pattern. Free of React and the router so that the entry
 * script can start loading the first screen's code before the application itself has arrived
 * (see preloadScreenAt); routes.tsx builds the screen table from it. Each chunk is asked for once.
 */
const LOADERS = {
  '/dashboard': () => import('../screens/dashboard/DashboardPage'),
  '/indicators/:id': () => import('../screens/indicator/IndicatorPage'),
  '/projects/:id': () => import('../screens/projects/ProjectPage'),
  '/plan': () => import('../screens/reader/ReaderPage'),
  '/curation': () => import('../screens/curation/CurationPage'),
  '/office': () => import('../screens/office/OfficePage'),
  '/my': () => import('../screens/my-items/MyItemsPage'),
  '/review': () => import('../screens/review/ReviewPage'),
  '/map': () => import('../screens/spatial/SpatialPage'),
  '/projects': () => import('../screens/projects/ProjectsPage'),
  '/reports': () => import('../screens/reports/ReportsPage'),
  '/reports/:id': () => import('../screens/reports/ReportPage'),
  '/public': () => import('../screens/public/PublicPage'),
  '/public/indicators/:id': () => import('../screens/public/PublicIndicatorPage'),
} satisfies Record<string, () => Promise<ScreenModule>>;

export type ScreenPath = keyof typeof LOADERS;

const requested = new Map<ScreenPath, Promise<ScreenModule>>();
const arrived = new Map<ScreenPath, ComponentType>();

/** The screen's code, fetched once however often it is asked for. */
export function loadScreen(path: ScreenPath): Promise<ScreenModule> {
  let module = requested.get(path);
  if (module === undefined) {
    module = LOADERS[path]();
    requested.set(path, module);
    module.then(
      (m) => arrived.set(path, m.default),
      () => requested.delete(path), // A failed chunk (network down) may be asked for again later.
    );
  }
  return module;
}

/** The screen's component when its code has arrived, so it can render without suspending. */
export function arrivedScreen(path: ScreenPath): ComponentType | undefined {
  return arrived.get(path);
}

/** Whether `pathname` matches `pattern`, where `:name` stands for any one segment. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const got = pathname.replace(/\/+$/, '').split('/');
  return (
    want.length === got.length && want.every((w, i) => (w.startsWith(':') ? got[i] !== '' : w === got[i]))
  );
}

/**
 * Starts fetching the code of the screen at `pathname` at once, instead of when it is first
 * rendered. Resolves when the code is in (at once for a path that is no screen).
 */
export async function preloadScreenAt(pathname: string): Promise<void> {
  const path = (Object.keys(LOADERS) as ScreenPath[]).find((p) => matchesPattern(p, pathname));
  if (path !== undefined) await loadScreen(path);
}

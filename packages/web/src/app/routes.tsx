import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPath } from 'react-router';
import type { Role } from '../api/types';
import type { appMessages } from './app.messages';

/** A screen of the application: loaded lazily so the first page carries only what it needs. */
export type ScreenRoute = {
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** Fetches the screen's code; called early for the screen a page opens on (see preloadScreenAt). */
  load: () => Promise<{ default: ComponentType }>;
  /** Roles that may open it; empty = anyone, signed in or not. */
  roles: readonly Role[];
  /** Label in the navigation bar (screens without one are reached by links). */
  nav?: keyof (typeof appMessages)['zh'];
};

function lazyScreen(load: ScreenRoute['load']): Pick<ScreenRoute, 'component' | 'load'> {
  return { component: lazy(load), load };
}

const OFFICE: readonly Role[] = ['administrator', 'planning_office'];
const READ_ALL: readonly Role[] = ['administrator', 'planning_office', 'leader', 'reviewer'];
const SIGNED_IN: readonly Role[] = [...READ_ALL, 'department_reporter'];

/**
 * Every screen, in navigation order. A screen lives in `src/screens/<name>/` with its own strings;
 * the guard here only hides what a role cannot use — the API enforces every policy itself.
 */
export const SCREENS: readonly ScreenRoute[] = [
  {
    path: '/dashboard',
    ...lazyScreen(() => import('../screens/dashboard/DashboardPage')),
    roles: SIGNED_IN,
    nav: 'navDashboard',
  },
  {
    path: '/indicators/:id',
    ...lazyScreen(() => import('../screens/indicator/IndicatorPage')),
    roles: SIGNED_IN,
  },
  {
    path: '/plan',
    ...lazyScreen(() => import('../screens/reader/ReaderPage')),
    roles: SIGNED_IN,
    nav: 'navPlan',
  },
  {
    path: '/curation',
    ...lazyScreen(() => import('../screens/curation/CurationPage')),
    roles: OFFICE,
    nav: 'navCuration',
  },
  {
    path: '/my',
    ...lazyScreen(() => import('../screens/my-items/MyItemsPage')),
    roles: ['department_reporter'],
    nav: 'navMy',
  },
  {
    path: '/review',
    ...lazyScreen(() => import('../screens/review/ReviewPage')),
    roles: ['reviewer', 'planning_office', 'administrator'],
    nav: 'navReview',
  },
  {
    path: '/map',
    ...lazyScreen(() => import('../screens/spatial/SpatialPage')),
    roles: SIGNED_IN,
    nav: 'navMap',
  },
  {
    path: '/public',
    ...lazyScreen(() => import('../screens/public/PublicPage')),
    roles: [],
    nav: 'navPublic',
  },
  {
    path: '/public/indicators/:id',
    ...lazyScreen(() => import('../screens/public/PublicIndicatorPage')),
    roles: [],
  },
];

/** Where a role lands after signing in. */
export function homePathFor(roles: readonly Role[]): string {
  if (roles.includes('department_reporter') && !roles.some((r) => READ_ALL.includes(r))) return '/my';
  if (roles.includes('reviewer') && !roles.some((r) => OFFICE.includes(r) || r === 'leader'))
    return '/review';
  if (roles.some((r) => SIGNED_IN.includes(r))) return '/dashboard';
  return '/public';
}

/**
 * Starts fetching the code of the screen at `pathname` at once, in parallel with the sign-in check
 * and the plan list, instead of after them (a lazy component loads only when first rendered).
 */
export function preloadScreenAt(pathname: string): void {
  const screen = SCREENS.find((s) => matchPath(s.path, pathname) !== null);
  if (screen !== undefined) void screen.load();
}

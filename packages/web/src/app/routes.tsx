import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/types';
import type { appMessages } from './app.messages';

/** A screen of the application: loaded lazily so the first page carries only what it needs. */
export type ScreenRoute = {
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** Roles that may open it; empty = anyone, signed in or not. */
  roles: readonly Role[];
  /** Label in the navigation bar (screens without one are reached by links). */
  nav?: keyof (typeof appMessages)['zh'];
};

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
    component: lazy(() => import('../screens/dashboard/DashboardPage')),
    roles: SIGNED_IN,
    nav: 'navDashboard',
  },
  {
    path: '/indicators/:id',
    component: lazy(() => import('../screens/indicator/IndicatorPage')),
    roles: SIGNED_IN,
  },
  {
    path: '/plan',
    component: lazy(() => import('../screens/reader/ReaderPage')),
    roles: SIGNED_IN,
    nav: 'navPlan',
  },
  {
    path: '/curation',
    component: lazy(() => import('../screens/curation/CurationPage')),
    roles: OFFICE,
    nav: 'navCuration',
  },
  {
    path: '/my',
    component: lazy(() => import('../screens/my-items/MyItemsPage')),
    roles: ['department_reporter'],
    nav: 'navMy',
  },
  {
    path: '/review',
    component: lazy(() => import('../screens/review/ReviewPage')),
    roles: ['reviewer', 'planning_office', 'administrator'],
    nav: 'navReview',
  },
  {
    path: '/map',
    component: lazy(() => import('../screens/spatial/SpatialPage')),
    roles: SIGNED_IN,
    nav: 'navMap',
  },
  {
    path: '/public',
    component: lazy(() => import('../screens/public/PublicPage')),
    roles: [],
    nav: 'navPublic',
  },
  {
    path: '/public/indicators/:id',
    component: lazy(() => import('../screens/public/PublicIndicatorPage')),
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

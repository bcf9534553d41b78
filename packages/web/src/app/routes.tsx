import { lazy, type ComponentType } from 'react';
import type { Role } from '@plantrack/api';
import type { appMessages } from '../i18n/app.messages';
import { type ScreenPath, arrivedScreen, loadScreen } from './screen-code';

/** A screen of the application: loaded lazily so the first page carries only what it needs. */
export type ScreenRoute = {
  path: ScreenPath;
  component: ComponentType;
  /** Roles that may open it; empty = anyone, signed in or not. */
  roles: readonly Role[];
  /** Label in the navigation bar (screens without one are reached by links). */
  nav?: keyof (typeof appMessages)['zh'];
};

/**
 * A lazily loaded screen that renders straight away once its code is in (preloaded by the entry,
 * see screen-code.ts): React's `lazy` alone suspends on its first render even then, costing the
 * first page a render.
 */
function lazyScreen(path: ScreenPath): Pick<ScreenRoute, 'path' | 'component'> {
  const Lazy = lazy(() => loadScreen(path));
  function Screen() {
    const Arrived = arrivedScreen(path) ?? Lazy;
    return <Arrived />;
  }
  return { path, component: Screen };
}

const OFFICE: readonly Role[] = ['administrator', 'planning_office'];
const READ_ALL: readonly Role[] = ['administrator', 'planning_office', 'leader', 'reviewer'];
const SIGNED_IN: readonly Role[] = [...READ_ALL, 'department_reporter'];
/** Evaluation reports: the office drafts and publishes them, leaders approve, reviewers check figures. */
const REPORTS: readonly Role[] = READ_ALL;

/**
 * Every screen, in navigation order. A screen lives in `src/screens/<name>/` with its own strings;
 * the guard here only hides what a role cannot use — the API enforces every policy itself.
 */
export const SCREENS: readonly ScreenRoute[] = [
  {
    ...lazyScreen('/dashboard'),
    roles: SIGNED_IN,
    nav: 'navDashboard',
  },
  {
    ...lazyScreen('/indicators/:id'),
    roles: SIGNED_IN,
  },
  {
    ...lazyScreen('/projects/:id'),
    roles: SIGNED_IN,
  },
  {
    ...lazyScreen('/plan'),
    roles: SIGNED_IN,
    nav: 'navPlan',
  },
  {
    ...lazyScreen('/curation'),
    roles: OFFICE,
    nav: 'navCuration',
  },
  {
    ...lazyScreen('/office'),
    roles: OFFICE,
    nav: 'navOffice',
  },
  {
    ...lazyScreen('/my'),
    roles: ['department_reporter'],
    nav: 'navMy',
  },
  {
    ...lazyScreen('/review'),
    roles: ['reviewer', 'planning_office', 'administrator'],
    nav: 'navReview',
  },
  {
    ...lazyScreen('/map'),
    roles: SIGNED_IN,
    nav: 'navMap',
  },
  {
    ...lazyScreen('/projects'),
    roles: SIGNED_IN,
    nav: 'navProjects',
  },
  {
    ...lazyScreen('/reports'),
    roles: REPORTS,
    nav: 'navReports',
  },
  {
    ...lazyScreen('/reports/:id'),
    roles: REPORTS,
  },
  {
    ...lazyScreen('/public'),
    roles: [],
    nav: 'navPublic',
  },
  {
    ...lazyScreen('/public/indicators/:id'),
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

/** The sign-in page, remembering where to return (`?next=`). */
export function signInLinkFor(location: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/**
 * Where to go after signing in: the remembered link when it is a path of this application (never
 * another site: `//host` or a full URL is ignored), else the role's home.
 */
export function afterSignIn(next: string | null, roles: readonly Role[]): string {
  if (next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in')) {
    return next;
  }
  return homePathFor(roles);
}

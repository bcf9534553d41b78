import type { AssessmentStatus } from '../../components/StatusTag';
import type { DashboardCard } from '@plantrack/api';

/** What the dashboard filters by; null = no filter on that dimension. */
export type CardFilters = {
  group: string | null;
  chapter: string | null;
  department: string | null;
  /** A phase key of `rollups.phase`: switches the status summary to that phase. */
  phase: string | null;
  status: AssessmentStatus | null;
};

export const NO_FILTERS: CardFilters = {
  group: null,
  chapter: null,
  department: null,
  phase: null,
  status: null,
};

/** The cards matching every set filter (the phase does not narrow cards: it re-dates the summary). */
export function filterCards(cards: readonly DashboardCard[], f: CardFilters): DashboardCard[] {
  return cards.filter(
    (c) =>
      (f.group === null || c.group === f.group) &&
      (f.chapter === null || (c.chapter ?? '') === f.chapter) &&
      (f.department === null || c.departmentIds.includes(f.department)) &&
      (f.status === null || c.status === f.status),
  );
}

/** Distinct non-empty values, in first-seen order (the plan's order). */
export function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
}

export function isFiltered(f: CardFilters): boolean {
  return Object.values(f).some((v) => v !== null);
}

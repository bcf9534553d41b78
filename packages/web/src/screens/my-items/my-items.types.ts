import type { OwnedItems, PeriodItem } from '@plantrack/api';

/** Which record an entry form writes: its API path and key. */
export type RecordRef =
  | { kind: 'indicator'; id: string; period: string; scope: string }
  | { kind: 'task'; id: string; period: string };

/** The record key the API uses: `indicatorId|period|scope` or `taskId|period`. */
export function recordKeyOf(ref: RecordRef): string {
  return ref.kind === 'indicator' ? `${ref.id}|${ref.period}|${ref.scope}` : `${ref.id}|${ref.period}`;
}

/** The API's period format: 2026, 2026H1, 2026Q1 or 2026-03. */
export const PERIOD_PATTERN = /^\d{4}(?:H[12]|Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;

/**
 * A period of an owned item that is not (yet) owed, e.g. a preliminary figure for the running
 * year: it has no due date and its state is read from the record itself.
 */
export function unscheduledItem(
  owned: OwnedItems,
  kind: string,
  id: string,
  period: string,
): PeriodItem | null {
  if (!PERIOD_PATTERN.test(period)) return null;
  for (const plan of owned) {
    const base = { planId: plan.planId, period, frequency: 'annual' as const, dueDate: '' };
    const rest = { state: 'missing' as const, revisionNo: 0, overdue: false, daysUntilDue: 0 };
    if (kind === 'indicator') {
      const i = plan.indicators.find((x) => x.id === id);
      if (i !== undefined) return { ...base, ...rest, kind, id, key: i.key, name: i.name, unit: i.unit };
    } else if (kind === 'task') {
      const task = plan.tasks.find((x) => x.id === id);
      if (task !== undefined)
        return { ...base, ...rest, kind, id, key: task.key, name: task.measure, unit: null };
    }
  }
  return null;
}

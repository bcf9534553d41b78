import { type OwedPeriod, isReported } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import { ownedStatus } from '../records/reporting.service.js';

/** An item whose current period is not reported (nothing submitted or approved). */
export type MissingItem = {
  kind: 'indicator' | 'task';
  id: string;
  period: string;
  dueDate: string;
  overdue: boolean;
};

/** "Who has not reported" for the current period, per department (null: items nobody owns). */
export type MissingSummary = {
  /** The current annual period (the one most items report for), null before anything is due. */
  period: string | null;
  withinDays: number;
  departments: { departmentId: string | null; name: string | null; items: MissingItem[] }[];
};

/**
 * Reuses the reporting status (`reportingStatus` through `ownedStatus`). The current period of an
 * item is its latest period already due or due within the "due soon" window, or asked for by an
 * open reporting round; items whose current
 * period has no submitted or approved report are listed under each owning department.
 */
export async function missingForCurrentPeriod(
  ctx: AppContext,
  planId: string,
  asOf: string,
): Promise<MissingSummary> {
  const withinDays = ctx.config.dueSoonDays;
  const current = new Map<string, { owed: OwedPeriod; owners: string[] }>();
  for (const entry of await ownedStatus(ctx, planId, asOf)) {
    // A period an open round asks for is current from the day the round opens, however far its due date.
    const asked = entry.owed.round?.status === 'open';
    if (!asked && entry.owed.daysUntilDue > withinDays) continue;
    const id = `${entry.owed.kind}|${entry.owed.targetId}`;
    const seen = current.get(id);
    if (seen === undefined || seen.owed.dueDate < entry.owed.dueDate) current.set(id, entry);
  }
  let period: string | null = null;
  const byDept = new Map<string | null, MissingItem[]>();
  for (const { owed, owners } of current.values()) {
    if (owed.frequency === 'annual' && (period === null || owed.period > period)) period = owed.period;
    if (isReported(owed.state)) continue;
    const item: MissingItem = {
      kind: owed.kind,
      id: owed.targetId,
      period: owed.period,
      dueDate: owed.dueDate,
      overdue: owed.overdue,
    };
    for (const d of owners.length === 0 ? [null] : owners) {
      const list = byDept.get(d);
      if (list === undefined) byDept.set(d, [item]);
      else list.push(item);
    }
  }
  const departments = [...byDept.entries()].map(([departmentId, items]) => ({
    departmentId,
    name: null,
    items: items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id)),
  }));
  departments.sort((a, b) => b.items.length - a.items.length);
  return { period, withinDays, departments };
}

/**
 * The task statuses the dashboard's task table shows, from the same "who has not reported" list as
 * the 本期未报告 panel, so both count the same thing: a task listed there is `not_reported`; any
 * other task shows its latest approved progress, or `awaiting` when none is approved yet (its
 * period is not due, or its report is in review). The public dashboard (no missing list) shows
 * `not_reported` for a task without approved progress, as before.
 */
export function taskStatusOf(
  taskId: string,
  approvedProgress: string | undefined,
  missing: MissingSummary | null,
): 'not_reported' | 'awaiting' | 'approved' {
  if (missing === null) return approvedProgress === undefined ? 'not_reported' : 'approved';
  const unreported = missing.departments.some((d) =>
    d.items.some((i) => i.kind === 'task' && i.id === taskId),
  );
  if (unreported) return 'not_reported';
  return approvedProgress === undefined ? 'awaiting' : 'approved';
}

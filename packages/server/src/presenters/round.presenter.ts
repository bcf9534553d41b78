import type { ReportingRound } from '@plantrack/db';
import type { Round } from '@plantrack/api';

/** A stored round in the contract's shape; `names` maps user ids to display names (ids otherwise). */
export function presentRound(r: ReportingRound, names: ReadonlyMap<string, string>): Round {
  const nameOf = (id: string) => names.get(id) ?? id;
  return {
    id: r.id,
    planId: r.planId,
    name: r.name,
    period: r.period,
    frequency: r.frequency,
    dueDate: r.dueDate,
    reminderDays: r.reminderDays,
    semantics: r.semantics,
    selectionMode: r.selection.mode,
    status: r.status,
    itemCount: r.items.length,
    openedAt: r.openedAt,
    openedBy: nameOf(r.openedBy),
    closedAt: r.closedAt,
    closedBy: r.closedBy === null ? null : nameOf(r.closedBy),
  };
}

import type { BulkOwnersUpdate, IndicatorOwners, OwnerSuggestion, Task } from '@plantrack/api';

/** One owner of a row, by department id and name. */
export type RowOwner = { departmentId: string; name: string };

/** An indicator or a task with its lead and co-lead departments, as the ownership table lists it. */
export type OwnershipRow = {
  key: string;
  kind: 'indicator' | 'task';
  id: string;
  label: string;
  /** Indicators only: the version a change names. */
  version: number;
  leads: RowOwner[];
  coLeads: RowOwner[];
  suggestion: OwnerSuggestion | undefined;
};

/** The filters the panel keeps in the URL. */
export type OwnershipFilters = {
  owner: 'none' | 'some' | null;
  department: string | null;
  kind: 'indicator' | 'task' | null;
};

/** Indicators first (in table order), then tasks, each with its owners and any suggestion. */
export function ownershipRows(
  indicators: readonly IndicatorOwners[],
  tasks: readonly Task[],
  suggestions: readonly OwnerSuggestion[],
): OwnershipRow[] {
  const byIndicator = new Map(suggestions.map((s) => [s.indicatorId, s]));
  const of = (owners: { departmentId: string; name: string }[]) =>
    owners.map((o) => ({ departmentId: o.departmentId, name: o.name }));
  return [
    ...indicators.map((i) => ({
      key: `indicator:${i.indicatorId}`,
      kind: 'indicator' as const,
      id: i.indicatorId,
      label: i.seq === null ? i.name : `${i.seq}. ${i.name}`,
      version: i.version,
      leads: of(i.owners.filter((o) => o.role === 'lead').map((o) => ({ ...o, name: o.departmentName }))),
      coLeads: of(i.owners.filter((o) => o.role === 'co').map((o) => ({ ...o, name: o.departmentName }))),
      suggestion: byIndicator.get(i.indicatorId),
    })),
    ...tasks.map((t) => ({
      key: `task:${t.id}`,
      kind: 'task' as const,
      id: t.id,
      label: t.measure,
      version: 0,
      leads: of(t.owners.filter((o) => o.role === 'lead')),
      coLeads: of(t.owners.filter((o) => o.role === 'co_lead')),
      suggestion: undefined,
    })),
  ];
}

/** The rows the filters let through. */
export function filterRows(rows: readonly OwnershipRow[], f: OwnershipFilters): OwnershipRow[] {
  return rows.filter((r) => {
    const owned = r.leads.length + r.coLeads.length > 0;
    if (f.owner === 'none' && owned) return false;
    if (f.owner === 'some' && !owned) return false;
    if (f.kind !== null && r.kind !== f.kind) return false;
    if (f.department !== null && ![...r.leads, ...r.coLeads].some((o) => o.departmentId === f.department)) {
      return false;
    }
    return true;
  });
}

type Owners = { department: string; role: 'lead' | 'co' }[];

/** The body that gives each row these owners (indicators name the version they were read at). */
export function bulkBody(changes: readonly { row: OwnershipRow; owners: Owners }[]): BulkOwnersUpdate {
  return {
    indicators: changes
      .filter((c) => c.row.kind === 'indicator')
      .map((c) => ({ indicatorId: c.row.id, expectedVersion: c.row.version, owners: c.owners })),
    tasks: changes.filter((c) => c.row.kind === 'task').map((c) => ({ taskId: c.row.id, owners: c.owners })),
  };
}

/** A row's owners with `departmentId` as its only lead; the former leads stay as co-leads. */
export function withLead(row: OwnershipRow, departmentId: string): Owners {
  const co = [...row.leads, ...row.coLeads]
    .map((o) => o.departmentId)
    .filter((id, i, all) => id !== departmentId && all.indexOf(id) === i);
  return [
    { department: departmentId, role: 'lead' },
    ...co.map((id) => ({ department: id, role: 'co' as const })),
  ];
}

/** A row's owners plus `departmentId` as a co-lead; null when the row has no lead yet to assist. */
export function withCoLead(row: OwnershipRow, departmentId: string): Owners | null {
  if (row.leads.length === 0) return null;
  const current: Owners = [
    ...row.leads.map((o) => ({ department: o.departmentId, role: 'lead' as const })),
    ...row.coLeads.map((o) => ({ department: o.departmentId, role: 'co' as const })),
  ];
  if (current.some((o) => o.department === departmentId)) return current;
  return [...current, { department: departmentId, role: 'co' }];
}

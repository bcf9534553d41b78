import { useMemo } from 'react';
import type {
  AuditActor,
  Department,
  Indicator,
  Page,
  Plan,
  ReferenceSeriesWithValues,
  RoundList,
  Task,
} from '@plantrack/api';
import { useApi } from '../../../api/use-api';

/** What the audit screen needs to show records and people by name instead of stored ids. */
export type AuditNames = {
  actors: AuditActor[];
  departments: Department[];
  indicators: { id: string; label: string }[];
  tasks: { id: string; label: string }[];
  /** The name of a stored record id (an observation's key names its indicator and period); null when unknown. */
  recordName: (entity: string, entityId: string) => string | null;
};

/**
 * Loads the names the audit log refers to by id: people in the log, departments, and the plan's
 * indicators, tasks, reference series and reporting rounds, and plans. Records of other kinds keep their stored id.
 */
export function useAuditNames(planId: string | null): AuditNames {
  const actors = useApi<AuditActor[]>('/api/audit/actors');
  const departments = useApi<Department[]>('/api/departments');
  const plans = useApi<Plan[]>('/api/plans');
  const indicators = useApi<Page<Indicator>>(
    planId === null ? null : `/api/plans/${planId}/indicators?pageSize=200`,
  );
  const tasks = useApi<Page<Task>>(planId === null ? null : `/api/plans/${planId}/tasks?pageSize=200`);
  const series = useApi<ReferenceSeriesWithValues[]>(
    planId === null ? null : `/api/plans/${planId}/reference-series`,
  );
  const rounds = useApi<RoundList>(planId === null ? null : `/api/plans/${planId}/rounds`);
  return useMemo(() => {
    const indicatorList = (indicators.data?.items ?? []).map((i) => ({
      id: i.id,
      label: `${i.seq}. ${i.name}`,
    }));
    const taskList = (tasks.data?.items ?? []).map((x) => ({ id: x.id, label: x.measure }));
    const byId = new Map<string, string>([
      ...indicatorList.map((i): [string, string] => [i.id, i.label]),
      ...taskList.map((i): [string, string] => [i.id, i.label]),
      ...(series.data ?? []).map((s): [string, string] => [s.id, s.name]),
      ...(rounds.data?.items ?? []).map((r): [string, string] => [r.id, r.name]),
      ...(departments.data ?? []).map((d): [string, string] => [d.id, d.canonicalName]),
      ...(plans.data ?? []).map((p): [string, string] => [p.id, p.title]),
      ...(plans.data ?? []).flatMap((p): [string, string][] =>
        p.latestVersionId === null ? [] : [[p.latestVersionId, p.title]],
      ),
      ...(actors.data ?? []).flatMap((a): [string, string][] => (a.name === null ? [] : [[a.id, a.name]])),
    ]);
    const recordName = (_entity: string, entityId: string): string | null => {
      const direct = byId.get(entityId);
      if (direct !== undefined) return direct;
      // Observation keys are `indicatorId|period|scope`, progress report keys `taskId|period`.
      const [head, period, scope] = entityId.split('|');
      const owner = head === undefined ? undefined : byId.get(head);
      if (owner === undefined || period === undefined) return null;
      return [owner, period, scope].filter((x) => x !== undefined && x !== '').join(' · ');
    };
    return {
      actors: actors.data ?? [],
      departments: departments.data ?? [],
      indicators: indicatorList,
      tasks: taskList,
      recordName,
    };
  }, [actors.data, departments.data, plans.data, indicators.data, tasks.data, series.data, rounds.data]);
}

import type {
  OfficeTextKey,
  ReportIndicatorData,
  ReportInput,
  ReportKind,
  ReportTaskInput,
  TaskStatus,
  TracedObservation,
} from '@plantrack/core';
import type { ReportSnapshot, SnapshotObservation } from './report-snapshot.js';

/** What a report adds to its snapshot: its kind and year, the office's texts, the demo flag. */
export type ReportFrame = {
  kind: ReportKind;
  year: number;
  asOf: string;
  officeTexts: Partial<Record<OfficeTextKey, string>>;
  demo: boolean;
};

const TASK_STATUS: Readonly<Record<string, TaskStatus>> = {
  completed: '已完成',
  in_progress: '按计划推进',
  delayed: '滞后',
  not_started: '未启动',
};

/** `规划科 2027-03-02`: who approved a figure and on which day (UTC). */
function approval(who: string, at: string): string {
  return `${who} ${at.slice(0, 10)}`;
}

function traced(o: SnapshotObservation): TracedObservation {
  return {
    period: o.period,
    value: o.value,
    // The empty scope is the indicator's own; the report states targets in the plan's scope.
    scope: o.scope === '' ? null : o.scope,
    estimated: o.estimated,
    status: 'approved',
    ...(o.source === null ? {} : { source: o.source }),
    trace: {
      revisionId: o.revisionId,
      source: o.source,
      scope: o.scope === '' ? null : o.scope,
      approval: approval(o.approvedBy, o.approvedAt),
      corrects:
        o.corrects === null
          ? null
          : {
              value: o.corrects.value,
              revisionId: o.corrects.revisionId,
              approval: approval(o.corrects.approvedBy, o.corrects.approvedAt),
              reason: o.corrects.reason,
            },
    },
  };
}

/** The builder's input from a frozen snapshot alone (pure: nothing is read from the store). */
export function reportInputOf(snapshot: ReportSnapshot, frame: ReportFrame): ReportInput {
  const data: ReportIndicatorData[] = snapshot.indicators.map((i) => {
    const references = snapshot.references
      .filter((r) => r.indicatorKey === i.key)
      .map((r) => ({
        name: r.name,
        points: r.points.map((p) => ({ period: p.period, value: p.value, estimated: p.estimated })),
        scope: r.scope,
        ...(r.source === null ? {} : { source: r.source }),
      }));
    return {
      seq: i.indicator.seq,
      observations: snapshot.observations.filter((o) => o.indicatorId === i.id).map(traced),
      lead: i.leads.length === 0 ? null : i.leads.join('、'),
      ...(references.length === 0 ? {} : { references }),
    };
  });
  const tasks: ReportTaskInput[] = snapshot.tasks.map((t) => ({
    id: t.taskId,
    title: t.title,
    lead: t.leads.length === 0 ? '—' : t.leads.join('、'),
    coLeads: t.coLeads,
    progress: t.progress === null ? '尚无审核通过的进展报告' : t.progress.narrative || '—',
    status: t.progress === null ? '未启动' : (TASK_STATUS[t.progress.status] ?? '按计划推进'),
  }));
  return {
    kind: frame.kind,
    year: frame.year,
    asOf: frame.asOf,
    plan: snapshot.plan,
    indicators: snapshot.indicators.map((i) => i.indicator),
    data,
    tasks,
    ...(snapshot.thresholds === null ? {} : { thresholds: snapshot.thresholds }),
    officeTexts: frame.officeTexts,
    planVersion: snapshot.planVersionId,
    demo: frame.demo,
  };
}

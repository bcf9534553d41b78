import type {
  OfficeTextKey,
  ReportIndicatorData,
  ReportInput,
  ReportKind,
  ReportProjectFigure,
  ReportProjectInput,
  ReportTaskInput,
  TaskStatus,
  TracedObservation,
} from '@plantrack/core';
import { chinaDateOf } from './china-day.js';
import type {
  ReportSnapshot,
  SnapshotObservation,
  SnapshotProject,
  SnapshotProjectFigure,
} from './report-snapshot.types.js';

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

/** `规划科 2027-03-02`: who approved a figure and on which day (China time, like the cut-off). */
function approval(who: string, at: string): string {
  return `${who} ${chinaDateOf(new Date(at))}`;
}

function traced(o: SnapshotObservation, ownScope: string | null): TracedObservation {
  // The empty scope is the indicator's own (口径), as the dashboard and the indicator API read it: an
  // indicator whose target names its scope (`含常州经开区`) would otherwise see its values set aside.
  const scope = o.scope === '' ? ownScope : o.scope;
  return {
    period: o.period,
    value: o.value,
    scope,
    estimated: o.estimated,
    status: 'approved',
    ...(o.source === null ? {} : { source: o.source }),
    trace: {
      revisionId: o.revisionId,
      source: o.source,
      scope,
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

function projectFigure<T>(f: SnapshotProjectFigure<T> | null): ReportProjectFigure<T> | null {
  if (f === null) return null;
  return {
    month: f.month,
    value: f.value,
    trace: {
      revisionId: f.revisionId,
      source: null,
      scope: null,
      approval: approval(f.approvedBy, f.approvedAt),
    },
  };
}

function reportProject(p: SnapshotProject): ReportProjectInput {
  return {
    id: p.projectId,
    name: p.name,
    leadUnit: p.leadUnit,
    underConstruction: p.stage === '在建',
    totalWan: p.totalWan,
    annualPlanWan: p.annualPlanWan,
    register: { revision: p.revision, updatedAt: p.updatedAt },
    completedYtd: projectFigure(p.completedYtd),
    progress: projectFigure(p.progress),
    plannedStart: p.plannedStart,
    actualStart: p.actualStart,
    plannedCompletion: p.plannedCompletion,
    actualCompletion: p.actualCompletion,
    issues: p.openIssues.map((i) => ({ ...i, state: 'open' as const })),
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
      observations: snapshot.observations
        .filter((o) => o.indicatorId === i.id)
        .map((o) => traced(o, i.scope)),
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
    // A snapshot's projects are those of the year it was taken for; another year's report shows none.
    ...(snapshot.projects === undefined || snapshot.projects.year !== frame.year
      ? {}
      : {
          projects: snapshot.projects.list.map(reportProject),
          projectLagThresholdPoints: snapshot.projects.lagThresholdPoints,
        }),
    ...(snapshot.thresholds === null ? {} : { thresholds: snapshot.thresholds }),
    officeTexts: frame.officeTexts,
    planVersion: snapshot.planVersionId,
    demo: frame.demo,
  };
}

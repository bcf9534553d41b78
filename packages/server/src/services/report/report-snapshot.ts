import type { AssessmentThresholds, Indicator, Plan } from '@plantrack/core';
import {
  type Db,
  type SnapshotIndicatorRow,
  type SnapshotObservationRow,
  approvedObservationRevisions,
  approvedProgressRevisions,
  getAssessmentSettings,
  indicatorLeadNames,
  planHeader,
  referenceValuesAsOf,
  snapshotIndicators,
  snapshotPlanModel,
  snapshotTasks,
} from '@plantrack/db';

/** Identifies the snapshot layout, so a later change of it can still read old reports. */
export const SNAPSHOT_FORMAT = 'plantrack-report-snapshot/1';

/** A figure in force at the as-of date, with its trace and, for a correction, what it replaced. */
export type SnapshotObservation = {
  revisionId: string;
  indicatorId: string;
  period: number;
  /** Empty: the indicator's own scope (口径). */
  scope: string;
  value: number | null;
  estimated: boolean;
  source: string | null;
  approvedBy: string;
  approvedAt: string;
  corrects: {
    revisionId: string;
    value: number | null;
    approvedBy: string;
    approvedAt: string;
    reason: string | null;
  } | null;
};

/** A task with its departments and its newest approved progress report at the as-of date. */
export type SnapshotTask = {
  taskId: string;
  title: string;
  leads: string[];
  coLeads: string[];
  progress: {
    revisionId: string;
    period: string;
    status: string;
    narrative: string;
    approvedAt: string;
  } | null;
};

/** A linked reference series (参照值) of one indicator, with its values in force. */
export type SnapshotReference = {
  indicatorKey: string;
  name: string;
  scope: string | null;
  source: string | null;
  points: { valueId: string; period: number; value: number; estimated: boolean }[];
};

/**
 * Everything a report is built from, frozen when the report is created: the plan and its
 * indicators as the version states them, department names as they were, and every approved
 * revision in force at the as-of date. Regenerating a report reads only this.
 */
export type ReportSnapshot = {
  format: typeof SNAPSHOT_FORMAT;
  planId: string;
  planVersionId: string;
  planVersionNo: number;
  asOf: string;
  plan: Plan;
  indicators: { id: string; key: string; indicator: Indicator; scope: string | null; leads: string[] }[];
  observations: SnapshotObservation[];
  tasks: SnapshotTask[];
  references: SnapshotReference[];
  thresholds: AssessmentThresholds | null;
};

/** The last instant of the as-of day (timestamps are ISO 8601 UTC strings, compared as text). */
export function cutoffOf(asOf: string): string {
  return `${asOf}T23:59:59.999Z`;
}

/** Reads the store as of `asOf` into a snapshot of the plan's newest version. */
export async function takeReportSnapshot(db: Db, planId: string, asOf: string): Promise<ReportSnapshot> {
  const header = await planHeader(db, planId);
  const cutoff = cutoffOf(asOf);
  const [plan, indicatorRows, leads, observationRows, tasks, progress, references, settings] =
    await Promise.all([
      snapshotPlanModel(db, header.versionId),
      snapshotIndicators(db, header.versionId),
      indicatorLeadNames(db, planId),
      approvedObservationRevisions(db, header.versionId, cutoff),
      snapshotTasks(db, header.versionId),
      approvedProgressRevisions(db, header.versionId, cutoff),
      referenceValuesAsOf(db, planId, cutoff),
      getAssessmentSettings(db, planId),
    ]);
  return {
    format: SNAPSHOT_FORMAT,
    planId,
    planVersionId: header.versionId,
    planVersionNo: header.versionNo,
    asOf,
    plan: plan as Plan,
    indicators: indicatorRows.map((r) => ({
      id: r.indicatorId,
      key: r.key,
      indicator: toIndicator(r),
      scope: r.scope,
      leads: leads.get(r.key) ?? [],
    })),
    observations: inForce(observationRows),
    tasks: tasks.map((t) => {
      const latest = latestOf(progress.filter((p) => p.taskId === t.taskId));
      return {
        taskId: t.taskId,
        title: t.measure,
        leads: t.leads,
        coLeads: t.coLeads,
        progress:
          latest === undefined
            ? null
            : {
                revisionId: latest.revisionId,
                period: latest.period,
                status: latest.progress,
                narrative: latest.narrative,
                approvedAt: latest.approvedAt,
              },
      };
    }),
    references: groupReferences(references),
    thresholds: (settings?.thresholds as AssessmentThresholds | undefined) ?? null,
  };
}

function toIndicator(r: SnapshotIndicatorRow): Indicator {
  return {
    seq: r.seq,
    group: r.group,
    name: r.name,
    unit: r.unit,
    parent: r.parentSeq,
    attribute: r.attribute === '约束性' || r.attribute === '预期性' ? r.attribute : null,
    attributeInferred: r.attributeInferred,
    baseline: r.baselineJson === null ? null : (JSON.parse(r.baselineJson) as Indicator['baseline']),
    target: JSON.parse(r.targetJson) as Indicator['target'],
    extra: JSON.parse(r.extraJson) as Record<string, string>,
    direction: r.direction === 'higher' || r.direction === 'lower' ? r.direction : null,
    source: r.source,
  };
}

/** The newest approved revision of each observation, with the approved one it corrected and why. */
function inForce(rows: readonly SnapshotObservationRow[]): SnapshotObservation[] {
  const byKey = new Map<string, SnapshotObservationRow[]>();
  for (const r of rows) byKey.set(r.observationKey, [...(byKey.get(r.observationKey) ?? []), r]);
  const out: SnapshotObservation[] = [];
  for (const revisions of byKey.values()) {
    const sorted = [...revisions].sort((a, b) => a.revisionNo - b.revisionNo);
    const approvals = sorted.filter((r) => r.action === 'approve');
    const current = approvals.at(-1);
    if (current === undefined) continue;
    const previous = approvals.at(-2);
    // The reason is on the correction request between the two approvals.
    const request =
      previous === undefined
        ? undefined
        : sorted
            .filter(
              (r) =>
                r.action === 'correct' &&
                r.revisionNo > previous.revisionNo &&
                r.revisionNo < current.revisionNo,
            )
            .at(-1);
    out.push({
      revisionId: current.revisionId,
      indicatorId: current.indicatorId,
      period: Number(current.period),
      scope: current.scope,
      value: current.value,
      estimated: current.estimated,
      source: current.source,
      approvedBy: current.approvedBy,
      approvedAt: current.approvedAt,
      corrects:
        previous === undefined
          ? null
          : {
              revisionId: previous.revisionId,
              value: previous.value,
              approvedBy: previous.approvedBy,
              approvedAt: previous.approvedAt,
              reason: request?.reason ?? null,
            },
    });
  }
  return out.sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.period - b.period);
}

/** `2026` < `2026Q1` is not meaningful; compare periods by their end (year-month). */
function periodEnd(p: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(p);
  if (q !== null) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  return /^\d{4}$/.test(p) ? `${p}-12` : p;
}

function latestOf<T extends { period: string }>(rows: readonly T[]): T | undefined {
  return [...rows].sort((a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period))).at(-1);
}

function groupReferences(rows: Awaited<ReturnType<typeof referenceValuesAsOf>>): SnapshotReference[] {
  const out = new Map<string, SnapshotReference>();
  for (const r of rows) {
    if (r.value === null || !/^\d{4}$/.test(r.period)) continue;
    const series = out.get(r.indicatorKey) ?? {
      indicatorKey: r.indicatorKey,
      name: r.seriesName,
      scope: r.seriesScope,
      source: r.seriesSource,
      points: [],
    };
    series.points.push({
      valueId: r.valueId,
      period: Number(r.period),
      value: r.value,
      estimated: r.estimated,
    });
    out.set(r.indicatorKey, series);
  }
  return [...out.values()];
}

import type { AssessmentThresholds, Indicator, Plan } from '@plantrack/core';
import {
  type Db,
  type SnapshotIndicatorRow,
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
import { groupReferences, inForce, latestOf } from './report-snapshot-values.js';

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

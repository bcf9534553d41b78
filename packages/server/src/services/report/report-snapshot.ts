import type { AssessmentThresholds, Indicator, Plan } from '@plantrack/core';
import { chinaDayEndUtc } from './china-day.js';
import {
  type Db,
  type SnapshotIndicatorRow,
  approvedObservationRevisions,
  approvedProgressRevisions,
  getAssessmentSettings,
  indicatorLeadNames,
  planHeader,
  referenceValuesAsOf,
  reportProjectRows,
  snapshotIndicators,
  snapshotPlanModel,
  snapshotTasks,
} from '@plantrack/db';
import { groupReferences, inForce, latestOf } from './report-snapshot-values.js';
import { type ReportSnapshot, SNAPSHOT_FORMAT } from './report-snapshot.types.js';

/**
 * The last instant of the as-of day in China time (timestamps are ISO 8601 UTC strings, compared
 * as text): a figure approved at 23:30 Beijing time on that day is in, one at 00:30 the next is not.
 */
export function cutoffOf(asOf: string): string {
  return chinaDayEndUtc(asOf);
}

/**
 * Reads the store as of `asOf` into a snapshot of the plan's newest version; the major projects'
 * figures are those of the report's `year`.
 */
export async function takeReportSnapshot(
  db: Db,
  planId: string,
  asOf: string,
  year: number,
): Promise<ReportSnapshot> {
  const header = await planHeader(db, planId);
  const cutoff = cutoffOf(asOf);
  const [plan, indicatorRows, leads, observationRows, tasks, progress, references, settings, projects] =
    await Promise.all([
      snapshotPlanModel(db, header.versionId),
      snapshotIndicators(db, header.versionId),
      indicatorLeadNames(db, planId),
      approvedObservationRevisions(db, header.versionId, cutoff),
      snapshotTasks(db, header.versionId),
      approvedProgressRevisions(db, header.versionId, cutoff),
      referenceValuesAsOf(db, planId, cutoff),
      getAssessmentSettings(db, planId),
      reportProjectRows(db, { planId, year, cutoff }),
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
    projects: {
      year,
      lagThresholdPoints: projects.lagThresholdPoints,
      list: projects.projects,
    },
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

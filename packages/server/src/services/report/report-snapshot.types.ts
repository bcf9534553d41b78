/** The frozen snapshot a report is built from: its layout, shared by the code that takes and reads it. */
import type { AssessmentThresholds, Indicator, Plan } from '@plantrack/core';

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

/** An approved monthly report's figure (年初至今累计 or 形象进度), with who approved it and when. */
export type SnapshotProjectFigure<T> = {
  revisionId: string;
  month: number;
  value: T;
  approvedBy: string;
  approvedAt: string;
};

/** A major project for 表3 (its stage as the register's lifecycle names it): register facts, the report year's plan, its approved figures and open issues. */
export type SnapshotProject = {
  projectId: string;
  name: string;
  leadUnit: string | null;
  stage: string;
  totalWan: number | null;
  annualPlanWan: number | null;
  revision: number;
  updatedAt: string;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  completedYtd: SnapshotProjectFigure<number> | null;
  progress: SnapshotProjectFigure<string> | null;
  openIssues: { text: string; department: string | null; deadline: string | null }[];
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
  /**
   * The plan's major projects for the report year, with the office's lag threshold. Absent in
   * snapshots taken before projects were reported on: those reports keep having no 表3.
   */
  projects?: { year: number; lagThresholdPoints: number; list: SnapshotProject[] };
};

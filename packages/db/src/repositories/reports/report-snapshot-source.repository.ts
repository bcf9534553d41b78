import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';

/**
 * The approved revisions a report's snapshot is made of, read as of a cut-off instant: revisions
 * written after it (later approvals and corrections) are not seen. Plain rows; the server composes
 * them into the snapshot document.
 */
type Db = Kysely<Database>;

/** One approved revision of an annual observation, with who approved it. */
export type SnapshotObservationRow = {
  revisionId: string;
  observationKey: string;
  indicatorId: string;
  period: string;
  scope: string;
  revisionNo: number;
  value: number | null;
  valueText: string | null;
  estimated: boolean;
  source: string | null;
  /** `approve` for a value put in force, `correct` for the request that opened a correction. */
  action: 'approve' | 'correct';
  reason: string | null;
  /** When (and by whom) the revision was written: the approval, or the correction request. */
  approvedAt: string;
  approvedBy: string;
};

/**
 * Every approved revision (oldest first) of the annual observations of a version's indicators,
 * approved at or before `cutoff`, and the correction requests among them (they carry the reason);
 * the caller keeps the newest approval per key and what it corrected.
 */
export async function approvedObservationRevisions(
  db: Db,
  versionId: string,
  cutoff: string,
): Promise<SnapshotObservationRow[]> {
  const rows = await db
    .selectFrom('observations as o')
    .leftJoin('users as u', 'u.id', 'o.created_by')
    .select([
      'o.id',
      'o.observation_key',
      'o.indicator_id',
      'o.period',
      'o.scope',
      'o.revision_no',
      'o.value',
      'o.value_text',
      'o.estimated',
      'o.source',
      'o.reason',
      'o.status',
      'o.created_at',
      'o.created_by',
      'u.display_name',
    ])
    .where('o.indicator_id', 'in', (eb) =>
      eb.selectFrom('indicator_versions').select('indicator_id').where('plan_version_id', '=', versionId),
    )
    .where((eb) => eb.or([eb('o.status', '=', 'approved'), eb('o.action', '=', 'correct')]))
    .where('o.created_at', '<=', cutoff)
    .orderBy('o.observation_key')
    .orderBy('o.revision_no')
    .execute();
  return rows
    .filter((r) => /^\d{4}$/.test(r.period))
    .map((r) => ({
      revisionId: r.id,
      observationKey: r.observation_key,
      indicatorId: r.indicator_id,
      period: r.period,
      scope: r.scope,
      revisionNo: r.revision_no,
      value: r.value,
      valueText: r.value_text,
      estimated: r.estimated === 1,
      source: r.source,
      action: r.status === 'approved' ? ('approve' as const) : ('correct' as const),
      reason: r.reason,
      approvedAt: r.created_at,
      approvedBy: r.display_name ?? r.created_by,
    }));
}

/** The newest approved progress report revision per task × period, approved at or before `cutoff`. */
export type SnapshotProgressRow = {
  revisionId: string;
  taskId: string;
  period: string;
  revisionNo: number;
  progress: string;
  narrative: string;
  approvedAt: string;
};

export async function approvedProgressRevisions(
  db: Db,
  versionId: string,
  cutoff: string,
): Promise<SnapshotProgressRow[]> {
  const rows = await db
    .selectFrom('progress_reports as r')
    .select(['r.id', 'r.report_key', 'r.task_id', 'r.period', 'r.revision_no', 'r.progress', 'r.narrative'])
    .select('r.created_at')
    .where('r.task_id', 'in', (eb) =>
      eb.selectFrom('task_versions').select('task_id').where('plan_version_id', '=', versionId),
    )
    .where('r.status', '=', 'approved')
    .where('r.created_at', '<=', cutoff)
    .orderBy('r.report_key')
    .orderBy('r.revision_no')
    .execute();
  const newest = new Map<string, SnapshotProgressRow>();
  for (const r of rows) {
    newest.set(r.report_key, {
      revisionId: r.id,
      taskId: r.task_id,
      period: r.period,
      revisionNo: r.revision_no,
      progress: r.progress,
      narrative: r.narrative,
      approvedAt: r.created_at,
    });
  }
  return [...newest.values()];
}

/** A reference value in force at the cut-off, with the series and the indicator it is linked to. */
export type SnapshotReferenceRow = {
  valueId: string;
  indicatorKey: string;
  seriesName: string;
  seriesScope: string | null;
  seriesSource: string | null;
  period: string;
  value: number | null;
  estimated: boolean;
  source: string | null;
  recordedAt: string;
};

export async function referenceValuesAsOf(
  db: Db,
  planId: string,
  cutoff: string,
): Promise<SnapshotReferenceRow[]> {
  const rows = await db
    .selectFrom('indicator_reference_links as l')
    .innerJoin('reference_series as s', 's.id', 'l.series_id')
    .innerJoin('reference_values as v', 'v.series_id', 's.id')
    .select(['v.id', 'l.indicator_key', 's.name', 's.scope', 's.source as series_source'])
    .select(['v.period', 'v.revision_no', 'v.value', 'v.estimated', 'v.source', 'v.recorded_at'])
    .where('l.plan_id', '=', planId)
    .where('v.recorded_at', '<=', cutoff)
    .orderBy('l.indicator_key')
    .orderBy('v.period')
    .orderBy('v.revision_no')
    .execute();
  const newest = new Map<string, SnapshotReferenceRow>();
  for (const r of rows) {
    newest.set(`${r.indicator_key}\u0000${r.period}`, {
      valueId: r.id,
      indicatorKey: r.indicator_key,
      seriesName: r.name,
      seriesScope: r.scope,
      seriesSource: r.series_source,
      period: r.period,
      value: r.value,
      estimated: r.estimated === 1,
      source: r.source,
      recordedAt: r.recorded_at,
    });
  }
  return [...newest.values()];
}

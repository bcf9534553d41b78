import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReportKindValue, ReportStatusValue, ReportsTable } from '../../schema/report-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

/** A report with the summary of its snapshot. */
export type ReportRow = {
  id: string;
  planId: string;
  kind: ReportKindValue;
  year: number;
  asOf: string;
  title: string;
  status: ReportStatusValue;
  demo: boolean;
  snapshot: {
    planVersionId: string;
    sha256: string;
    observations: number;
    progressReports: number;
    referenceValues: number;
    takenAt: string;
  };
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  returnNote: string | null;
};

export type NewReport = {
  planId: string;
  kind: ReportKindValue;
  year: number;
  asOf: string;
  title: string;
  demo: boolean;
  planVersionId: string;
  /** The serialised snapshot, stored as given and hashed here. */
  snapshotJson: string;
  counts: { observations: number; progressReports: number; referenceValues: number };
  actor: string;
};

/** Stores a report and its frozen snapshot together, audited in the same transaction. */
export async function insertReport(db: Kysely<Database>, input: NewReport): Promise<ReportRow> {
  const id = newId();
  const at = nowIso();
  const sha256 = createHash('sha256').update(input.snapshotJson, 'utf8').digest('hex');
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto('reports')
      .values({
        id,
        plan_id: input.planId,
        kind: input.kind,
        year: input.year,
        as_of: input.asOf,
        title: input.title,
        status: 'draft',
        demo: input.demo ? 1 : 0,
        plan_version_id: input.planVersionId,
        created_at: at,
        created_by: input.actor,
        submitted_at: null,
        submitted_by: null,
        approved_at: null,
        approved_by: null,
        published_at: null,
        published_by: null,
        return_note: null,
      })
      .execute();
    await trx
      .insertInto('report_snapshots')
      .values({
        report_id: id,
        plan_version_id: input.planVersionId,
        snapshot_json: input.snapshotJson,
        sha256,
        observations: input.counts.observations,
        progress_reports: input.counts.progressReports,
        reference_values: input.counts.referenceValues,
        taken_at: at,
      })
      .execute();
    await appendAudit(trx, {
      actor: input.actor,
      action: 'report.created',
      entity: 'report',
      entityId: id,
      planId: input.planId,
      detail: { kind: input.kind, year: input.year, asOf: input.asOf, sha256 },
    });
  });
  return requireReport(db, id);
}

function reportQuery(db: Kysely<Database>) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_snapshots as s', 's.report_id', 'r.id')
    .selectAll('r')
    .select([
      's.sha256',
      's.observations',
      's.progress_reports',
      's.reference_values',
      's.taken_at',
      's.plan_version_id as snapshot_version_id',
    ]);
}

type JoinedRow = Selectable<ReportsTable> & {
  sha256: string;
  observations: number;
  progress_reports: number;
  reference_values: number;
  taken_at: string;
  snapshot_version_id: string;
};

function toReport(r: JoinedRow): ReportRow {
  return {
    id: r.id,
    planId: r.plan_id,
    kind: r.kind,
    year: r.year,
    asOf: r.as_of,
    title: r.title,
    status: r.status,
    demo: r.demo === 1,
    snapshot: {
      planVersionId: r.snapshot_version_id,
      sha256: r.sha256,
      observations: r.observations,
      progressReports: r.progress_reports,
      referenceValues: r.reference_values,
      takenAt: r.taken_at,
    },
    createdBy: r.created_by,
    createdAt: r.created_at,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
    returnNote: r.return_note,
  };
}

export async function findReport(db: Kysely<Database>, id: string): Promise<ReportRow | undefined> {
  const row = await reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toReport(row);
}

/** A report, or NotFoundError. */
export async function requireReport(db: Kysely<Database>, id: string): Promise<ReportRow> {
  const report = await findReport(db, id);
  if (report === undefined) {
    throw new NotFoundError({ zh: `报告不存在：${id}`, en: `No such report: ${id}` });
  }
  return report;
}

/** Reports of a plan, newest first; optionally only those in the given states. */
export async function listReports(
  db: Kysely<Database>,
  planId: string,
  statuses?: readonly ReportStatusValue[],
): Promise<ReportRow[]> {
  let query = reportQuery(db).where('r.plan_id', '=', planId);
  if (statuses !== undefined) query = query.where('r.status', 'in', [...statuses]);
  const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map(toReport);
}

/** The frozen snapshot of a report, exactly as stored, with its hash. */
export async function readReportSnapshot(
  db: Kysely<Database>,
  reportId: string,
): Promise<{ json: string; sha256: string }> {
  const row = await db
    .selectFrom('report_snapshots')
    .select(['snapshot_json', 'sha256'])
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError({ zh: `报告不存在：${reportId}`, en: `No such report: ${reportId}` });
  }
  return { json: row.snapshot_json, sha256: row.sha256 };
}

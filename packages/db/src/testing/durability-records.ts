import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema/database.schema.js';
import type { DialectName } from '../support/dialect.js';

/**
 * What the SIGKILL durability tests read back from the store after a restart: every revision of
 * both reviewed record kinds, the audit records of revision writes, and the evidence rows. Test
 * helpers only (not built); the stores they read are throwaway databases a test filled itself.
 */
type Db = Kysely<Database>;

/** One revision of an observation or a progress report. */
export type RecordRevision = {
  kind: 'observation' | 'progress-report';
  id: string;
  key: string;
  revisionNo: number;
  status: string;
  action: string;
  reason: string | null;
  idempotencyKey: string | null;
  createdBy: string;
  /** Observations: the value; progress reports: null. */
  value: number | null;
  /** Progress reports: the narrative; observations: null. */
  narrative: string | null;
  /** PostgreSQL: the transaction that wrote the row (`xmin`); SQLite: null. */
  writtenBy: string | null;
};

/** An audit record naming the revision it wrote. */
export type RevisionAudit = {
  action: string;
  entity: string;
  entityId: string;
  revisionId: string;
  actor: string;
  writtenBy: string | null;
};

/** One evidence row. */
export type EvidenceRecord = { id: string; sha256: string; storagePath: string; subjectKey: string };

function transactionIdOf(dialect: DialectName, alias: string): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`${sql.ref(`${alias}.xmin`)}::text`
    : sql<string | null>`null`;
}

/** Every observation and progress report revision in the store. */
export async function allRecordRevisions(db: Db, dialect: DialectName): Promise<RecordRevision[]> {
  const observations = await db
    .selectFrom('observations as o')
    .select([
      'o.id',
      'o.observation_key as key',
      'o.revision_no',
      'o.status',
      'o.action',
      'o.reason',
      'o.idempotency_key',
      'o.created_by',
      'o.value',
      transactionIdOf(dialect, 'o').as('written_by'),
    ])
    .execute();
  const reports = await db
    .selectFrom('progress_reports as p')
    .select([
      'p.id',
      'p.report_key as key',
      'p.revision_no',
      'p.status',
      'p.action',
      'p.reason',
      'p.idempotency_key',
      'p.created_by',
      'p.narrative',
      transactionIdOf(dialect, 'p').as('written_by'),
    ])
    .execute();
  const common = (r: (typeof observations)[number] | (typeof reports)[number]) => ({
    id: r.id,
    key: r.key,
    revisionNo: r.revision_no,
    status: r.status,
    action: r.action,
    reason: r.reason,
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    writtenBy: r.written_by,
  });
  return [
    ...observations.map((r) => ({
      ...common(r),
      kind: 'observation' as const,
      value: r.value,
      narrative: null,
    })),
    ...reports.map((r) => ({
      ...common(r),
      kind: 'progress-report' as const,
      value: null,
      narrative: r.narrative,
    })),
  ];
}

/** Every audit record of an observation or progress report that names a revision it wrote. */
export async function revisionAudits(db: Db, dialect: DialectName): Promise<RevisionAudit[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .select(['a.action', 'a.entity', 'a.entity_id', 'a.actor', 'a.detail_json'])
    .select(transactionIdOf(dialect, 'a').as('written_by'))
    .where('a.entity', 'in', ['observation', 'progress_report'])
    .execute();
  return rows.flatMap((r) => {
    const revisionId = (JSON.parse(r.detail_json) as { revisionId?: string } | null)?.revisionId;
    return revisionId === undefined
      ? []
      : [
          {
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            revisionId,
            actor: r.actor,
            writtenBy: r.written_by,
          },
        ];
  });
}

/** Every evidence row. */
export async function allEvidenceRecords(db: Db): Promise<EvidenceRecord[]> {
  const rows = await db
    .selectFrom('evidence_files')
    .select(['id', 'sha256', 'storage_path', 'subject_key'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sha256: r.sha256,
    storagePath: r.storage_path,
    subjectKey: r.subject_key ?? '',
  }));
}

/** The department the outline names for the most tasks, with its name and those tasks (newest plan version). */
export async function departmentWithMostTasks(
  db: Db,
): Promise<{ departmentId: string; departmentName: string; taskIds: string[] }> {
  const rows = await db
    .selectFrom('task_departments as td')
    .innerJoin('task_versions as tv', 'tv.id', 'td.task_version_id')
    .innerJoin('departments as d', 'd.id', 'td.department_id')
    .select(['td.department_id', 'd.canonical_name', 'tv.task_id'])
    .distinct()
    .execute();
  const byDepartment = new Map<string, string[]>();
  const names = new Map(rows.map((r) => [r.department_id, r.canonical_name]));
  for (const r of rows)
    byDepartment.set(r.department_id, [...(byDepartment.get(r.department_id) ?? []), r.task_id]);
  const [best] = [...byDepartment].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  if (best === undefined) throw new Error('The plan names no department for any task.');
  return { departmentId: best[0], departmentName: names.get(best[0]) ?? best[0], taskIds: best[1] };
}

/** Every project report revision, oldest revision number first. */
export function projectReportRevisions(db: Db) {
  return db
    .selectFrom('project_reports')
    .select(['id', 'project_id', 'year', 'month', 'revision_no', 'status', 'ytd_wan', 'progress_text'])
    .select('created_by')
    .orderBy('revision_no')
    .execute();
}

/** The audit records of project report submissions. */
export function projectReportSubmitAudits(db: Db) {
  return db
    .selectFrom('audit_log')
    .select(['entity_id', 'detail_json'])
    .where('entity', '=', 'project')
    .where('action', '=', 'project.report-submit')
    .execute();
}

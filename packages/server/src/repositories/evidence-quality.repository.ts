import type { QualityFlag } from '@plantrack/core';
import { type DatabaseHandle, type EvidenceSubjectKind, appendAudit, newId, nowIso } from '@plantrack/db';

/**
 * Evidence file rows and stored data-quality flags (migration 0009). Plain Kysely, both dialects;
 * the bytes of evidence files are on disk (see `evidence.storage.ts`).
 */
type Db = DatabaseHandle['db'];

/** One evidence file as the API knows it. */
export type EvidenceFileRow = {
  id: string;
  subjectKind: EvidenceSubjectKind;
  subjectKey: string;
  /** The record's latest revision when the file was uploaded (0 before the first). */
  revisionNo: number;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
  uploadedBy: string;
  uploadedAt: string;
};

export type NewEvidenceFile = Omit<EvidenceFileRow, 'id' | 'uploadedAt'> & { planId: string | null };

/** Inserts an evidence row with its audit record, in one transaction (the caller's). */
export async function insertEvidenceFile(trx: Db, file: NewEvidenceFile): Promise<EvidenceFileRow> {
  const row: EvidenceFileRow = { ...file, id: newId(), uploadedAt: nowIso() };
  await trx
    .insertInto('evidence_files')
    .values({
      id: row.id,
      subject_kind: row.subjectKind,
      subject_key: row.subjectKey,
      revision_no: row.revisionNo,
      original_name: row.originalName,
      mime: row.mediaType,
      size_bytes: row.sizeBytes,
      sha256: row.sha256,
      storage_path: row.storagePath,
      uploaded_by: row.uploadedBy,
      uploaded_at: row.uploadedAt,
    })
    .execute();
  await appendAudit(trx, {
    actor: row.uploadedBy,
    action: 'evidence.upload',
    entity: row.subjectKind === 'observation' ? 'observation' : 'progress_report',
    entityId: row.subjectKey,
    planId: file.planId,
    detail: {
      evidenceId: row.id,
      revisionNo: row.revisionNo,
      sha256: row.sha256,
      sizeBytes: row.sizeBytes,
      mediaType: row.mediaType,
      originalName: row.originalName,
    },
  });
  return row;
}

/** The evidence files of one record, oldest first. */
export async function listEvidenceFiles(
  db: Db,
  kind: EvidenceSubjectKind,
  key: string,
): Promise<EvidenceFileRow[]> {
  const rows = await db
    .selectFrom('evidence_files')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('subject_key', '=', key)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

export async function findEvidenceFile(db: Db, id: string): Promise<EvidenceFileRow | undefined> {
  const row = await db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined || row.subject_kind === null ? undefined : toRow(row);
}

type Stored = {
  id: string;
  subject_kind: EvidenceSubjectKind | null;
  subject_key: string | null;
  revision_no: number | null;
  original_name: string;
  mime: string;
  size_bytes: number | string;
  sha256: string;
  storage_path: string;
  uploaded_by: string;
  uploaded_at: string;
};

function toRow(r: Stored): EvidenceFileRow {
  return {
    id: r.id,
    subjectKind: r.subject_kind ?? 'observation',
    subjectKey: r.subject_key ?? '',
    revisionNo: r.revision_no ?? 0,
    originalName: r.original_name,
    mediaType: r.mime,
    // PostgreSQL returns INTEGER as a number, but keep a bigint-as-text driver setting harmless.
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    storagePath: r.storage_path,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

/** Stores the flags of a submitted revision once; a replayed submission keeps the first set. */
export async function storeQualityFlags(
  trx: Db,
  revision: { id: string; key: string; revisionNo: number },
  flags: readonly QualityFlag[],
): Promise<QualityFlag[]> {
  const inserted = await trx
    .insertInto('observation_quality_flags')
    .values({
      revision_id: revision.id,
      observation_key: revision.key,
      revision_no: revision.revisionNo,
      flags_json: JSON.stringify(flags),
      checked_at: nowIso(),
    })
    // A replay (or two racing retries) of one submission finds the first set and keeps it.
    .onConflict((oc) => oc.column('revision_id').doNothing())
    .returning('revision_id')
    .executeTakeFirst();
  if (inserted !== undefined) return [...flags];
  return (await qualityFlagsOf(trx, [revision.id])).get(revision.id) ?? [...flags];
}

/** Stored flags by revision id (revisions never checked are absent). */
export async function qualityFlagsOf(
  db: Db,
  revisionIds: readonly string[],
): Promise<Map<string, QualityFlag[]>> {
  const out = new Map<string, QualityFlag[]>();
  if (revisionIds.length === 0) return out;
  const rows = await db
    .selectFrom('observation_quality_flags')
    .select(['revision_id', 'flags_json'])
    .where('revision_id', 'in', [...revisionIds])
    .execute();
  for (const r of rows) out.set(r.revision_id, JSON.parse(r.flags_json) as QualityFlag[]);
  return out;
}

/** Stored flags by `observation_key` and revision number (for the review queue). */
export async function qualityFlagsByKey(
  db: Db,
  keys: readonly { key: string; revisionNo: number }[],
): Promise<Map<string, QualityFlag[]>> {
  const out = new Map<string, QualityFlag[]>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('observation_quality_flags')
    .select(['observation_key', 'revision_no', 'flags_json'])
    .where(
      'observation_key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  for (const r of rows)
    out.set(`${r.observation_key}#${r.revision_no}`, JSON.parse(r.flags_json) as QualityFlag[]);
  return out;
}

/** What the quality checks need to know of an indicator: its newest version's fields. */
export async function indicatorForQuality(
  db: Db,
  indicatorId: string,
): Promise<
  | {
      name: string;
      unit: string | null;
      scope: string | null;
      direction: string | null;
      targetJson: string;
      baselineJson: string | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom('indicator_versions as iv')
    .innerJoin('plan_versions as pv', 'pv.id', 'iv.plan_version_id')
    .select(['iv.name', 'iv.unit', 'iv.scope', 'iv.direction', 'iv.target_json', 'iv.baseline_json'])
    .where('iv.indicator_id', '=', indicatorId)
    .orderBy('pv.version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    name: row.name,
    unit: row.unit,
    scope: row.scope,
    direction: row.direction,
    targetJson: row.target_json,
    baselineJson: row.baseline_json,
  };
}

import { RECORD_KIND_DESCRIPTORS, recordKind } from '@plantrack/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { EvidenceSubjectKind } from '../../schema/evidence-quality-tables.schema.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

/**
 * Evidence file rows (migrations 0003, 0009, 0012), both dialects. The bytes are on disk,
 * content-addressed by SHA-256 (the server's evidence storage); a row only names them. Every
 * change is audited in the caller's transaction.
 */

/** One evidence file: the record it supports, its content, and whether it was withdrawn or redacted. */
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
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  /** Set when the planning office removed the file; its bytes are then gone (unless shared). */
  redactedAt: string | null;
  redactedBy: string | null;
  redactionReason: string | null;
};

/** What an upload stores; `planId` only goes to the audit record. */
export type NewEvidenceFile = Pick<
  EvidenceFileRow,
  | 'subjectKind'
  | 'subjectKey'
  | 'revisionNo'
  | 'originalName'
  | 'mediaType'
  | 'sizeBytes'
  | 'sha256'
  | 'storagePath'
  | 'uploadedBy'
> & { planId: string | null };

/** The audit entity of an evidence row's record (core's record-kind vocabulary maps the spellings). */
const entityOf = (kind: EvidenceSubjectKind): string => recordKind(kind).stored.auditEntity;

/** Inserts an evidence row with its audit record (`evidence.upload`), in the caller's transaction. */
export async function insertEvidenceFile(
  trx: Kysely<Database>,
  file: NewEvidenceFile,
): Promise<EvidenceFileRow> {
  const row: EvidenceFileRow = {
    subjectKind: file.subjectKind,
    subjectKey: file.subjectKey,
    revisionNo: file.revisionNo,
    originalName: file.originalName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    storagePath: file.storagePath,
    uploadedBy: file.uploadedBy,
    id: newId(),
    uploadedAt: nowIso(),
    withdrawnAt: null,
    withdrawnBy: null,
    redactedAt: null,
    redactedBy: null,
    redactionReason: null,
  };
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
    entity: entityOf(row.subjectKind),
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

/** Every evidence file of one record (withdrawn and redacted ones too), oldest first. */
export async function listEvidenceFiles(
  db: Kysely<Database>,
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

/** One evidence file by id; undefined when unknown (or written before files named their record). */
export async function findEvidenceFile(
  db: Kysely<Database>,
  id: string,
): Promise<EvidenceFileRow | undefined> {
  const row = await db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined || row.subject_kind === null ? undefined : toRow(row);
}

/** Who changes a file's state, why, and the plan for the audit record. */
export type EvidenceChange = { id: string; actor: string; reason: string | null; planId: string | null };

/**
 * Marks a file withdrawn (audit `evidence.withdraw`). Only a file neither withdrawn nor redacted
 * changes; returns the row as it now is, and whether this call changed it.
 */
export async function withdrawEvidenceFile(
  trx: Kysely<Database>,
  change: EvidenceChange,
): Promise<{ row: EvidenceFileRow; changed: boolean }> {
  const at = nowIso();
  const updated = await trx
    .updateTable('evidence_files')
    .set({ withdrawn_at: at, withdrawn_by: change.actor })
    .where('id', '=', change.id)
    .where('withdrawn_at', 'is', null)
    .where('redacted_at', 'is', null)
    .executeTakeFirst();
  return auditedChange(trx, change, Number(updated.numUpdatedRows) > 0, 'evidence.withdraw');
}

/**
 * Marks a file redacted with its reason (audit `evidence.redact`). Returns the row as it now is,
 * whether this call changed it, and whether other unredacted rows still hold the same content (then
 * the bytes must stay on disk). Call inside a write transaction so the count matches the change.
 */
export async function redactEvidenceFile(
  trx: Kysely<Database>,
  change: EvidenceChange & { reason: string },
): Promise<{ row: EvidenceFileRow; changed: boolean; contentStillUsed: boolean }> {
  const updated = await trx
    .updateTable('evidence_files')
    .set({ redacted_at: nowIso(), redacted_by: change.actor, redaction_reason: change.reason })
    .where('id', '=', change.id)
    .where('redacted_at', 'is', null)
    .executeTakeFirst();
  const result = await auditedChange(trx, change, Number(updated.numUpdatedRows) > 0, 'evidence.redact');
  return { ...result, contentStillUsed: await contentHeldByOthers(trx, result.row) };
}

/** Whether a row other than `row` that is not redacted names the same stored content. */
async function contentHeldByOthers(db: Kysely<Database>, row: EvidenceFileRow): Promise<boolean> {
  const other = await db
    .selectFrom('evidence_files')
    .select('id')
    .where('sha256', '=', row.sha256)
    .where('id', '<>', row.id)
    .where('redacted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}

async function auditedChange(
  trx: Kysely<Database>,
  change: EvidenceChange,
  changed: boolean,
  action: 'evidence.withdraw' | 'evidence.redact',
): Promise<{ row: EvidenceFileRow; changed: boolean }> {
  const row = await findEvidenceFile(trx, change.id);
  if (row === undefined) throw new Error(`Evidence file ${change.id} vanished while it was changed`);
  if (changed) {
    await appendAudit(trx, {
      actor: change.actor,
      action,
      entity: entityOf(row.subjectKind),
      entityId: row.subjectKey,
      planId: change.planId,
      detail: {
        evidenceId: row.id,
        reason: change.reason,
        sha256: row.sha256,
        sizeBytes: row.sizeBytes,
        originalName: row.originalName,
      },
    });
  }
  return { row, changed };
}

/** The plan a task belongs to (for the audit records of its evidence), null when unknown. */
export async function planIdOfTask(db: Kysely<Database>, taskId: string): Promise<string | null> {
  const task = await db.selectFrom('tasks').select('plan_id').where('id', '=', taskId).executeTakeFirst();
  return task?.plan_id ?? null;
}

function toRow(r: Selectable<Database['evidence_files']>): EvidenceFileRow {
  return {
    id: r.id,
    // Rows from before migration 0009 carry no subject: evidence was then uploaded to observations only.
    subjectKind: r.subject_kind ?? RECORD_KIND_DESCRIPTORS.observation.stored.evidenceSubject,
    subjectKey: r.subject_key ?? '',
    revisionNo: r.revision_no ?? 0,
    originalName: r.original_name,
    mediaType: r.mime,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    storagePath: r.storage_path,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by,
    redactedAt: r.redacted_at,
    redactedBy: r.redacted_by,
    redactionReason: r.redaction_reason,
  };
}

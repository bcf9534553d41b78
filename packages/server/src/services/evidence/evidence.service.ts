import {
  type EvidenceFileRow,
  type EvidenceSubjectKind,
  insertEvidenceFile,
  listEvidenceFiles,
  findEvidenceFile,
  writeTransaction,
} from '@plantrack/db';
import type { Readable } from 'node:stream';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import { canWriteRecord } from '../../policies/record.policy.js';
import { type EvidenceFileDto, presentEvidenceFile } from '../../presenters/evidence.presenter.js';
import { contentDisposition, evidenceMediaType, sanitizeFileName } from './evidence.file-type.js';
import { openContent, sha256Of, storeContent, withContentLock } from './evidence.storage.js';
import { type EvidenceSubject, evidenceSubjectOf } from './evidence.subject.js';
import { evidenceVisibleTo } from './evidence.visibility.js';

export type EvidenceUpload = { fileName: string; bytes: Buffer };

/**
 * Stores an evidence file for a record (same policy as writing the record). Re-uploading the same
 * bytes to the same record returns the first upload (`created: false`) and stores nothing, unless
 * that upload was withdrawn or redacted (then it is a new file).
 */
export async function uploadEvidence(
  ctx: AppContext,
  p: Principal,
  kind: EvidenceSubjectKind,
  rawKey: string,
  upload: EvidenceUpload,
): Promise<{ file: EvidenceFileDto; created: boolean }> {
  const subject = await evidenceSubjectOf(ctx, kind, rawKey);
  enforce(p, canWriteRecord(p, subject));
  const fileName = sanitizeFileName(upload.fileName);
  const mediaType = evidenceMediaType(fileName, upload.bytes);
  const sha256 = sha256Of(upload.bytes);
  const earlier = (await listEvidenceFiles(ctx.db, kind, subject.key)).find(
    (f) => f.sha256 === sha256 && f.withdrawnAt === null && f.redactedAt === null,
  );
  if (earlier !== undefined) return { file: presentEvidenceFile(earlier), created: false };
  const row = await withContentLock(sha256, async () => {
    const storagePath = await storeContent(ctx.config.evidenceDir, sha256, upload.bytes);
    return writeTransaction(ctx.db, (trx) =>
      insertEvidenceFile(trx, {
        subjectKind: kind,
        subjectKey: subject.key,
        revisionNo: subject.latest?.revisionNo ?? 0,
        originalName: fileName,
        mediaType,
        sizeBytes: upload.bytes.length,
        sha256,
        storagePath,
        uploadedBy: actorOf(p),
        planId: subject.planId,
      }),
    );
  });
  return { file: presentEvidenceFile(row), created: true };
}

/** The evidence files of a record the caller may see, oldest first (see evidence.visibility.ts). */
export async function listEvidence(
  ctx: AppContext,
  p: Principal,
  kind: EvidenceSubjectKind,
  rawKey: string,
): Promise<EvidenceFileDto[]> {
  const subject = await evidenceSubjectOf(ctx, kind, rawKey);
  const files = await evidenceVisibleTo(p, subject, await listEvidenceFiles(ctx.db, kind, subject.key));
  enforce(p, files !== null);
  return (files ?? []).map(presentEvidenceFile);
}

/**
 * An evidence file the caller may see, with its record; 401/403 when the caller may see none of the
 * record's files, 404 when the file is unknown or not among those the caller may see.
 */
export async function visibleEvidenceFile(
  ctx: AppContext,
  p: Principal,
  id: string,
): Promise<{ row: EvidenceFileRow; subject: EvidenceSubject }> {
  const row = await findEvidenceFile(ctx.db, id);
  if (row === undefined) throw notFound(`佐证材料 ${id} / evidence file ${id}`);
  const subject = await evidenceSubjectOf(ctx, row.subjectKind, row.subjectKey);
  const visible = await evidenceVisibleTo(p, subject, [row]);
  enforce(p, visible !== null);
  // Someone who may see the record but not this file (returned, superseded, unreviewed) learns nothing.
  if (visible?.length !== 1) throw notFound(`佐证材料 ${id} / evidence file ${id}`);
  return { row, subject };
}

export type EvidenceDownload = {
  stream: Readable;
  mediaType: string;
  disposition: string;
  sizeBytes: number;
};

/** An evidence file's bytes, to those who may see it; a redacted file is 410 Gone. */
export async function downloadEvidence(ctx: AppContext, p: Principal, id: string): Promise<EvidenceDownload> {
  const { row } = await visibleEvidenceFile(ctx, p, id);
  if (row.redactedAt !== null) {
    throw new ApiError(410, 'evidence-redacted', {
      zh: `佐证材料“${row.originalName}”已由规划办删除，文件内容不再提供（原因：${row.redactionReason ?? '未说明'}）。`,
      en: `Evidence file “${row.originalName}” was redacted by the planning office and its content is no longer available (reason: ${row.redactionReason ?? 'not given'}).`,
    });
  }
  const stream = await openContent(ctx.config.evidenceDir, row.storagePath);
  if (stream === null) {
    throw new ApiError(404, 'evidence-content-missing', {
      zh: `佐证材料“${row.originalName}”的文件内容已不在存储目录中，请联系管理员。`,
      en: `The content of evidence file “${row.originalName}” is missing from storage; contact the administrator.`,
    });
  }
  return {
    stream,
    mediaType: row.mediaType,
    disposition: contentDisposition(row.originalName),
    sizeBytes: row.sizeBytes,
  };
}

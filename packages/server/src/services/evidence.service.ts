import {
  type EvidenceSubjectKind,
  observationRepository,
  progressReportRepository,
  writeTransaction,
} from '@plantrack/db';
import type { Readable } from 'node:stream';
import { type Principal, actorOf } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { enforce } from '../policies/policy.js';
import { canReadRecordHistory, canWriteRecord } from '../policies/record.policy.js';
import { type EvidenceFileDto, presentEvidenceFile } from '../presenters/evidence.presenter.js';
import {
  type EvidenceFileRow,
  findEvidenceFile,
  insertEvidenceFile,
  listEvidenceFiles,
} from '../repositories/evidence-quality.repository.js';
import { indicatorIdentity } from '../repositories/monitoring-query.repository.js';
import { contentDisposition, evidenceMediaType, sanitizeFileName } from './evidence.file-type.js';
import { openContent, sha256Of, storeContent } from './evidence.storage.js';
import { indicatorOwnerIds, taskOwnerIds } from './ownership.service.js';
import { parseObservationKey, parseProgressReportKey } from './record.service.js';

/** The record an evidence file belongs to, with what the policies need to know about it. */
type Subject = {
  kind: EvidenceSubjectKind;
  /** The canonical record key (as stored on its revisions). */
  key: string;
  planId: string | null;
  ownerDepartmentIds: string[];
  /** Observations of a published indicator may be shown to the public once approved. */
  published: boolean;
  latestRevisionNo: number;
  /** The newest approved revision, 0 when none. */
  approvedRevisionNo: number;
};

async function subjectOf(ctx: AppContext, kind: EvidenceSubjectKind, rawKey: string): Promise<Subject> {
  if (kind === 'observation') {
    const ref = parseObservationKey(rawKey);
    const identity = await indicatorIdentity(ctx.db, ref.indicatorId);
    const latest = await observationRepository.latest(ctx.db, ref);
    const approved = await observationRepository.inForce(ctx.db, ref);
    return {
      kind,
      key: observationRepository.observationKeyOf(ref),
      planId: identity.planId,
      ownerDepartmentIds: await indicatorOwnerIds(ctx, ref.indicatorId),
      published: identity.published,
      latestRevisionNo: latest?.revisionNo ?? 0,
      approvedRevisionNo: approved?.revisionNo ?? 0,
    };
  }
  const ref = parseProgressReportKey(rawKey);
  const ownerDepartmentIds = await taskOwnerIds(ctx, ref.taskId);
  const task = await ctx.db
    .selectFrom('tasks')
    .select('plan_id')
    .where('id', '=', ref.taskId)
    .executeTakeFirst();
  const history = await progressReportRepository.history(ctx.db, ref);
  return {
    kind,
    key: progressReportRepository.progressReportKeyOf(ref),
    planId: task?.plan_id ?? null,
    ownerDepartmentIds,
    published: false,
    latestRevisionNo: history.at(-1)?.revisionNo ?? 0,
    approvedRevisionNo: 0,
  };
}

/**
 * Which of a record's files the caller may see: all of them for those who may read the record's
 * history (staff, the owning department); for anyone else only files of an observation of a
 * published indicator that an approval came after. `null`: none, and the caller is not allowed.
 */
function visibleFiles(p: Principal, subject: Subject, files: EvidenceFileRow[]): EvidenceFileRow[] | null {
  if (canReadRecordHistory(p, subject)) return files;
  if (subject.kind !== 'observation' || !subject.published) return null;
  return files.filter((f) => f.revisionNo < subject.approvedRevisionNo);
}

export type EvidenceUpload = { fileName: string; bytes: Buffer };

/**
 * Stores an evidence file for a record (same policy as writing the record). Re-uploading the same
 * bytes to the same record returns the first upload (`created: false`) and stores nothing.
 */
export async function uploadEvidence(
  ctx: AppContext,
  p: Principal,
  kind: EvidenceSubjectKind,
  rawKey: string,
  upload: EvidenceUpload,
): Promise<{ file: EvidenceFileDto; created: boolean }> {
  const subject = await subjectOf(ctx, kind, rawKey);
  enforce(p, canWriteRecord(p, subject));
  const fileName = sanitizeFileName(upload.fileName);
  const mediaType = evidenceMediaType(fileName, upload.bytes);
  const sha256 = sha256Of(upload.bytes);
  const earlier = (await listEvidenceFiles(ctx.db, kind, subject.key)).find((f) => f.sha256 === sha256);
  if (earlier !== undefined) return { file: presentEvidenceFile(earlier), created: false };
  const storagePath = await storeContent(ctx.config.evidenceDir, sha256, upload.bytes);
  const row = await writeTransaction(ctx.db, (trx) =>
    insertEvidenceFile(trx, {
      subjectKind: kind,
      subjectKey: subject.key,
      revisionNo: subject.latestRevisionNo,
      originalName: fileName,
      mediaType,
      sizeBytes: upload.bytes.length,
      sha256,
      storagePath,
      uploadedBy: actorOf(p),
      planId: subject.planId,
    }),
  );
  return { file: presentEvidenceFile(row), created: true };
}

/** The evidence files of a record the caller may see, oldest first. */
export async function listEvidence(
  ctx: AppContext,
  p: Principal,
  kind: EvidenceSubjectKind,
  rawKey: string,
): Promise<EvidenceFileDto[]> {
  const subject = await subjectOf(ctx, kind, rawKey);
  const files = visibleFiles(p, subject, await listEvidenceFiles(ctx.db, kind, subject.key));
  enforce(p, files !== null);
  return (files ?? []).map(presentEvidenceFile);
}

export type EvidenceDownload = {
  stream: Readable;
  mediaType: string;
  disposition: string;
  sizeBytes: number;
};

/** An evidence file's bytes, under the read policy of its record. */
export async function downloadEvidence(ctx: AppContext, p: Principal, id: string): Promise<EvidenceDownload> {
  const row = await findEvidenceFile(ctx.db, id);
  if (row === undefined) throw notFound(`佐证材料 ${id} / evidence file ${id}`);
  const subject = await subjectOf(ctx, row.subjectKind, row.subjectKey);
  const visible = visibleFiles(p, subject, [row]);
  enforce(p, visible !== null);
  // Someone who may see the record but not this file (uploaded after the approval) learns nothing.
  if (visible?.length !== 1) throw notFound(`佐证材料 ${id} / evidence file ${id}`);
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

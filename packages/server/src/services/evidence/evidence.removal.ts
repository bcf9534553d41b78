import { findEvidenceFile, redactEvidenceFile, withdrawEvidenceFile, writeTransaction } from '@plantrack/db';
import { type Principal, actorOf, hasRole } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import { canWriteRecord } from '../../policies/record.policy.js';
import { type EvidenceFileDto, presentEvidenceFile } from '../../presenters/evidence.presenter.js';
import { removeContent, withContentLock } from './evidence.storage.js';
import { evidenceSubjectOf } from './evidence.subject.js';

/**
 * Redacting evidence (taking a file's bytes away for good) is the planning office's: it owns the
 * plan's data and answers for personal data published by mistake.
 */
export function canRedactEvidence(p: Principal): boolean {
  return hasRole(p, 'planning_office');
}

const missing = (id: string): ApiError => notFound(`佐证材料 ${id} / evidence file ${id}`);

/**
 * Withdraws a file from a draft or returned submission: same policy as writing the record (the
 * owning department, the planning office). The row and its bytes stay for the department and the
 * reviewers; the file is never shown to leaders or the public again, even if a later revision still
 * names it. Refused (409) for a file an approval covered (in force or superseded: that is a
 * redaction's job) and for one the submission under review names. Withdrawing twice changes nothing.
 */
export async function withdrawEvidence(
  ctx: AppContext,
  p: Principal,
  id: string,
  reason: string | undefined,
): Promise<EvidenceFileDto> {
  const row = await findEvidenceFile(ctx.db, id);
  if (row === undefined) throw missing(id);
  const subject = await evidenceSubjectOf(ctx, row.subjectKind, row.subjectKey);
  enforce(p, canWriteRecord(p, subject));
  if (row.withdrawnAt !== null || row.redactedAt !== null) return presentEvidenceFile(row);
  if (subject.everApprovedEvidenceIds.has(row.id)) {
    throw new ApiError(409, 'evidence-approved', {
      zh: `佐证材料“${row.originalName}”属于已审核通过的数据，不能撤回；如含有不应保留的内容，请联系规划办删除。`,
      en: `Evidence file “${row.originalName}” belongs to approved data and cannot be withdrawn; ask the planning office to redact it if it must go.`,
    });
  }
  if (subject.latest?.status === 'submitted' && subject.latest.values.evidence.includes(row.id)) {
    throw new ApiError(409, 'evidence-under-review', {
      zh: `佐证材料“${row.originalName}”所属的填报正在审核中，暂不能撤回。`,
      en: `Evidence file “${row.originalName}” belongs to a submission under review and cannot be withdrawn now.`,
    });
  }
  const note = reason?.trim() ?? '';
  const { row: updated } = await writeTransaction(ctx.db, (trx) =>
    withdrawEvidenceFile(trx, {
      id,
      actor: actorOf(p),
      reason: note === '' ? null : note,
      planId: subject.planId,
    }),
  );
  return presentEvidenceFile(updated);
}

/**
 * Redacts a file (planning office only, a reason required): the row stays with its name and size
 * for those who may see it, downloads answer 410, the audit log keeps who, when and why, and the
 * bytes are deleted from disk unless another unredacted row holds the same content (storage is
 * shared by content). Redacting twice changes nothing but still removes bytes left behind.
 */
export async function redactEvidence(
  ctx: AppContext,
  p: Principal,
  id: string,
  reason: string,
): Promise<EvidenceFileDto> {
  enforce(p, canRedactEvidence(p));
  const why = reason.trim();
  if (why === '') {
    throw new ApiError(400, 'redaction-reason-required', {
      zh: '删除佐证材料必须填写原因。',
      en: 'Redacting an evidence file requires a reason.',
    });
  }
  const row = await findEvidenceFile(ctx.db, id);
  if (row === undefined) throw missing(id);
  const subject = await evidenceSubjectOf(ctx, row.subjectKind, row.subjectKey);
  const redacted = await withContentLock(row.sha256, async () => {
    const result = await writeTransaction(ctx.db, (trx) =>
      redactEvidenceFile(trx, { id, actor: actorOf(p), reason: why, planId: subject.planId }),
    );
    // After the commit: a crash in between leaves bytes that only redacted rows name (an orphan),
    // never a live row without its bytes.
    if (!result.contentStillUsed) await removeContent(ctx.config.evidenceDir, result.row.storagePath);
    return result.row;
  });
  return presentEvidenceFile(redacted);
}

import type { PlanRecordKindName } from '@plantrack/core';
import { createNotificationsIfAbsent, submissionFacts } from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import type { ReviewFlowService } from '../records/review-flow.service.js';
import { submittedBatchMessages, submittedMessages } from './submission-notice.messages.js';

/*
 * Reviewers are told of new submissions in the app, and by e-mail where SMTP is configured: the
 * reminder job mails every unread notice not yet mailed (reminder.service.ts), one e-mail per
 * person and run, so a reviewer is not sent one e-mail per item.
 *
 * One notice per submitting request, not per item: a submission from the entry form names its one
 * item; an Excel upload that submits a department's twenty rows is one notice ("区统计局 submitted
 * 20 items"), because twenty notices for one act would bury the bell. Either notice is about the
 * submitting department (subject kind `department`) so that its link opens the queue filtered to
 * that department; with no department known (an office user), a single notice names its record.
 */

/** A revision that entered review, as both record presenters give it. */
type SubmittedDto = { key: string; period: string; revisionNo: number; status: string; action: string };

/** The element a record reports on (`indicatorId` of an observation, `taskId` of a progress report). */
function subjectOf(dto: object): { kind: 'indicator' | 'task'; id: string } | null {
  if ('indicatorId' in dto && typeof dto.indicatorId === 'string')
    return { kind: 'indicator', id: dto.indicatorId };
  if ('taskId' in dto && typeof dto.taskId === 'string') return { kind: 'task', id: dto.taskId };
  return null;
}

/** Tells every reviewer that one record entered review; once per revision (replays add nothing). */
export async function notifySubmitted(
  ctx: AppContext,
  p: Principal,
  kind: PlanRecordKindName,
  revision: SubmittedDto,
): Promise<void> {
  const subject = subjectOf(revision);
  if (revision.status !== 'submitted' || subject === null) return;
  const submitter = actorOf(p);
  const facts = await submissionFacts(ctx.db, { submitterId: submitter, subject });
  const { title, body } = submittedMessages({
    kind,
    subjectName: facts.subjectName,
    period: revision.period,
    department: facts.departmentName,
    person: facts.submitterName,
    corrected: revision.action === 'correct',
  });
  await createNotificationsIfAbsent(ctx.db, facts.reviewerIds, {
    kind: 'submitted',
    ...(facts.departmentId === null
      ? { subjectKind: kind, subjectKey: revision.key }
      : { subjectKind: 'department', subjectKey: facts.departmentId }),
    period: revision.period,
    planId: facts.planId,
    title,
    body,
    dedupeKey: `submitted|${kind}|${revision.key}|${revision.revisionNo}`,
  });
}

/**
 * Tells every reviewer that a department submitted `count` items in one upload of the Excel
 * template; once per uploaded file (`sha256`), so uploading it again adds nothing.
 */
export async function notifySubmittedBatch(
  ctx: AppContext,
  p: Principal,
  upload: { count: number; sha256: string; subject: { kind: 'indicator' | 'task'; id: string } | null },
): Promise<void> {
  if (upload.count === 0) return;
  const submitter = actorOf(p);
  const facts = await submissionFacts(ctx.db, {
    submitterId: submitter,
    subject: upload.subject ?? { kind: 'indicator', id: '' },
  });
  if (facts.departmentId === null) return;
  const { title, body } = submittedBatchMessages({
    count: upload.count,
    department: facts.departmentName,
    person: facts.submitterName,
  });
  await createNotificationsIfAbsent(ctx.db, facts.reviewerIds, {
    kind: 'submitted',
    subjectKind: 'department',
    subjectKey: facts.departmentId,
    planId: facts.planId,
    title,
    body,
    dedupeKey: `submitted|upload|${facts.departmentId}|${upload.sha256}`,
  });
}

/**
 * The review flow of one record kind, telling reviewers of every revision that enters review (a
 * submission, a correction). The write is committed first; a notice that cannot be written must
 * not turn it into an error (the submission is in the queue whatever the bell says).
 */
export function withSubmitNotice<R, V, Dto extends SubmittedDto>(
  service: ReviewFlowService<R, V, Dto>,
  kind: PlanRecordKindName,
): ReviewFlowService<R, V, Dto> {
  return {
    ...service,
    async write(ctx, p, input) {
      const revision = await service.write(ctx, p, input);
      if (input.action === 'submit') await notifySubmitted(ctx, p, kind, revision).catch(() => undefined);
      return revision;
    },
    async correct(ctx, p, key, input) {
      const revision = await service.correct(ctx, p, key, input);
      await notifySubmitted(ctx, p, kind, revision).catch(() => undefined);
      return revision;
    },
  };
}

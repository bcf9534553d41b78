import type { PlanRecordKindName } from '@plantrack/core';
import {
  type Notification,
  type NotificationPage,
  createNotificationIfAbsent,
  listNotifications,
  markNotificationRead,
  unreadNotificationCount,
  returnedRevision,
} from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canReadOwnNotifications, canRunReminders } from '../../policies/notification.policy.js';
import { enforce } from '../../policies/policy.js';
import { type ReminderCounts, type ReminderLog, runRemindersExclusive } from './reminder.service.js';
import { returnedMessages } from './reminder.messages.js';
import type { ReviewFlowService } from '../records/review-flow.service.js';

/** The caller's notifications, newest first, paged; `unread` keeps only those not yet read. */
export async function myNotifications(
  ctx: AppContext,
  p: Principal,
  query: { page: number; pageSize: number; unread?: boolean | undefined },
): Promise<NotificationPage> {
  enforce(p, canReadOwnNotifications(p));
  return listNotifications(ctx.db, {
    userId: p.userId ?? '',
    unreadOnly: query.unread === true,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** Marks one of the caller's notifications read; someone else's is not found (404). */
export async function readMyNotification(ctx: AppContext, p: Principal, id: string): Promise<Notification> {
  enforce(p, canReadOwnNotifications(p));
  return markNotificationRead(ctx.db, { userId: p.userId ?? '', id });
}

export async function myUnreadCount(ctx: AppContext, p: Principal): Promise<{ unread: number }> {
  enforce(p, canReadOwnNotifications(p));
  return { unread: await unreadNotificationCount(ctx.db, p.userId ?? '') };
}

/** Runs the reminder job now; 409 while a scheduled run is in progress. */
export async function runRemindersNow(
  ctx: AppContext,
  p: Principal,
  log: ReminderLog,
): Promise<ReminderCounts> {
  enforce(p, canRunReminders(p));
  const counts = await runRemindersExclusive(ctx, new Date(), { log });
  if (counts === null) {
    throw new ApiError(409, 'reminders-running', {
      zh: '提醒任务正在运行，请稍后再试。',
      en: 'The reminder job is running; try again shortly.',
    });
  }
  return counts;
}

/** The parts of a returned revision the notice needs (both record presenters have them). */
type ReturnedDto = {
  key: string;
  period: string;
  revisionNo: number;
  reason: string | null;
  supersedesId: string | null;
};

/**
 * Tells the author of a submission that a reviewer returned it, once per return (a replayed
 * request finds the notice already there). The e-mail, when SMTP is set, goes with the next run.
 */
export async function notifyReturned(
  ctx: AppContext,
  kind: PlanRecordKindName,
  revision: ReturnedDto,
): Promise<void> {
  if (revision.supersedesId === null) return;
  const source = await returnedRevision(ctx.db, kind, revision.supersedesId);
  if (source === undefined) return;
  const { title, body } = returnedMessages({
    kind,
    name: source.subjectName,
    period: revision.period,
    reason: revision.reason ?? '',
  });
  await createNotificationIfAbsent(ctx.db, {
    userId: source.authorId,
    kind: 'returned',
    subjectKind: kind,
    subjectKey: revision.key,
    period: revision.period,
    planId: source.planId,
    title,
    body,
    dedupeKey: `returned|${kind}|${revision.key}|${revision.revisionNo}`,
  });
}

/** The review flow of one record kind, with the return notice added to its `return` action. */
export function withReturnNotice<R, V, Dto extends ReturnedDto>(
  service: ReviewFlowService<R, V, Dto>,
  kind: PlanRecordKindName,
): ReviewFlowService<R, V, Dto> {
  return {
    ...service,
    async return(ctx, p, key, input) {
      const revision = await service.return(ctx, p, key, input);
      // The return is committed; a notice that cannot be written must not turn it into an error
      // (the reporter still sees the returned record and its reason in "my items").
      await notifyReturned(ctx, kind, revision).catch(() => undefined);
      return revision;
    },
  };
}

import {
  type OwedPeriod,
  type PendingEmail,
  createNotificationIfAbsent,
  isReported,
  listPlans,
  pendingEmails,
  recordEmailDelivery,
  reportersByDepartment,
} from '@plantrack/db';
import type { SmtpConfig } from '../../config.js';
import type { AppContext } from '../../context.js';
import { smtpMailer } from './reminder.mailer.js';
import { dueSoonMessages, overdueMessages, reminderEmail } from './reminder.messages.js';
import { ownedStatus } from '../records/reporting.service.js';
import { remindProjectReports } from './project-reminders.js';

/** What one run did. */
export type ReminderCounts = {
  /** The date periods and due dates were evaluated at (UTC, `YYYY-MM-DD`). */
  asOf: string;
  plans: number;
  /** Notifications created this run (a second run on the same day creates none). */
  dueSoon: number;
  overdue: number;
  /** E-mails (one per user) accepted by the SMTP server, and refused or failed. */
  emailsSent: number;
  emailsFailed: number;
  /** Users not tried this run because the SMTP server could not be reached; retried next run. */
  emailsDeferred: number;
};

/** Where the job reports trouble (Fastify's logger fits). */
export type ReminderLog = {
  warn: (detail: object, message: string) => void;
};

const SILENT: ReminderLog = { warn: () => undefined };

/** A notice that fails this often is not mailed again (an address that always bounces). */
export const MAX_EMAIL_ATTEMPTS = 24;

/** SMTP errors of the server rather than of one message: trying the next user now would fail alike. */
const SERVER_ERRORS = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'EAUTH', 'ETLS', 'EPROXY']);

/**
 * Which reminder an owed period calls for, if any. A period asked by a round is due-soon within
 * the round's reminder days (the server's `dueSoonDays` otherwise); a closed round reminds no one.
 */
function reminderKind(owed: OwedPeriod, dueSoonDays: number): 'due-soon' | 'overdue' | null {
  if (isReported(owed.state) || owed.round?.status === 'closed') return null;
  if (owed.overdue) return 'overdue';
  return owed.daysUntilDue <= (owed.round?.reminderDays ?? dueSoonDays) ? 'due-soon' : null;
}

/**
 * The reminder job: for every plan, every period an item owes that is overdue or due within
 * `config.dueSoonDays` of `now` (a round's own reminder days for the periods rounds ask), notifies every active reporter of the owning departments — once
 * per item, period and kind (a second run creates nothing); and the same for the major projects'
 * monthly reports, owed by their lead departments (project-reminders.ts). When `config.smtp` is set, then
 * e-mails each user one summary of their unread notices not yet mailed, and logs each delivery;
 * an SMTP failure is logged and retried by the next run, never thrown.
 */
export async function runReminders(
  ctx: AppContext,
  now: Date = new Date(),
  options: { log?: ReminderLog } = {},
): Promise<ReminderCounts> {
  const asOf = now.toISOString().slice(0, 10);
  const counts: ReminderCounts = {
    asOf,
    plans: 0,
    dueSoon: 0,
    overdue: 0,
    emailsSent: 0,
    emailsFailed: 0,
    emailsDeferred: 0,
  };
  const reporters = await reportersByDepartment(ctx.db);
  const planTitles = new Map<string, string>();
  for (const plan of await listPlans(ctx.db)) {
    if (plan.latestVersionId === null) continue;
    planTitles.set(plan.id, plan.title);
    counts.plans += 1;
    for (const { owed, owners } of await ownedStatus(ctx, plan.id, asOf)) {
      const kind = reminderKind(owed, ctx.config.dueSoonDays);
      if (kind === null) continue;
      const users = new Set(owners.flatMap((d) => reporters.get(d) ?? []));
      if (users.size === 0) continue;
      const subject = { ...owed, planTitle: plan.title };
      const { title, body } = kind === 'overdue' ? overdueMessages(subject) : dueSoonMessages(subject);
      for (const userId of users) {
        const { created } = await createNotificationIfAbsent(ctx.db, {
          userId,
          kind,
          subjectKind: owed.kind,
          subjectKey: owed.targetId,
          period: owed.period,
          planId: plan.id,
          dueDate: owed.dueDate,
          title,
          body,
          dedupeKey: `${kind}|${owed.kind}|${owed.targetId}|${owed.period}`,
          createdAt: now.toISOString(),
        });
        if (created) counts[kind === 'overdue' ? 'overdue' : 'dueSoon'] += 1;
      }
    }
  }
  // The major projects' monthly reports, owed by their lead departments.
  const projects = await remindProjectReports(ctx, { asOf, now, plans: planTitles, reporters });
  counts.dueSoon += projects.dueSoon;
  counts.overdue += projects.overdue;
  if (ctx.config.smtp !== null) {
    await sendEmails(ctx, ctx.config.smtp, counts, options.log ?? SILENT, now);
  }
  return counts;
}

/** One e-mail per user summarising their notices not yet mailed; every attempt is logged. */
async function sendEmails(
  ctx: AppContext,
  smtp: SmtpConfig,
  counts: ReminderCounts,
  log: ReminderLog,
  now: Date,
): Promise<void> {
  const byUser = new Map<string, PendingEmail[]>();
  for (const p of await pendingEmails(ctx.db, { maxAttempts: MAX_EMAIL_ATTEMPTS })) {
    byUser.set(p.notification.userId, [...(byUser.get(p.notification.userId) ?? []), p]);
  }
  if (byUser.size === 0) return;
  const mailer = smtpMailer(smtp);
  try {
    let serverDown = false;
    for (const group of byUser.values()) {
      const first = group[0];
      if (first === undefined) continue;
      if (serverDown) {
        counts.emailsDeferred += 1;
        continue;
      }
      const mail = reminderEmail(
        first.displayName,
        group.map((g) => g.notification),
        ctx.config.publicUrl,
      );
      let outcome: { status: 'sent'; messageId: string } | { status: 'failed'; error: string };
      try {
        const { messageId } = await mailer.send({ to: first.toAddress, ...mail });
        outcome = { status: 'sent', messageId };
        counts.emailsSent += 1;
      } catch (error) {
        const code = errorCode(error);
        outcome = { status: 'failed', error: `${code ?? 'ERROR'}: ${messageOf(error)}`.slice(0, 1000) };
        counts.emailsFailed += 1;
        serverDown = code !== null && SERVER_ERRORS.has(code);
        log.warn(
          { to: first.toAddress, code, notifications: group.length },
          'reminder e-mail failed; it is retried on the next run',
        );
      }
      for (const g of group) {
        await recordEmailDelivery(ctx.db, {
          notificationId: g.notification.id,
          toAddress: g.toAddress,
          status: outcome.status,
          error: outcome.status === 'failed' ? outcome.error : null,
          messageId: outcome.status === 'sent' ? outcome.messageId : null,
          attemptedAt: now.toISOString(),
        });
      }
    }
  } finally {
    mailer.close();
  }
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs in progress, per app: the scheduler and `POST /api/reminders/run` must not overlap. */
const running = new WeakSet<AppContext>();

/**
 * {@link runReminders} unless a run is already in progress for this app, in which case it
 * returns null at once (overlapping runs would only race each other to the same inserts and mails).
 */
export async function runRemindersExclusive(
  ctx: AppContext,
  now: Date = new Date(),
  options: { log?: ReminderLog } = {},
): Promise<ReminderCounts | null> {
  if (running.has(ctx)) return null;
  running.add(ctx);
  try {
    return await runReminders(ctx, now, options);
  } finally {
    running.delete(ctx);
  }
}

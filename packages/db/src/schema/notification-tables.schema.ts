import { PLAN_RECORD_KINDS } from '@plantrack/core';
import type { Timestamp } from './column-types.js';

/**
 * Why a user is told something: a report falls due soon, is overdue, was returned by a reviewer,
 * or (to reviewers) was submitted for review. Migrations 0007 and 0019 fix these values in a
 * CHECK constraint; a new kind needs a new migration.
 */
export const NOTIFICATION_KINDS = ['due-soon', 'overdue', 'returned', 'submitted'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What a notification is about: an item that owes a period, a reviewed record (of any kind), or a
 * department whose submissions await review (migration 0019), or a major project whose monthly
 * report is owed (migration 0023).
 */
export const NOTIFICATION_SUBJECT_KINDS = [
  'indicator',
  'task',
  ...PLAN_RECORD_KINDS,
  'department',
  'project',
] as const;
export type NotificationSubjectKind = (typeof NOTIFICATION_SUBJECT_KINDS)[number];

/** Outcome of one attempt to e-mail a notification. */
export const EMAIL_DELIVERY_STATUSES = ['sent', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/**
 * An in-app notification for one user (migration 0007). `dedupe_key` is unique per user, so a
 * reminder job that runs twice, or two servers running it at once, creates each notice once.
 */
export interface UserNotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  subject_kind: NotificationSubjectKind;
  /** Indicator, task or project id (reminders), or the record key (`returned`). */
  subject_key: string;
  period: string | null;
  plan_id: string | null;
  /** The due date the notice speaks of (`YYYY-MM-DD`), when it has one. */
  due_date: string | null;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** One attempt to e-mail a notification, kept as a log: a failed attempt is retried by the next run. */
export interface EmailDeliveriesTable {
  id: string;
  notification_id: string;
  to_address: string;
  status: EmailDeliveryStatus;
  /** The SMTP error of a failed attempt. */
  error: string | null;
  /** The Message-ID of a sent e-mail (one e-mail may carry several notifications). */
  message_id: string | null;
  attempted_at: Timestamp;
}

import { PLAN_RECORD_KINDS } from '@plantrack/core';
import { z } from 'zod';
import { MessagesSchema, PageQuerySchema } from './common.contract.js';

/** An in-app notification (due soon, overdue, returned; to reviewers: submitted). */
export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['due-soon', 'overdue', 'returned', 'submitted']),
    subjectKind: z.enum(['indicator', 'task', ...PLAN_RECORD_KINDS, 'department', 'project']),
    subjectKey: z
      .string()
      .describe(
        'Indicator, task or project id (reminders), the record key (returned), or the submitting department id (submitted)',
      ),
    period: z.string().nullable(),
    planId: z.string().nullable(),
    dueDate: z.string().nullable(),
    title: MessagesSchema,
    body: MessagesSchema,
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification', description: 'An in-app notification (Chinese and English texts)' });

/** `POST /api/reminders/run`: what one run of the reminder job did. */
export const ReminderCountsSchema = z
  .object({
    asOf: z.string(),
    plans: z.number().int(),
    dueSoon: z.number().int(),
    overdue: z.number().int(),
    emailsSent: z.number().int(),
    emailsFailed: z.number().int(),
    emailsDeferred: z.number().int(),
  })
  .meta({ id: 'ReminderCounts', description: 'What one run of the reminder job did' });

/** The shape of `NotificationSchema`. */
export type Notification = z.infer<typeof NotificationSchema>;
/** The shape of `ReminderCountsSchema`. */
export type ReminderCounts = z.infer<typeof ReminderCountsSchema>;

/** Query of `GET /api/my/notifications`: a page, optionally only the unread. */
export const NotificationQuerySchema = PageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().describe('`true`: only notifications not yet read'),
});

/** Answer of `GET /api/my/notifications/unread-count`. */
export const UnreadCountSchema = z.object({ unread: z.number().int() });

/** Query of the notification list. */
export type NotificationQuery = z.input<typeof NotificationQuerySchema>;
/** How many notifications are unread. */
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

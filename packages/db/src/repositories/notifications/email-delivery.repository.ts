import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { EmailDeliveryStatus } from '../../schema/notification-tables.schema.js';
import { newId, nowIso } from '../../support/ids.js';
import { type Notification, toNotification } from './notification.repository.js';

/** A notification still to be e-mailed, with its recipient. */
export type PendingEmail = { notification: Notification; toAddress: string; displayName: string };

/**
 * Notifications that still need an e-mail: unread (a notice already seen in the app needs no
 * mail), addressed to an active user, never sent, and failed fewer than `maxAttempts` times (so an
 * address that always bounces is not retried for ever). Oldest first.
 */
export async function pendingEmails(
  db: Kysely<Database>,
  args: { maxAttempts: number },
): Promise<PendingEmail[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .selectAll('n')
    .select(['u.email as to_address', 'u.display_name'])
    .where('u.active', '=', 1)
    .where('n.read_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('email_deliveries as d')
            .select('d.id')
            .whereRef('d.notification_id', '=', 'n.id')
            .where('d.status', '=', 'sent'),
        ),
      ),
    )
    .where(
      (eb) =>
        eb
          .selectFrom('email_deliveries as f')
          .select((f) => f.fn.countAll<number>().as('failures'))
          .whereRef('f.notification_id', '=', 'n.id')
          .where('f.status', '=', 'failed'),
      '<',
      args.maxAttempts,
    )
    .orderBy('n.id')
    .execute();
  return rows.map((r) => ({
    notification: toNotification(r),
    toAddress: r.to_address,
    displayName: r.display_name,
  }));
}

/** Logs one attempt to e-mail one notification. */
export async function recordEmailDelivery(
  db: Kysely<Database>,
  args: {
    notificationId: string;
    toAddress: string;
    status: EmailDeliveryStatus;
    error?: string | null;
    messageId?: string | null;
    attemptedAt?: string;
  },
): Promise<void> {
  await db
    .insertInto('email_deliveries')
    .values({
      id: newId(),
      notification_id: args.notificationId,
      to_address: args.toAddress,
      status: args.status,
      error: args.error ?? null,
      message_id: args.messageId ?? null,
      attempted_at: args.attemptedAt ?? nowIso(),
    })
    .execute();
}

/** The delivery attempts of a notification, oldest first. */
export async function emailDeliveriesOf(
  db: Kysely<Database>,
  notificationId: string,
): Promise<
  { toAddress: string; status: EmailDeliveryStatus; error: string | null; messageId: string | null }[]
> {
  const rows = await db
    .selectFrom('email_deliveries')
    .select(['to_address', 'status', 'error', 'message_id'])
    .where('notification_id', '=', notificationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    toAddress: r.to_address,
    status: r.status,
    error: r.error,
    messageId: r.message_id,
  }));
}

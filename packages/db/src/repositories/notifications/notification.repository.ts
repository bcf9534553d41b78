import type { Insertable, Kysely, Selectable } from 'kysely';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type {
  NotificationKind,
  NotificationSubjectKind,
  UserNotificationsTable,
} from '../../schema/notification-tables.schema.js';
import { newId, nowIso } from '../../support/ids.js';

/** A notification as read back. */
export type Notification = {
  id: string;
  userId: string;
  kind: NotificationKind;
  subjectKind: NotificationSubjectKind;
  subjectKey: string;
  period: string | null;
  planId: string | null;
  dueDate: string | null;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  createdAt: string;
  readAt: string | null;
};

/** What to notify; `dedupeKey` names the event, so the same event never notifies a user twice. */
export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  subjectKind: NotificationSubjectKind;
  subjectKey: string;
  period?: string | null;
  planId?: string | null;
  dueDate?: string | null;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  dedupeKey: string;
  /** Creation time (default now); the reminder job passes its own clock. */
  createdAt?: string;
};

export function toNotification(row: Selectable<UserNotificationsTable>): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    subjectKind: row.subject_kind,
    subjectKey: row.subject_key,
    period: row.period,
    planId: row.plan_id,
    dueDate: row.due_date,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/**
 * Creates the notification unless the user already has one with the same `dedupeKey`.
 * `INSERT … ON CONFLICT DO NOTHING` on both dialects, so concurrent runs cannot create duplicates
 * and a conflict does not abort the caller's PostgreSQL transaction. Returns whether it was new.
 */
export async function createNotificationIfAbsent(
  db: Kysely<Database>,
  input: NewNotification,
): Promise<{ created: boolean; id: string | null }> {
  const [row] = rowsOf([input]);
  const result = await insertIfAbsent(db, [row as NotificationRow]);
  const created = result > 0;
  return { created, id: created ? (row?.id ?? null) : null };
}

/**
 * The same notice for each of `userIds`, in one multi-row statement (a submission tells every
 * reviewer at once); a user who already has its `dedupeKey` is skipped. Returns how many were new.
 */
export async function createNotificationsIfAbsent(
  db: Kysely<Database>,
  userIds: readonly string[],
  notice: Omit<NewNotification, 'userId'>,
): Promise<number> {
  if (userIds.length === 0) return 0;
  return insertIfAbsent(db, rowsOf(userIds.map((userId) => ({ ...notice, userId }))));
}

type NotificationRow = Insertable<UserNotificationsTable>;

function rowsOf(inputs: readonly NewNotification[]): NotificationRow[] {
  const now = nowIso();
  return inputs.map((input) => ({
    id: newId(),
    user_id: input.userId,
    kind: input.kind,
    subject_kind: input.subjectKind,
    subject_key: input.subjectKey,
    period: input.period ?? null,
    plan_id: input.planId ?? null,
    due_date: input.dueDate ?? null,
    title_zh: input.title.zh,
    title_en: input.title.en,
    body_zh: input.body.zh,
    body_en: input.body.en,
    dedupe_key: input.dedupeKey,
    created_at: input.createdAt ?? now,
    read_at: null,
  }));
}

async function insertIfAbsent(db: Kysely<Database>, rows: NotificationRow[]): Promise<number> {
  const result = await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** A page of a user's notifications, newest first. */
export type NotificationPage = { items: Notification[]; total: number; page: number; pageSize: number };

/** Lists a user's notifications, newest first (`unreadOnly`: only those not yet read). */
export async function listNotifications(
  db: Kysely<Database>,
  args: { userId: string; unreadOnly?: boolean; page?: number; pageSize?: number },
): Promise<NotificationPage> {
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? 50;
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
    throw new InvalidInputError({
      zh: '分页参数不正确：页码从 1 开始，每页 1–500 条。',
      en: 'Invalid paging: pages start at 1 and hold 1–500 items.',
    });
  }
  let base = db.selectFrom('notifications').where('user_id', '=', args.userId);
  if (args.unreadOnly === true) base = base.where('read_at', 'is', null);
  const rows = await base
    .selectAll()
    // Ids are UUID v7 and sort in creation order: the tie-breaker for notices of the same instant.
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toNotification), total: Number(count.n), page, pageSize };
}

/**
 * Marks one of the user's notifications read (idempotent: the first reading time is kept).
 * Another user's notification is reported as not found, so ids of others' notices reveal nothing.
 */
export async function markNotificationRead(
  db: Kysely<Database>,
  args: { userId: string; id: string; at?: string },
): Promise<Notification> {
  await db
    .updateTable('notifications')
    .set({ read_at: args.at ?? nowIso() })
    .where('id', '=', args.id)
    .where('user_id', '=', args.userId)
    .where('read_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', args.id)
    .where('user_id', '=', args.userId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError({ zh: `通知不存在：${args.id}`, en: `No such notification: ${args.id}` });
  }
  return toNotification(row);
}

/** How many of the user's notifications are unread. */
export async function unreadNotificationCount(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

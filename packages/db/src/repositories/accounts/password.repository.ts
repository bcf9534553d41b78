import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { revokeUserApiTokens } from './api-token.repository.js';
import { appendAudit } from '../audit/audit.repository.js';

type Db = Kysely<Database>;

/** What {@link replacePassword} writes. */
export type PasswordReplacement = {
  userId: string;
  /** The new hash (argon2id, made by the server); never written to the audit log. */
  passwordHash: string;
  /** True when an administrator chose the password: the user must change it at next sign-in. */
  mustChange: boolean;
  actor: string;
  /** The SHA-256 of the session that made the change, kept signed in; null ends every session. */
  keepSessionHash: string | null;
};

/**
 * Replaces a user's password: the hash and the must-change flag, every API token revoked (a token
 * must not outlive the password it was issued under) and every other session ended. Joins the
 * caller's transaction (an administrator's user change) or opens one; audited as
 * `user.password_changed` only when the user changed it themselves, since an administrator's change
 * is audited with the rest of the user change.
 */
export async function replacePassword(db: Db, change: PasswordReplacement): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: change.passwordHash, must_change_password: change.mustChange ? 1 : 0 })
      .where('id', '=', change.userId)
      .execute();
    await revokeUserApiTokens(trx, {
      userId: change.userId,
      actor: change.actor,
      reason: change.mustChange ? 'password-reset' : 'password-changed',
    });
    let sessions = trx.deleteFrom('sessions').where('user_id', '=', change.userId);
    if (change.keepSessionHash !== null) sessions = sessions.where('id_hash', '!=', change.keepSessionHash);
    await sessions.execute();
    if (change.actor === change.userId) {
      await appendAudit(trx, {
        actor: change.actor,
        action: 'user.password_changed',
        entity: 'user',
        entityId: change.userId,
      });
    }
  });
}

/** Whether the user must change the password an administrator set before doing anything else. */
export async function mustChangePassword(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('must_change_password')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.must_change_password === 1;
}

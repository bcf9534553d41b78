import type { DatabaseHandle } from '../../connection.factory.js';
import { ConflictError } from '../../errors.js';
import type { Role } from '../../schema/people-tables.schema.js';
import { dialectOf, writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { revokeUserApiTokens } from './api-token.repository.js';
import { appendAudit } from '../audit/audit.repository.js';
import { replacePassword } from './password.repository.js';

/**
 * Users and roles (migration 0002): create, find, list, change, audited. API tokens and password
 * replacement are in api-token.repository.ts and password.repository.ts.
 */
type Db = DatabaseHandle['db'];

export type UserRecord = {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  departmentId: string | null;
  active: boolean;
  roles: Role[];
  createdAt: string;
  /** An administrator set the password; the user must change it before anything else. */
  mustChangePassword: boolean;
};

export type NewUser = {
  email: string;
  displayName: string;
  passwordHash: string | null;
  departmentId?: string | null;
  roles: readonly Role[];
  grantedBy: string;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user with roles, audited; a taken e-mail address is a `ConflictError`. */
export async function createUser(db: Db, input: NewUser): Promise<UserRecord> {
  const id = newId();
  const email = normalizeEmail(input.email);
  return writeTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken !== undefined) {
      throw new ConflictError('duplicate', {
        zh: `邮箱已被使用：${email}`,
        en: `E-mail address already in use: ${email}`,
      });
    }
    const at = nowIso();
    await trx
      .insertInto('users')
      .values({
        id,
        email,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        department_id: input.departmentId ?? null,
        active: 1,
        created_at: at,
      })
      .execute();
    for (const role of new Set(input.roles)) {
      await trx
        .insertInto('user_roles')
        .values({ user_id: id, role, granted_at: at, granted_by: input.grantedBy })
        .execute();
    }
    await appendAudit(trx, {
      actor: input.grantedBy,
      action: 'user.created',
      entity: 'user',
      entityId: id,
      detail: { email, roles: [...new Set(input.roles)], departmentId: input.departmentId ?? null },
    });
    return {
      id,
      email,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      departmentId: input.departmentId ?? null,
      active: true,
      roles: [...new Set(input.roles)],
      createdAt: at,
      mustChangePassword: false,
    };
  });
}

async function withRoles(
  db: Db,
  row:
    | {
        id: string;
        email: string;
        display_name: string;
        password_hash: string | null;
        department_id: string | null;
        active: number;
        created_at: string;
        must_change_password: number;
      }
    | undefined,
): Promise<UserRecord | undefined> {
  if (row === undefined) return undefined;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', row.id).execute();
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    departmentId: row.department_id,
    active: row.active === 1,
    roles: roles.map((r) => r.role).sort(),
    createdAt: row.created_at,
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return withRoles(db, row);
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return withRoles(db, row);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A department's id by its canonical name (any region), for seeding and configuration. */
export async function departmentIdsByName(db: Db, names: readonly string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'canonical_name'])
    .where('canonical_name', 'in', [...names])
    .execute();
  return new Map(rows.map((r) => [r.canonical_name, r.id]));
}

/** Filters of {@link listUsers}; all optional and combined with AND. */
export type UserFilter = {
  role?: Role | undefined;
  departmentId?: string | undefined;
  active?: boolean | undefined;
};

/** One page of users (by e-mail address) with the total count under the filter. */
export async function listUsers(
  db: Db,
  filter: UserFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: UserRecord[]; total: number }> {
  let q = db.selectFrom('users as u');
  if (filter.role !== undefined) {
    const role = filter.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (filter.departmentId !== undefined) q = q.where('u.department_id', '=', filter.departmentId);
  if (filter.active !== undefined) q = q.where('u.active', '=', filter.active ? 1 : 0);
  const counted = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('u')
    .orderBy('u.email')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const items: UserRecord[] = [];
  for (const row of rows) {
    const user = await withRoles(db, row);
    if (user !== undefined) items.push(user);
  }
  return { items, total: Number(counted.n) };
}

/** What an administrator may change about a user; absent fields stay as they are. */
export type UserChange = {
  displayName?: string | undefined;
  roles?: readonly Role[] | undefined;
  departmentId?: string | null | undefined;
  active?: boolean | undefined;
  /** A new password hash (never written to the audit log). */
  passwordHash?: string | undefined;
};

/** The change would leave no active administrator, so nobody could administer users any more. */
export class LastAdministratorError extends Error {
  constructor() {
    super('The last active administrator cannot be demoted or deactivated.');
    this.name = 'LastAdministratorError';
  }
}

const isActiveAdministrator = (u: { active: boolean; roles: readonly Role[] }): boolean =>
  u.active && u.roles.includes('administrator');

/**
 * Applies a change to a user, audited (roles, department and active flag before and after; only
 * the fact of a password reset). Refuses with {@link LastAdministratorError} a change that would
 * demote or deactivate the last active administrator; on PostgreSQL the administrators' rows are
 * locked first so two administrators demoting each other at once cannot both succeed (SQLite
 * serialises writers already).
 */
export async function updateUser(
  db: Db,
  args: { userId: string; change: UserChange; actor: string },
): Promise<UserRecord | undefined> {
  const { userId, change } = args;
  return writeTransaction(db, async (trx) => {
    if (dialectOf(trx) === 'postgres') {
      await trx
        .selectFrom('users')
        .select('id')
        .where('id', 'in', trx.selectFrom('user_roles').select('user_id').where('role', '=', 'administrator'))
        .forUpdate()
        .execute();
    }
    const before = await findUserById(trx, userId);
    if (before === undefined) return undefined;
    const after = {
      active: change.active ?? before.active,
      roles: change.roles === undefined ? before.roles : [...new Set(change.roles)].sort(),
    };
    if (isActiveAdministrator(before) && !isActiveAdministrator(after)) {
      if ((await countActiveAdministrators(trx, userId)) === 0) throw new LastAdministratorError();
    }
    const columns = {
      ...(change.displayName === undefined ? {} : { display_name: change.displayName }),
      ...(change.departmentId === undefined ? {} : { department_id: change.departmentId }),
      ...(change.active === undefined ? {} : { active: change.active ? (1 as const) : (0 as const) }),
    };
    if (Object.keys(columns).length > 0) {
      await trx.updateTable('users').set(columns).where('id', '=', userId).execute();
    }
    if (change.passwordHash !== undefined) {
      // An administrator's password: changed at next sign-in; tokens and sessions end with the old one.
      const reset = { userId, passwordHash: change.passwordHash, mustChange: true, keepSessionHash: null };
      await replacePassword(trx, { ...reset, actor: args.actor });
    }
    if (change.active === false) {
      // Revoked, not merely refused while inactive: reactivating the user must not revive them.
      await revokeUserApiTokens(trx, { userId, actor: args.actor, reason: 'deactivated' });
    }
    if (change.roles !== undefined) await replaceRoles(trx, userId, after.roles, before.roles, args.actor);
    const updated = await findUserById(trx, userId);
    if (updated === undefined) return undefined;
    await appendAudit(trx, {
      actor: args.actor,
      action: 'user.updated',
      entity: 'user',
      entityId: userId,
      detail: {
        before: auditView(before),
        after: auditView(updated),
        passwordReset: change.passwordHash !== undefined,
      },
    });
    return updated;
  });
}

function auditView(u: UserRecord) {
  return {
    displayName: u.displayName,
    roles: u.roles,
    departmentId: u.departmentId,
    active: u.active,
  };
}

async function replaceRoles(
  db: Db,
  userId: string,
  roles: readonly Role[],
  previous: readonly Role[],
  actor: string,
): Promise<void> {
  const removed = previous.filter((r) => !roles.includes(r));
  if (removed.length > 0) {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', 'in', removed).execute();
  }
  const at = nowIso();
  for (const role of roles.filter((r) => !previous.includes(r))) {
    await db
      .insertInto('user_roles')
      .values({ user_id: userId, role, granted_at: at, granted_by: actor })
      .execute();
  }
}

/** Active administrators other than `exceptUserId`. */
async function countActiveAdministrators(db: Db, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('r.role', '=', 'administrator')
    .where('u.active', '=', 1)
    .where('u.id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether a department with this id exists. */
export async function departmentExists(db: Db, departmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return row !== undefined;
}

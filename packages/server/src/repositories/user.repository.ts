import {
  type DatabaseHandle,
  type Role,
  ConflictError,
  appendAudit,
  newId,
  nowIso,
  writeTransaction,
} from '@plantrack/db';

/**
 * Users, roles and API tokens. The tables belong to @plantrack/db (migration 0002) but it has no
 * repository for them yet; this one lives in the server until it moves there.
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

/** Stores an API token's hash for a user, audited. */
export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; tokenHash: string; expiresAt: string | null },
): Promise<{ id: string }> {
  const id = newId();
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        user_id: input.userId,
        name: input.name,
        token_hash: input.tokenHash,
        created_at: nowIso(),
        expires_at: input.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: input.userId,
      action: 'api_token.created',
      entity: 'api_token',
      entityId: id,
      detail: { name: input.name, expiresAt: input.expiresAt },
    });
  });
  return { id };
}

/** The active user holding a live (not revoked, not expired) token with this hash. */
export async function findUserByTokenHash(db: Db, tokenHash: string): Promise<UserRecord | undefined> {
  const token = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  const now = nowIso();
  if (token === undefined || token.revoked_at !== null) return undefined;
  if (token.expires_at !== null && token.expires_at <= now) return undefined;
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
  return findUserById(db, token.user_id);
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

import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { ROLES, type ApiTokensTable, type Role } from '../../schema/people-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';

type Db = Kysely<Database>;

/** An API token as its owner and administrators see it (never the token or its hash). */
export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Only GET, HEAD and OPTIONS are allowed. */
  readOnly: boolean;
  /** The roles chosen at issue (null: the owner's roles, for tokens issued before scopes). */
  roles: Role[] | null;
};

/** A token found by its hash that may be used now: not revoked, not expired. */
export type LiveApiToken = Pick<ApiToken, 'id' | 'userId' | 'expiresAt' | 'readOnly' | 'roles'>;

/** What {@link createApiToken} stores. */
export type NewApiToken = {
  userId: string;
  name: string;
  tokenHash: string;
  expiresAt: string;
  readOnly: boolean;
  roles: readonly Role[];
};

/**
 * How stale `api_tokens.last_used_at` may get. Recording every use would turn each authenticated
 * read into a write (and a commit) queued on the token's row or SQLite's single writer; the column
 * only has to say roughly when a token was last used.
 */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/** Most tokens listed for one user; a user with more revokes some first. */
const LIST_LIMIT = 500;

const isRole = (value: unknown): value is Role => ROLES.some((r) => r === value);

function parseRoles(json: string | null): Role[] | null {
  if (json === null) return null;
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter(isRole) : [];
}

function present(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    readOnly: row.read_only === 1,
    roles: parseRoles(row.roles_json),
  };
}

/** Stores a new token's hash with its scope and expiry, audited (without the token). */
export async function createApiToken(db: Db, input: NewApiToken): Promise<ApiToken> {
  const id = newId();
  const roles = [...new Set(input.roles)].sort();
  const row: Selectable<ApiTokensTable> = {
    id,
    user_id: input.userId,
    name: input.name,
    token_hash: input.tokenHash,
    created_at: nowIso(),
    expires_at: input.expiresAt,
    revoked_at: null,
    last_used_at: null,
    read_only: input.readOnly ? 1 : 0,
    roles_json: JSON.stringify(roles),
  };
  await writeTransaction(db, async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await appendAudit(trx, {
      actor: input.userId,
      action: 'api_token.created',
      entity: 'api_token',
      entityId: id,
      detail: { name: input.name, expiresAt: input.expiresAt, readOnly: input.readOnly, roles },
    });
  });
  return present(row);
}

/**
 * The token with this hash if it may be used now (not revoked, not expired), whoever owns it (the
 * caller checks that the owner is active). Records the use at most once per
 * {@link TOKEN_USE_RESOLUTION_MS}, with a conditional update, so of many requests racing past the
 * read only one writes.
 */
export async function findLiveApiToken(
  db: Db,
  tokenHash: string,
  nowMs: number = Date.now(),
): Promise<LiveApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  const now = new Date(nowMs).toISOString();
  if (row === undefined || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= now) return undefined;
  const cutoff = new Date(nowMs - TOKEN_USE_RESOLUTION_MS).toISOString();
  if (row.last_used_at === null || row.last_used_at < cutoff) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', cutoff)]))
      .execute();
  }
  const { id, userId, expiresAt, readOnly, roles } = present(row);
  return { id, userId, expiresAt, readOnly, roles };
}

/** A user's tokens, newest first, revoked and expired ones included (they say when they ended). */
export async function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map(present);
}

/**
 * Revokes one token of a user, audited. Returns the token as it is now, or undefined when the
 * user has no token with this id; revoking a revoked token changes nothing and is not an error.
 */
export async function revokeApiToken(
  db: Db,
  args: { userId: string; tokenId: string; actor: string },
): Promise<ApiToken | undefined> {
  return writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', args.tokenId)
      .where('user_id', '=', args.userId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    if (row.revoked_at !== null) return present(row);
    const revokedAt = nowIso();
    await trx.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', row.id).execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: 'api_token.revoked',
      entity: 'api_token',
      entityId: row.id,
      detail: { userId: args.userId, name: row.name, reason: 'revoked' },
    });
    return present({ ...row, revoked_at: revokedAt });
  });
}

/** Why all of a user's tokens were revoked at once (written to the audit log). */
export type TokenRevocationReason = 'password-changed' | 'password-reset' | 'deactivated';

/**
 * Revokes every live token of a user, with one audit record naming how many and why. Joins the
 * caller's transaction, so a password change or deactivation and its revocations commit together.
 */
export async function revokeUserApiTokens(
  db: Db,
  args: { userId: string; actor: string; reason: TokenRevocationReason },
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const live = await trx
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', args.userId)
      .where('revoked_at', 'is', null)
      .execute();
    if (live.length === 0) return 0;
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('user_id', '=', args.userId)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: 'api_token.revoked',
      entity: 'user',
      entityId: args.userId,
      detail: { count: live.length, reason: args.reason },
    });
    return live.length;
  });
}

import type { Generated } from 'kysely';
import type { Flag, JsonText, Timestamp } from './column-types.js';

/** Roles of the monitoring service (see the product brief, §3). */
export const ROLES = [
  'administrator',
  'planning_office',
  'department_reporter',
  'reviewer',
  'leader',
  'public',
] as const;

/** One role a user holds. */
export type Role = (typeof ROLES)[number];

/**
 * A department (责任单位) under its canonical name. Names like `区发展和改革局` repeat in every
 * district, so a department belongs to a region (the plan's GB/T 2260 code, or its name).
 */
export interface DepartmentsTable {
  id: string;
  region_code: string;
  canonical_name: string;
  /** 1 when the name was resolved by the department registry, 0 when taken as written. */
  known: Flag;
  created_at: Timestamp;
  /** 0 once the office deactivated it: kept for history, not offered for new owners or users (0017). */
  active: Generated<Flag>;
  /** The contact person the office calls about the department's figures (0017). */
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

/** Another name of a department (`区发改局` for `区发展和改革局`), unique within a region. */
export interface DepartmentAliasesTable {
  id: string;
  department_id: string;
  region_code: string;
  alias: string;
}

/** A person who signs in. Department reporters belong to a department. */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  /** Password hash (argon2id by the server); null for accounts that sign in another way. */
  password_hash: string | null;
  department_id: string | null;
  active: Flag;
  created_at: Timestamp;
  /** 1 after an administrator set the password: only the password change is open (0013). */
  must_change_password: Generated<Flag>;
}

/** The roles of a user. */
export interface UserRolesTable {
  user_id: string;
  role: Role;
  granted_at: Timestamp;
  granted_by: string;
}

/** API tokens for scripts and the CLI; only a hash of the token is stored. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** 1: the token may only read (GET/HEAD/OPTIONS) (0013). */
  read_only: Generated<Flag>;
  /**
   * The roles chosen at issue, a JSON array; the token acts with those of them its owner still
   * holds. Null for tokens issued before scopes existed: the owner's current roles (0013).
   */
  roles_json: Generated<JsonText | null>;
}

/** Roles as the API names them (see packages/db `ROLES`). */
export type Role =
  'administrator' | 'planning_office' | 'department_reporter' | 'reviewer' | 'leader' | 'public';

/** `GET /api/me`. */
export type Me = {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  /** An administrator set the password: the server opens nothing but the password change. */
  mustChangePassword: boolean;
};

/** `GET /api/auth/password-policy`. */
export type PasswordPolicy = { minLength: number; messages: { zh: string; en: string } };

/** `GET /api/plans` rows. */
export type PlanSummary = {
  id: string;
  slug: string;
  title: string;
  regionCode: string | null;
  latestVersionId: string | null;
  latestVersionNo: number | null;
};

/** A page of results as the list routes return them. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

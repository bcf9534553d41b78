import {
  type UserChange,
  type UserFilter,
  type UserRecord,
  LastAdministratorError,
  createUser,
  departmentExists,
  departmentIdsNamed,
  findUserById,
  listUsers,
  updateUser,
  departmentNames,
} from '@plantrack/db';
import type { Role } from '@plantrack/db';
import { hashPassword } from '../../auth/password.js';
import { generatePassword, passwordWeakness } from '../../auth/password-policy.js';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import { canManageUsers } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';
import type { Page } from '../plan/plan.service.js';
import { refuseInactiveDepartment } from '../organisation/department-active.js';

/** A user as administrators see it: never a password hash. */
export type UserDto = {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  departmentName: string | null;
  active: boolean;
  createdAt: string;
};

/** A created or reset user, with the generated password when the server chose one (shown once). */
export type UserWithPasswordDto = { user: UserDto; generatedPassword: string | null };

export type NewUserInput = {
  email: string;
  displayName: string;
  roles: Role[];
  departmentId?: string | null | undefined;
  department?: string | undefined;
  password?: string | undefined;
};

export type UserPatchInput = {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  departmentId?: string | null | undefined;
  department?: string | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
  resetPassword?: boolean | undefined;
};

/** Refuses a password an administrator typed that breaks the policy (400, zh/en, with the policy). */
export function checkPasswordPolicy(password: string | undefined, email: string): void {
  if (password === undefined) return;
  const weakness = passwordWeakness(password, email);
  if (weakness !== null) throw new ApiError(400, 'weak-password', weakness);
}

async function present(ctx: AppContext, users: readonly UserRecord[]): Promise<UserDto[]> {
  const names = await departmentNames(ctx.db, [
    ...new Set(users.flatMap((u) => (u.departmentId === null ? [] : [u.departmentId]))),
  ]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    departmentId: u.departmentId,
    departmentName: u.departmentId === null ? null : (names.get(u.departmentId) ?? null),
    active: u.active,
    createdAt: u.createdAt,
  }));
}

export async function presentOne(ctx: AppContext, user: UserRecord): Promise<UserDto> {
  const [dto] = await present(ctx, [user]);
  if (dto === undefined) throw new Error('A user could not be presented.');
  return dto;
}

/**
 * The department a request names for a user — `department` or `departmentId`, each an id, a
 * canonical name or an alias, like the owners routes — as an id; undefined when neither is given,
 * null when the user is to have none. Unknown or ambiguous names are a 400 in Chinese and English.
 */
async function departmentOf(
  ctx: AppContext,
  input: { departmentId?: string | null | undefined; department?: string | undefined },
): Promise<string | null | undefined> {
  if (input.department !== undefined && input.departmentId !== undefined) {
    throw new ApiError(400, 'department-twice', {
      zh: '请只给出 department 或 departmentId 之一。',
      en: 'Give either department or departmentId, not both.',
    });
  }
  const ref = input.department ?? input.departmentId;
  if (ref === undefined || ref === null) return ref;
  if (await departmentExists(ctx.db, ref)) return ref;
  const ids = await departmentIdsNamed(ctx.db, ref);
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  if (ids.length > 1) {
    throw new ApiError(400, 'ambiguous-department', {
      zh: `有多个名为“${ref}”的单位（不同地区），请用单位 id 指定。`,
      en: `More than one department (in different regions) is named "${ref}"; give its id.`,
    });
  }
  throw new ApiError(400, 'unknown-department', {
    zh: `未找到单位“${ref}”。请先在单位管理中添加该单位或别名，或使用单位 id。`,
    en: `Unknown department "${ref}": add it or the alias under departments first, or give its id.`,
  });
}

/** A reporter reports for a department, so one without a department could never report. */
function checkDepartment(roles: readonly Role[], departmentId: string | null): void {
  if (roles.includes('department_reporter') && departmentId === null) {
    throw new ApiError(400, 'department-required', {
      zh: '部门填报员必须指定所属单位。',
      en: 'A department reporter must belong to a department.',
    });
  }
}

export async function users(
  ctx: AppContext,
  p: Principal,
  query: UserFilter & { page: number; pageSize: number },
): Promise<Page<UserDto>> {
  enforce(p, canManageUsers(p));
  const { page, pageSize, ...filter } = query;
  const { items, total } = await listUsers(ctx.db, filter, { page, pageSize });
  return { items: await present(ctx, items), page, pageSize, total };
}

/** Creates a user; without a password one is generated and returned once. Audited without secrets. */
export async function addUser(
  ctx: AppContext,
  p: Principal,
  input: NewUserInput,
): Promise<UserWithPasswordDto> {
  enforce(p, canManageUsers(p));
  const departmentId = (await departmentOf(ctx, input)) ?? null;
  if (departmentId !== null) await refuseInactiveDepartment(ctx, departmentId);
  checkDepartment(input.roles, departmentId);
  checkPasswordPolicy(input.password, input.email);
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const user = await createUser(ctx.db, {
    email: input.email,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password ?? generatedPassword ?? ''),
    roles: input.roles,
    departmentId,
    grantedBy: actorOf(p),
  });
  return { user: await presentOne(ctx, user), generatedPassword };
}

/**
 * Changes a user's name, roles, department, active flag or password. Deactivating or replacing the
 * password ends the user's sessions and revokes their API tokens (reactivation revives none); a
 * replaced password must be changed by the user at the next sign-in.
 */
export async function changeUser(
  ctx: AppContext,
  p: Principal,
  userId: string,
  input: UserPatchInput,
): Promise<UserWithPasswordDto> {
  enforce(p, canManageUsers(p));
  if (input.password !== undefined && input.resetPassword === true) {
    throw new ApiError(400, 'password-conflict', {
      zh: '请只选择一种方式：指定新密码，或由系统生成。',
      en: 'Either give a new password or ask for a generated one, not both.',
    });
  }
  const before = await findUserById(ctx.db, userId);
  if (before === undefined) throw notFound(`user ${userId}`);
  checkPasswordPolicy(input.password, before.email);
  const departmentId = await departmentOf(ctx, input);
  // Moving someone into a retired department is refused; keeping their current one is not.
  if (departmentId !== undefined && departmentId !== null && departmentId !== before.departmentId) {
    await refuseInactiveDepartment(ctx, departmentId);
  }
  checkDepartment(
    input.roles ?? before.roles,
    departmentId === undefined ? before.departmentId : departmentId,
  );
  const generatedPassword = input.resetPassword === true ? generatePassword() : null;
  const newPassword = input.password ?? generatedPassword;
  const change: UserChange = {
    displayName: input.displayName,
    roles: input.roles,
    departmentId,
    active: input.active,
    passwordHash: newPassword === null ? undefined : await hashPassword(newPassword),
  };
  try {
    const user = await updateUser(ctx.db, { userId, change, actor: actorOf(p) });
    ctx.tokenPrincipals.forgetAll(); // Roles, department or access may have changed.
    if (user === undefined) throw notFound(`user ${userId}`);
    // A deactivated account, or one whose password an administrator replaced, is signed out everywhere.
    if (input.active === false || newPassword !== null) await ctx.sessions.deleteForUser(userId);
    return { user: await presentOne(ctx, user), generatedPassword };
  } catch (error) {
    if (!(error instanceof LastAdministratorError)) throw error;
    throw new ApiError(409, 'last-administrator', {
      zh: '不能停用或撤销最后一位在用的系统管理员，请先任命另一位管理员。',
      en: 'The last active administrator cannot be demoted or deactivated; appoint another administrator first.',
    });
  }
}

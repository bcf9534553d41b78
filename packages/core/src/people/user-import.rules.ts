import type { BilingualMessage } from '../model/plan-model.schema.js';

/** The roles a sheet may name, as the API names them. */
export const IMPORT_ROLES = [
  'administrator',
  'planning_office',
  'department_reporter',
  'reviewer',
  'leader',
  'public',
] as const;

/** One role a sheet may name. */
export type ImportRole = (typeof IMPORT_ROLES)[number];

/** Chinese and English names offices write for each role (compared without spaces, case-insensitive). */
const ROLE_NAMES: Record<ImportRole, readonly string[]> = {
  administrator: ['系统管理员', '管理员', 'administrator', 'admin'],
  planning_office: ['规划办', '规划办公室', 'planningoffice', 'planning_office', 'office'],
  department_reporter: ['部门填报员', '填报员', 'departmentreporter', 'department_reporter', 'reporter'],
  reviewer: ['审核员', '审核人', 'reviewer'],
  leader: ['领导', 'leader'],
  public: ['公众', 'public'],
};

const keyOf = (text: string): string => text.replace(/\s+/gu, '').toLowerCase();
const BY_NAME = new Map<string, ImportRole>(
  IMPORT_ROLES.flatMap((role) => ROLE_NAMES[role].map((name) => [keyOf(name), role] as const)),
);

/** Reads a roles cell (`部门填报员、审核员`, `reviewer, leader`): the roles and the names not understood. */
export function parseRoleList(text: string): { roles: ImportRole[]; unknown: string[] } {
  const roles: ImportRole[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[、,，;；/]/u)) {
    const name = part.trim();
    if (name === '') continue;
    const role = BY_NAME.get(keyOf(name));
    if (role === undefined) unknown.push(name);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

/** A user row as the sheet gave it (cells as text, null when empty). */
export type UserSheetRow = {
  row: number;
  name: string | null;
  email: string | null;
  department: string | null;
  roles: string | null;
};

/** Which column a problem is in. */
export type UserSheetField = 'name' | 'email' | 'department' | 'roles';

/** A problem in one cell of the sheet. */
export type UserSheetError = { row: number; field: UserSheetField; message: BilingualMessage };

/** A row ready to create. */
export type UserImportCandidate = {
  row: number;
  displayName: string;
  email: string;
  roles: ImportRole[];
  departmentId: string | null;
  departmentName: string | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/**
 * Checks every row of a user sheet: a name; a well-formed e-mail, not repeated within the sheet nor
 * used by an existing user; roles all understood, at least one; a department the registry knows
 * (`departments`: name or alias → id, `null` when more than one department has that name), required
 * for reporters. All-or-nothing: `users` is empty unless there is no error at all.
 */
export function checkUserRows(
  rows: readonly UserSheetRow[],
  known: {
    departments: ReadonlyMap<string, { id: string; name: string } | null>;
    existingEmails: ReadonlySet<string>;
  },
): { users: UserImportCandidate[]; errors: UserSheetError[] } {
  const errors: UserSheetError[] = [];
  const users: UserImportCandidate[] = [];
  const seen = new Map<string, number>();
  const fail = (row: number, field: UserSheetField, zh: string, en: string) => {
    errors.push({ row, field, message: { zh, en } });
  };
  for (const r of rows) {
    const name = r.name?.trim() ?? '';
    if (name === '') fail(r.row, 'name', '姓名为空。', 'The name is empty.');
    const email = (r.email ?? '').trim().toLowerCase();
    if (email === '') fail(r.row, 'email', '电子邮箱为空。', 'The e-mail address is empty.');
    else if (!EMAIL.test(email)) {
      fail(r.row, 'email', `电子邮箱格式不正确：${email}`, `Not a valid e-mail address: ${email}`);
    } else if (seen.has(email)) {
      fail(
        r.row,
        'email',
        `电子邮箱与第${String(seen.get(email))}行重复：${email}`,
        `The e-mail address repeats row ${String(seen.get(email))}: ${email}`,
      );
    } else if (known.existingEmails.has(email)) {
      fail(r.row, 'email', `电子邮箱已被现有用户使用：${email}`, `An existing user already has ${email}`);
    }
    if (email !== '' && !seen.has(email)) seen.set(email, r.row);
    const { roles, unknown } = parseRoleList(r.roles ?? '');
    if (unknown.length > 0) {
      fail(r.row, 'roles', `无法识别的角色：${unknown.join('、')}`, `Unknown role: ${unknown.join(', ')}`);
    } else if (roles.length === 0) {
      fail(r.row, 'roles', '未填写角色。', 'No role given.');
    }
    const deptName = r.department?.trim() ?? '';
    let department: { id: string; name: string } | null = null;
    if (deptName !== '') {
      const found = known.departments.get(deptName);
      if (found === undefined) {
        fail(r.row, 'department', `未知部门：${deptName}`, `Unknown department: ${deptName}`);
      } else if (found === null) {
        fail(
          r.row,
          'department',
          `多个部门名为“${deptName}”，请写全称。`,
          `More than one department is named "${deptName}"; write its full name.`,
        );
      } else department = found;
    } else if (roles.includes('department_reporter')) {
      fail(
        r.row,
        'department',
        '部门填报员必须填写所属部门。',
        'A department reporter must belong to a department.',
      );
    }
    users.push({
      row: r.row,
      displayName: name,
      email,
      roles,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
    });
  }
  return { users: errors.length === 0 ? users : [], errors };
}

import { checkUserRows, parseRoleList } from '@plantrack/core';
import {
  appendAudit,
  createUser,
  departmentIdsNamed,
  departmentNames,
  departmentRegionCodes,
  findUserByEmail,
  listDepartments,
  writeTransaction,
} from '@plantrack/db';
import { isFormatError, readUserSheet, writeUserSheetTemplate } from '@plantrack/formats';
import { hashPassword } from '../../auth/password.js';
import { generatePassword } from '../../auth/password-policy.js';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canManageUsers } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';
import { type UserWithPasswordDto, presentOne } from './user-admin.service.js';

type SheetError = {
  row: number;
  field: 'name' | 'email' | 'department' | 'roles';
  messages: { zh: string; en: string };
};

/** What an import answers: every row as understood, every wrong cell, and the users created. */
export type UserImportDto = {
  sheet: string;
  rows: {
    row: number;
    name: string | null;
    email: string | null;
    department: string | null;
    roles: string | null;
    parsedRoles: ReturnType<typeof parseRoleList>['roles'];
  }[];
  errors: SheetError[];
  created: UserWithPasswordDto[];
};

/** The import template, its example line naming a department of the registry. */
export async function userImportTemplate(ctx: AppContext, p: Principal): Promise<Uint8Array> {
  enforce(p, canManageUsers(p));
  const [region] = await departmentRegionCodes(ctx.db);
  const example =
    region === undefined ? undefined : (await listDepartments(ctx.db, region)).find((d) => d.active);
  return writeUserSheetTemplate({ department: example?.canonicalName ?? null });
}

/** Looks up every department named in the sheet: its id and name, null when ambiguous. */
async function departmentsNamed(
  ctx: AppContext,
  names: readonly string[],
): Promise<Map<string, { id: string; name: string } | null>> {
  const out = new Map<string, { id: string; name: string } | null>();
  for (const name of new Set(names)) {
    const ids = await departmentIdsNamed(ctx.db, name);
    if (ids.length > 1) out.set(name, null);
    const [id] = ids;
    if (ids.length === 1 && id !== undefined) {
      out.set(name, { id, name: (await departmentNames(ctx.db, [id])).get(id) ?? name });
    }
  }
  return out;
}

/**
 * Reads a user sheet and checks every cell (core's rules); a preview unless `confirm`. Confirmed
 * with no error, creates every user in one transaction — all or none — each with a generated
 * password returned this once; with errors, answers 422 with every wrong cell and creates nobody.
 */
export async function importUsers(
  ctx: AppContext,
  p: Principal,
  input: { bytes: Uint8Array; confirm: boolean },
): Promise<UserImportDto> {
  enforce(p, canManageUsers(p));
  let read: ReturnType<typeof readUserSheet>;
  try {
    read = readUserSheet(input.bytes);
  } catch (error) {
    if (!isFormatError(error)) throw error;
    throw new ApiError(422, 'unreadable-sheet', error.messages);
  }
  if (read.problem !== null) throw new ApiError(422, 'not-a-user-sheet', read.problem);
  if (read.rows.length === 0) {
    throw new ApiError(422, 'empty-sheet', {
      zh: '表格中没有用户行。',
      en: 'The sheet has no user rows.',
    });
  }
  const emails = read.rows.map((r) => (r.email ?? '').trim().toLowerCase()).filter((e) => e !== '');
  const existing = new Set<string>();
  for (const email of new Set(emails))
    if ((await findUserByEmail(ctx.db, email)) !== undefined) existing.add(email);
  const departments = await departmentsNamed(
    ctx,
    read.rows.flatMap((r) => (r.department === null ? [] : [r.department.trim()])),
  );
  const checked = checkUserRows(read.rows, { departments, existingEmails: existing });
  const errors = checked.errors.map((e) => ({ row: e.row, field: e.field, messages: e.message }));
  const result: UserImportDto = {
    sheet: read.sheet,
    rows: read.rows.map((r) => ({ ...r, parsedRoles: parseRoleList(r.roles ?? '').roles })),
    errors,
    created: [],
  };
  if (!input.confirm) return result;
  if (errors.length > 0) {
    throw new ApiError(
      422,
      'user-sheet-errors',
      {
        zh: `表格有 ${String(errors.length)} 处错误，未创建任何用户。`,
        en: `The sheet has ${String(errors.length)} error(s); no user was created.`,
      },
      { errors },
    );
  }
  // Hashing is slow on purpose: done before the transaction, so it holds no write lock meanwhile.
  const prepared = await Promise.all(
    checked.users.map(async (u) => {
      const password = generatePassword();
      return { ...u, password, passwordHash: await hashPassword(password) };
    }),
  );
  const records = await writeTransaction(ctx.db, async (trx) => {
    const made = [];
    for (const u of prepared) {
      made.push({
        record: await createUser(trx, {
          email: u.email,
          displayName: u.displayName,
          passwordHash: u.passwordHash,
          roles: u.roles,
          departmentId: u.departmentId,
          grantedBy: actorOf(p),
        }),
        password: u.password,
      });
    }
    await appendAudit(trx, {
      actor: actorOf(p),
      action: 'user.imported',
      entity: 'user',
      entityId: 'import',
      detail: { sheet: read.sheet, emails: prepared.map((u) => u.email) },
    });
    return made;
  });
  for (const r of records) {
    result.created.push({ user: await presentOne(ctx, r.record), generatedPassword: r.password });
  }
  return result;
}

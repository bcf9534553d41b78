import { type Kysely, type RawBuilder, sql } from 'kysely';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { newId, nowIso } from '../../support/ids.js';
import type { DepartmentContact } from './department.repository.js';
import { tasksOwnedByAny } from './task-owner.repository.js';

type Db = Kysely<Database>;

/** How much hangs on a department: what the registry shows next to each name. */
export type DepartmentUsage = { indicators: number; tasks: number; users: number };

/** What a merge moved from the merged department to the kept one. */
export type DepartmentMergeResult = {
  indicatorOwners: number;
  taskOwners: number;
  users: number;
  aliases: string[];
};

async function departmentRow(db: Db, id: string) {
  const row = await db
    .selectFrom('departments')
    .select(['id', 'region_code', 'canonical_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError({ zh: `单位不存在：${id}`, en: `No such department: ${id}` });
  }
  return row;
}

/**
 * Renames a department. The old name stays as an alias, so plan text that still writes it keeps
 * resolving to the same department. The caller checks the new name is free in the region.
 */
export async function renameDepartment(db: Db, id: string, name: string): Promise<{ before: string }> {
  const row = await departmentRow(db, id);
  if (row.canonical_name === name) return { before: name };
  // The new name may have been one of its own aliases: it is the canonical name now.
  await db
    .deleteFrom('department_aliases')
    .where('department_id', '=', id)
    .where('alias', '=', name)
    .execute();
  await db.updateTable('departments').set({ canonical_name: name }).where('id', '=', id).execute();
  await db
    .insertInto('department_aliases')
    .values({ id: newId(), department_id: id, region_code: row.region_code, alias: row.canonical_name })
    .execute();
  return { before: row.canonical_name };
}

/** Deactivates or reactivates a department (its owners, users and history are kept). */
export async function setDepartmentActive(db: Db, id: string, active: boolean): Promise<void> {
  await departmentRow(db, id);
  await db
    .updateTable('departments')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/**
 * The name of a department that exists and is deactivated, null otherwise (active or unknown):
 * new owners and new users may not point at a department the office has retired.
 */
export async function inactiveDepartmentName(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('departments')
    .select(['canonical_name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined && row.active === 0 ? row.canonical_name : null;
}

/** Sets a department's contact person; blank fields are stored as null. */
export async function setDepartmentContact(db: Db, id: string, contact: DepartmentContact): Promise<void> {
  await departmentRow(db, id);
  const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
  await db
    .updateTable('departments')
    .set({
      contact_name: blankToNull(contact.name),
      contact_phone: blankToNull(contact.phone),
      contact_email: blankToNull(contact.email),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Merges a duplicate department into the one kept (区发改局 into 区发展和改革局), inside the caller's
 * transaction: the merged name and its aliases become aliases of the kept department; every
 * indicator owner, task owner and user pointing at the merged department moves to the kept one
 * (where the kept one already owns the same item, the duplicate row is dropped, and a lead role
 * wins over a co-lead role); then the merged department is removed. Both must be of one region.
 */
export async function mergeDepartments(
  db: Db,
  args: { fromId: string; intoId: string; actor: string },
): Promise<DepartmentMergeResult> {
  const from = await departmentRow(db, args.fromId);
  const into = await departmentRow(db, args.intoId);
  if (from.id === into.id) {
    throw new InvalidInputError({
      zh: '不能把单位合并到它自己。',
      en: 'A department cannot be merged into itself.',
    });
  }
  if (from.region_code !== into.region_code) {
    throw new InvalidInputError({
      zh: `“${from.canonical_name}”与“${into.canonical_name}”不属于同一地区，不能合并。`,
      en: `"${from.canonical_name}" and "${into.canonical_name}" belong to different regions and cannot be merged.`,
    });
  }
  const indicatorOwners = await moveIndicatorOwners(db, from.id, into.id, args.actor);
  const taskOwners = await moveTaskOwners(db, from.id, into.id);
  const users = await db
    .updateTable('users')
    .set({ department_id: into.id })
    .where('department_id', '=', from.id)
    .executeTakeFirst();
  const oldAliases = await db
    .selectFrom('department_aliases')
    .select('alias')
    .where('department_id', '=', from.id)
    .execute();
  await db
    .updateTable('department_aliases')
    .set({ department_id: into.id })
    .where('department_id', '=', from.id)
    .execute();
  await db.deleteFrom('departments').where('id', '=', from.id).execute();
  await db
    .insertInto('department_aliases')
    .values({
      id: newId(),
      department_id: into.id,
      region_code: into.region_code,
      alias: from.canonical_name,
    })
    .execute();
  return {
    indicatorOwners,
    taskOwners,
    users: Number(users.numUpdatedRows),
    aliases: [from.canonical_name, ...oldAliases.map((a) => a.alias)],
  };
}

async function moveIndicatorOwners(db: Db, fromId: string, intoId: string, actor: string): Promise<number> {
  const rows = await db
    .selectFrom('indicator_owners')
    .select(['id', 'plan_id', 'indicator_key', 'role'])
    .where('department_id', '=', fromId)
    .execute();
  for (const row of rows) {
    const kept = await db
      .selectFrom('indicator_owners')
      .select(['id', 'role'])
      .where('plan_id', '=', row.plan_id)
      .where('indicator_key', '=', row.indicator_key)
      .where('department_id', '=', intoId)
      .executeTakeFirst();
    if (kept === undefined) {
      await db
        .updateTable('indicator_owners')
        .set({ department_id: intoId })
        .where('id', '=', row.id)
        .execute();
    } else {
      if (row.role === 'lead' && kept.role !== 'lead') {
        await db.updateTable('indicator_owners').set({ role: 'lead' }).where('id', '=', kept.id).execute();
      }
      await db.deleteFrom('indicator_owners').where('id', '=', row.id).execute();
    }
    // The owner set changed: an editor holding the old version gets a conflict, not an overwrite.
    await db
      .updateTable('indicator_owner_sets')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso(), updated_by: actor }))
      .where('plan_id', '=', row.plan_id)
      .where('indicator_key', '=', row.indicator_key)
      .execute();
  }
  return rows.length;
}

async function moveTaskOwners(db: Db, fromId: string, intoId: string): Promise<number> {
  const rows = await db
    .selectFrom('task_departments')
    .select(['id', 'task_version_id', 'role'])
    .where('department_id', '=', fromId)
    .execute();
  for (const row of rows) {
    const kept = await db
      .selectFrom('task_departments')
      .select('id')
      .where('task_version_id', '=', row.task_version_id)
      .where('department_id', '=', intoId)
      .where('role', '=', row.role)
      .executeTakeFirst();
    if (kept === undefined) {
      await db
        .updateTable('task_departments')
        .set({ department_id: intoId })
        .where('id', '=', row.id)
        .execute();
    } else {
      await db.deleteFrom('task_departments').where('id', '=', row.id).execute();
    }
  }
  return rows.length;
}

/**
 * Per department: the indicators it owns (lead or co, any plan), the tasks it owns as the newest
 * plan version names them, and its active users. Departments owning nothing are absent.
 */
export async function departmentUsage(
  db: Db,
  departmentIds: readonly string[],
): Promise<Map<string, DepartmentUsage>> {
  const out = new Map<string, DepartmentUsage>();
  if (departmentIds.length === 0) return out;
  const get = (id: string) => {
    let u = out.get(id);
    if (u === undefined) out.set(id, (u = { indicators: 0, tasks: 0, users: 0 }));
    return u;
  };
  const indicators = await db
    .selectFrom('indicator_owners')
    .select(['department_id', 'plan_id', 'indicator_key'])
    .where('department_id', 'in', departmentIds)
    .distinct()
    .execute();
  for (const r of indicators) get(r.department_id).indicators += 1;
  const users = await db
    .selectFrom('users')
    .select(['department_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('department_id', 'in', departmentIds)
    .where('active', '=', 1)
    .groupBy('department_id')
    .execute();
  for (const r of users) if (r.department_id !== null) get(r.department_id).users = Number(r.n);
  const named = await db
    .selectFrom('task_departments')
    .select('department_id')
    .where('department_id', 'in', departmentIds)
    .distinct()
    .execute();
  for (const { department_id: id } of named) {
    // Counted with the one definition of task ownership (newest version naming owners).
    const { rows } = await sqlCount(tasksOwnedByAny([id])).execute(db);
    get(id).tasks = Number(rows[0]?.n ?? 0);
  }
  return out;
}

function sqlCount(subquery: RawBuilder<unknown>): RawBuilder<{ n: number | string }> {
  return sql<{ n: number | string }>`select count(*) as n from (${subquery}) owned`;
}

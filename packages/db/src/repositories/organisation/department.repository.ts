import type { DepartmentRef } from '@plantrack/core';
import type { Kysely } from 'kysely';
import { ConflictError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import { isUniqueViolation } from '../../support/db-errors.js';
import { newId, nowIso } from '../../support/ids.js';

/** A department with its aliases. */
export type Department = {
  id: string;
  regionCode: string;
  canonicalName: string;
  known: boolean;
  aliases: string[];
  /** False once the office deactivated it (0017). */
  active: boolean;
  /** The contact person for the department's figures, or null (0017). */
  contact: DepartmentContact | null;
};

/** A department's contact person: any field may be blank. */
export type DepartmentContact = { name: string | null; phone: string | null; email: string | null };

/**
 * Finds or creates the department a clause names, within a region. Tried in order: the canonical
 * name ingestion resolved, then the name as written — each as a canonical name and as an alias —
 * so an alias the planning office added earlier (`区国资办` → `区财政局`) is honoured. A name seen
 * for the first time becomes a department (`known` = 0 unless the registry knew it), and the name
 * as written is kept as an alias. Returns the department's id and canonical name.
 */
export async function resolveDepartmentRef(
  db: Kysely<Database>,
  regionCode: string,
  ref: DepartmentRef,
): Promise<{ id: string; canonicalName: string }> {
  const names = [...new Set([ref.canonical, ref.text].filter((n): n is string => n !== null && n !== ''))];
  let id = await findDepartmentId(db, regionCode, names);
  if (id === undefined) {
    id = newId();
    await db
      .insertInto('departments')
      .values({
        id,
        region_code: regionCode,
        canonical_name: ref.canonical ?? ref.text,
        known: ref.known ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
  }
  const { canonical_name: canonicalName } = await db
    .selectFrom('departments')
    .select('canonical_name')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (ref.text !== canonicalName) await ensureAlias(db, regionCode, id, ref.text);
  return { id, canonicalName };
}

async function findDepartmentId(
  db: Kysely<Database>,
  regionCode: string,
  names: readonly string[],
): Promise<string | undefined> {
  for (const name of names) {
    const byName = await db
      .selectFrom('departments')
      .select('id')
      .where('region_code', '=', regionCode)
      .where('canonical_name', '=', name)
      .executeTakeFirst();
    if (byName !== undefined) return byName.id;
    const byAlias = await db
      .selectFrom('department_aliases')
      .select('department_id')
      .where('region_code', '=', regionCode)
      .where('alias', '=', name)
      .executeTakeFirst();
    if (byAlias !== undefined) return byAlias.department_id;
  }
  return undefined;
}

async function ensureAlias(db: Kysely<Database>, regionCode: string, departmentId: string, alias: string) {
  const existing = await db
    .selectFrom('department_aliases')
    .select('department_id')
    .where('region_code', '=', regionCode)
    .where('alias', '=', alias)
    .executeTakeFirst();
  if (existing !== undefined) return;
  await db
    .insertInto('department_aliases')
    .values({ id: newId(), department_id: departmentId, region_code: regionCode, alias })
    .execute();
}

/**
 * Adds an alias to a department (the planning office teaching the system a new short form).
 * An alias already used by another department of the region is a `ConflictError`.
 */
export async function addDepartmentAlias(
  db: Kysely<Database>,
  departmentId: string,
  alias: string,
): Promise<void> {
  const department = await db
    .selectFrom('departments')
    .select('region_code')
    .where('id', '=', departmentId)
    .executeTakeFirstOrThrow();
  try {
    await db
      .insertInto('department_aliases')
      .values({ id: newId(), department_id: departmentId, region_code: department.region_code, alias })
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError('duplicate', {
      zh: `别名“${alias}”已被本地区其他单位使用。`,
      en: `The alias "${alias}" is already used by another department of this region.`,
    });
  }
}

/** The departments of a region with their aliases, by canonical name. */
export async function listDepartments(db: Kysely<Database>, regionCode: string): Promise<Department[]> {
  const rows = await db
    .selectFrom('departments')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('canonical_name')
    .execute();
  const aliases = await db
    .selectFrom('department_aliases')
    .select(['department_id', 'alias'])
    .where('region_code', '=', regionCode)
    .orderBy('alias')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    canonicalName: r.canonical_name,
    known: r.known === 1,
    aliases: aliases.filter((a) => a.department_id === r.id).map((a) => a.alias),
    active: r.active === 1,
    contact:
      r.contact_name === null && r.contact_phone === null && r.contact_email === null
        ? null
        : { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
  }));
}

/**
 * Looks a department up by a name as written — canonical name first, then alias — within a region,
 * without creating one (unlike {@link resolveDepartmentRef}, which ingestion uses to register the
 * names a plan mentions). For input typed by people, where an unknown name is a mistake to report.
 */
export async function findDepartment(
  db: Kysely<Database>,
  regionCode: string,
  name: string,
): Promise<{ id: string; canonicalName: string } | undefined> {
  const id = await findDepartmentId(db, regionCode, [name.trim()]);
  if (id === undefined) return undefined;
  const row = await db
    .selectFrom('departments')
    .select('canonical_name')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, canonicalName: row.canonical_name };
}

/**
 * The departments, in any region, whose canonical name or alias is `name` (a user belongs to no
 * region, so a department named for a user is looked up everywhere; more than one is ambiguous).
 */
export async function departmentIdsNamed(db: Kysely<Database>, name: string): Promise<string[]> {
  const trimmed = name.trim();
  const byName = await db
    .selectFrom('departments')
    .select('id')
    .where('canonical_name', '=', trimmed)
    .execute();
  const byAlias = await db
    .selectFrom('department_aliases')
    .select('department_id as id')
    .where('alias', '=', trimmed)
    .execute();
  return [...new Set([...byName, ...byAlias].map((r) => r.id))].sort();
}

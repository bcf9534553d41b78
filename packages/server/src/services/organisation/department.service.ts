import {
  type Department,
  ConflictError,
  addDepartmentAlias,
  appendAudit,
  findDepartment,
  listDepartments,
  planRegionCode,
  resolveDepartmentRef,
  writeTransaction,
  departmentRegionCode,
  departmentRegionCodes,
  departmentUsage,
  setDepartmentContact,
  type DepartmentContact,
  type DepartmentUsage,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { canManageDepartments, canReadAdministration } from '../../policies/admin.policy.js';
import { enforce } from '../../policies/policy.js';

type Db = AppContext['db'];

/** A department as the registry shows it: with what it owns and how many users it has. */
export type RegistryDepartment = Department & { usage: DepartmentUsage };

async function withUsage(db: Db, list: Department[]): Promise<RegistryDepartment[]> {
  const usage = await departmentUsage(
    db,
    list.map((d) => d.id),
  );
  return list.map((d) => ({ ...d, usage: usage.get(d.id) ?? { indicators: 0, tasks: 0, users: 0 } }));
}

/** Departments with their aliases: of one region, of a plan's region, or of every region. */
export async function departments(
  ctx: AppContext,
  p: Principal,
  query: { regionCode?: string | undefined; planId?: string | undefined },
): Promise<RegistryDepartment[]> {
  enforce(p, canReadAdministration(p));
  const regions =
    query.regionCode !== undefined
      ? [query.regionCode]
      : query.planId !== undefined
        ? [await planRegionCode(ctx.db, query.planId)]
        : await departmentRegionCodes(ctx.db);
  const out: Department[] = [];
  for (const region of regions.sort()) out.push(...(await listDepartments(ctx.db, region)));
  return withUsage(ctx.db, out);
}

/** A name (canonical or alias) already taken in the region: who holds it. */
export async function refuseTakenName(
  db: Db,
  regionCode: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const holder = await findDepartment(db, regionCode, name);
  if (holder === undefined || holder.id === exceptId) return;
  throw new ConflictError('duplicate', {
    zh: `名称“${name}”已属于本地区的“${holder.canonicalName}”。`,
    en: `The name "${name}" already belongs to "${holder.canonicalName}" in this region.`,
  });
}

/** One department of the registry, with its usage; 404 when there is none. */
export async function departmentById(db: Db, id: string): Promise<RegistryDepartment> {
  const region = await departmentRegionCode(db, id);
  const found =
    region === undefined ? undefined : (await listDepartments(db, region)).find((d) => d.id === id);
  if (found === undefined) throw notFound(`department ${id}`);
  const [withCounts] = await withUsage(db, [found]);
  return withCounts ?? { ...found, usage: { indicators: 0, tasks: 0, users: 0 } };
}

/**
 * Registers a department of a region under its canonical name, with aliases; audited. A name
 * already used in the region, as a canonical name or an alias, is a conflict naming its holder.
 */
export async function addDepartment(
  ctx: AppContext,
  p: Principal,
  input: {
    regionCode?: string | undefined;
    planId?: string | undefined;
    canonicalName: string;
    aliases?: string[] | undefined;
    contact?: DepartmentContact | undefined;
  },
): Promise<RegistryDepartment> {
  enforce(p, canManageDepartments(p));
  const regionCode = input.regionCode ?? (await planRegionCode(ctx.db, input.planId ?? ''));
  const canonicalName = input.canonicalName.trim();
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()))].filter((a) => a !== canonicalName);
  const id = await writeTransaction(ctx.db, async (trx) => {
    for (const name of [canonicalName, ...aliases]) await refuseTakenName(trx, regionCode, name);
    // Entered by the planning office, so known to the system from now on.
    const created = await resolveDepartmentRef(trx, regionCode, {
      text: canonicalName,
      canonical: canonicalName,
      known: true,
    });
    for (const alias of aliases) await addDepartmentAlias(trx, created.id, alias);
    if (input.contact !== undefined) await setDepartmentContact(trx, created.id, input.contact);
    await appendAudit(trx, {
      actor: actorOf(p),
      action: 'department.created',
      entity: 'department',
      entityId: created.id,
      detail: { regionCode, canonicalName, aliases, contact: input.contact ?? null },
    });
    return created.id;
  });
  return departmentById(ctx.db, id);
}

/** Teaches the system another name of a department (`区发改局`); audited, idempotent. */
export async function addAlias(
  ctx: AppContext,
  p: Principal,
  departmentId: string,
  alias: string,
): Promise<RegistryDepartment> {
  enforce(p, canManageDepartments(p));
  const department = await departmentById(ctx.db, departmentId);
  const name = alias.trim();
  if (name === department.canonicalName || department.aliases.includes(name)) return department;
  await writeTransaction(ctx.db, async (trx) => {
    await refuseTakenName(trx, department.regionCode, name, departmentId);
    await addDepartmentAlias(trx, departmentId, name);
    await appendAudit(trx, {
      actor: actorOf(p),
      action: 'department.alias_added',
      entity: 'department',
      entityId: departmentId,
      detail: { alias: name },
    });
  });
  return departmentById(ctx.db, departmentId);
}

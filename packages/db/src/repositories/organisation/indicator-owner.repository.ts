import type { Kysely } from 'kysely';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { OwnerRole } from '../../schema/indicator-owner-tables.schema.js';
import { isUniqueViolation } from '../../support/db-errors.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findDepartment } from './department.repository.js';

/** A department owning an indicator, with who assigned it and when. */
export type IndicatorOwner = {
  departmentId: string;
  departmentName: string;
  role: OwnerRole;
  assignedAt: string;
  assignedBy: string;
};

/** The owners of one indicator and the version an update must name (0 before any assignment). */
export type IndicatorOwnerSet = {
  planId: string;
  indicatorKey: string;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  owners: IndicatorOwner[];
};

/** One owner as an update states it. */
export type OwnerAssignment = { departmentId: string; role: OwnerRole };

/** The region departments of a plan belong to, as ingestion files them. */
export async function planRegionCode(db: Kysely<Database>, planId: string): Promise<string> {
  const plan = await db
    .selectFrom('plans')
    .select(['region_code', 'region'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (plan === undefined) {
    throw new NotFoundError({ zh: `规划不存在：${planId}`, en: `No such plan: ${planId}` });
  }
  return plan.region_code ?? plan.region ?? '';
}

/** The owner sets of a plan (every indicator ever assigned), optionally of one indicator key. */
export async function listIndicatorOwnerSets(
  db: Kysely<Database>,
  planId: string,
  indicatorKey?: string,
): Promise<IndicatorOwnerSet[]> {
  let sets = db.selectFrom('indicator_owner_sets').selectAll().where('plan_id', '=', planId);
  let owners = db
    .selectFrom('indicator_owners as o')
    .innerJoin('departments as d', 'd.id', 'o.department_id')
    .select([
      'o.indicator_key',
      'o.department_id',
      'd.canonical_name',
      'o.role',
      'o.assigned_at',
      'o.assigned_by',
    ])
    .where('o.plan_id', '=', planId);
  if (indicatorKey !== undefined) {
    sets = sets.where('indicator_key', '=', indicatorKey);
    owners = owners.where('o.indicator_key', '=', indicatorKey);
  }
  const ownerRows = await owners.orderBy('o.role', 'desc').orderBy('d.canonical_name').execute();
  return (await sets.orderBy('indicator_key').execute()).map((s) => ({
    planId,
    indicatorKey: s.indicator_key,
    version: s.version,
    updatedAt: s.updated_at,
    updatedBy: s.updated_by,
    owners: ownerRows
      .filter((o) => o.indicator_key === s.indicator_key)
      .map((o) => ({
        departmentId: o.department_id,
        departmentName: o.canonical_name,
        role: o.role,
        assignedAt: o.assigned_at,
        assignedBy: o.assigned_by,
      })),
  }));
}

/** Owning department ids of every assigned indicator of a plan, by indicator key. */
export async function ownerIdsByIndicatorKey(
  db: Kysely<Database>,
  planId: string,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('indicator_owners')
    .select(['indicator_key', 'department_id'])
    .where('plan_id', '=', planId)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.indicator_key, [...(out.get(r.indicator_key) ?? []), r.department_id]);
  return out;
}

/** Keys of the indicators (of any plan) that any of the departments owns. */
export async function indicatorKeysOwnedBy(
  db: Kysely<Database>,
  departmentIds: readonly string[],
): Promise<Set<string>> {
  if (departmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('indicator_owners')
    .select('indicator_key')
    .distinct()
    .where('department_id', 'in', [...departmentIds])
    .execute();
  return new Set(rows.map((r) => r.indicator_key));
}

/** Plans none of whose indicators was ever assigned (candidates for the configured seed). */
export async function plansWithoutOwners(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('plans as p')
    .select('p.id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('indicator_owner_sets as s').select('s.plan_id').whereRef('s.plan_id', '=', 'p.id'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

function staleVersion(current: number): ConflictError {
  return new ConflictError(
    'stale-revision',
    {
      zh: `指标的责任单位已被他人修改（当前版本 ${current}），请刷新后重试。`,
      en: `The indicator's owners were changed by someone else (current version ${current}); reload and try again.`,
    },
    current,
  );
}

function checkAssignments(owners: readonly OwnerAssignment[]): void {
  const ids = owners.map((o) => o.departmentId);
  if (new Set(ids).size !== ids.length) {
    throw new InvalidInputError({
      zh: '同一单位只能出现一次（牵头或配合）。',
      en: 'A department may appear once only (lead or co).',
    });
  }
  if (owners.length > 0 && !owners.some((o) => o.role === 'lead')) {
    throw new InvalidInputError({
      zh: '请至少指定一个牵头单位。',
      en: 'Name at least one lead department.',
    });
  }
}

/**
 * Replaces the owners of an indicator when `expectedVersion` is the version stored (0 before the
 * first assignment), audited in the same transaction; otherwise a `stale-revision` conflict. An
 * owner kept with the same role keeps its original assignment time and author.
 */
export async function setIndicatorOwners(
  db: Kysely<Database>,
  args: {
    planId: string;
    indicatorKey: string;
    owners: readonly OwnerAssignment[];
    expectedVersion: number;
    actor: string;
  },
): Promise<IndicatorOwnerSet> {
  checkAssignments(args.owners);
  const { planId, indicatorKey, actor } = args;
  try {
    await writeTransaction(db, async (trx) => {
      const indicator = await trx
        .selectFrom('indicators')
        .select('id')
        .where('plan_id', '=', planId)
        .where('indicator_key', '=', indicatorKey)
        .executeTakeFirst();
      if (indicator === undefined) {
        throw new NotFoundError({
          zh: `指标不存在：${indicatorKey}`,
          en: `No such indicator: ${indicatorKey}`,
        });
      }
      const [current] = await listIndicatorOwnerSets(trx, planId, indicatorKey);
      const currentVersion = current?.version ?? 0;
      if (args.expectedVersion !== currentVersion) throw staleVersion(currentVersion);
      await checkDepartmentsExist(trx, args.owners);
      const at = nowIso();
      const version = currentVersion + 1;
      if (current === undefined) {
        await trx
          .insertInto('indicator_owner_sets')
          .values({
            plan_id: planId,
            indicator_key: indicatorKey,
            version,
            updated_at: at,
            updated_by: actor,
          })
          .execute();
      } else {
        // The version condition makes a concurrent update that read the same version lose.
        const updated = await trx
          .updateTable('indicator_owner_sets')
          .set({ version, updated_at: at, updated_by: actor })
          .where('plan_id', '=', planId)
          .where('indicator_key', '=', indicatorKey)
          .where('version', '=', currentVersion)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw staleVersion(currentVersion);
      }
      await replaceOwners(trx, { planId, indicatorKey, at, actor, owners: args.owners, before: current });
      await appendAudit(trx, {
        actor,
        action: 'indicator_owners.set',
        entity: 'indicator',
        entityId: indicator.id,
        planId,
        detail: {
          indicatorKey,
          version,
          // Names beside ids, so a history reads without a lookup (and survives a rename as written).
          before: (current?.owners ?? []).map((o) => ({
            departmentId: o.departmentId,
            name: o.departmentName,
            role: o.role,
          })),
          after: await namedAssignments(trx, args.owners),
        },
      });
    });
  } catch (error) {
    // Two first assignments racing: the loser hits the primary key.
    if (isUniqueViolation(error)) throw staleVersion(args.expectedVersion + 1);
    throw error;
  }
  const [stored] = await listIndicatorOwnerSets(db, planId, indicatorKey);
  if (stored === undefined) throw new Error('The owner set just written is missing.');
  return stored;
}

async function namedAssignments(
  db: Kysely<Database>,
  owners: readonly OwnerAssignment[],
): Promise<{ departmentId: string; name: string | null; role: OwnerRole }[]> {
  if (owners.length === 0) return [];
  const names = new Map(
    (
      await db
        .selectFrom('departments')
        .select(['id', 'canonical_name'])
        .where(
          'id',
          'in',
          owners.map((o) => o.departmentId),
        )
        .execute()
    ).map((d) => [d.id, d.canonical_name]),
  );
  return owners.map((o) => ({
    departmentId: o.departmentId,
    name: names.get(o.departmentId) ?? null,
    role: o.role,
  }));
}

async function checkDepartmentsExist(
  db: Kysely<Database>,
  owners: readonly OwnerAssignment[],
): Promise<void> {
  if (owners.length === 0) return;
  const ids = owners.map((o) => o.departmentId);
  const found = new Set(
    (await db.selectFrom('departments').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new InvalidInputError({
      zh: `单位不存在：${missing.join('、')}`,
      en: `No such department: ${missing.join(', ')}`,
    });
  }
}

async function replaceOwners(
  db: Kysely<Database>,
  args: {
    planId: string;
    indicatorKey: string;
    at: string;
    actor: string;
    owners: readonly OwnerAssignment[];
    before: IndicatorOwnerSet | undefined;
  },
): Promise<void> {
  await db
    .deleteFrom('indicator_owners')
    .where('plan_id', '=', args.planId)
    .where('indicator_key', '=', args.indicatorKey)
    .execute();
  for (const owner of args.owners) {
    const kept = args.before?.owners.find(
      (o) => o.departmentId === owner.departmentId && o.role === owner.role,
    );
    await db
      .insertInto('indicator_owners')
      .values({
        id: newId(),
        plan_id: args.planId,
        indicator_key: args.indicatorKey,
        department_id: owner.departmentId,
        role: owner.role,
        assigned_at: kept?.assignedAt ?? args.at,
        assigned_by: kept?.assignedBy ?? args.actor,
      })
      .execute();
  }
}

/**
 * Applies an initial assignment (indicator key → department names, the first one leading) to a
 * plan none of whose indicators was assigned yet; audited. Names are looked up as canonical names
 * or aliases in the plan's region; keys the plan lacks and names nobody knows are skipped.
 * Returns the number of indicators assigned (0 when the plan already had owners).
 */
export async function seedIndicatorOwners(
  db: Kysely<Database>,
  args: { planId: string; owners: Readonly<Record<string, readonly string[]>>; actor: string },
): Promise<number> {
  const keys = Object.keys(args.owners);
  if (keys.length === 0 || (await hasOwnerSets(db, args.planId))) return 0;
  try {
    return await writeTransaction(db, async (trx) => {
      // Checked again under the write lock: another process may have seeded meanwhile.
      if (await hasOwnerSets(trx, args.planId)) return 0;
      const region = await planRegionCode(trx, args.planId);
      const present = await trx
        .selectFrom('indicators')
        .select('indicator_key')
        .where('plan_id', '=', args.planId)
        .where('indicator_key', 'in', keys)
        .execute();
      const at = nowIso();
      let count = 0;
      for (const { indicator_key: key } of present) {
        const owners: OwnerAssignment[] = [];
        for (const name of args.owners[key] ?? []) {
          const department = await findDepartment(trx, region, name);
          const departmentId = department?.id ?? (await anyRegionDepartmentId(trx, name));
          if (departmentId === undefined || owners.some((o) => o.departmentId === departmentId)) continue;
          owners.push({ departmentId, role: owners.length === 0 ? 'lead' : 'co' });
        }
        if (owners.length === 0) continue;
        await trx
          .insertInto('indicator_owner_sets')
          .values({
            plan_id: args.planId,
            indicator_key: key,
            version: 1,
            updated_at: at,
            updated_by: args.actor,
          })
          .execute();
        await replaceOwners(trx, {
          planId: args.planId,
          indicatorKey: key,
          at,
          actor: args.actor,
          owners,
          before: undefined,
        });
        count += 1;
      }
      if (count > 0) {
        await appendAudit(trx, {
          actor: args.actor,
          action: 'indicator_owners.seeded',
          entity: 'plan',
          entityId: args.planId,
          planId: args.planId,
          detail: { indicators: count },
        });
      }
      return count;
    });
  } catch (error) {
    // Another request seeded the plan first.
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}

/** A department by canonical name in any region (how the configured assignment was read before). */
async function anyRegionDepartmentId(db: Kysely<Database>, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('canonical_name', '=', name)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

async function hasOwnerSets(db: Kysely<Database>, planId: string): Promise<boolean> {
  const row = await db
    .selectFrom('indicator_owner_sets')
    .select('indicator_key')
    .where('plan_id', '=', planId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

import type { DatabaseHandle } from '../../connection.factory.js';

/**
 * Small lookups the API services make around their business logic: departments by region, an
 * indicator or task by its stable key, what is published, who wrote something. Reads only.
 */
type Db = DatabaseHandle['db'];

/** Every region that has registered departments. */
export async function departmentRegionCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('departments').select('region_code').distinct().execute();
  return rows.map((r) => r.region_code);
}

/** The region of a department, or undefined when there is no such department. */
export async function departmentRegionCode(db: Db, departmentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('departments')
    .select('region_code')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return row?.region_code;
}

/** Whether a department with this id is registered in this region. */
export async function isDepartmentInRegion(
  db: Db,
  departmentId: string,
  regionCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** The id of a plan's indicator with this stable key, or undefined. */
export async function indicatorIdByKey(db: Db, planId: string, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('indicators')
    .select('id')
    .where('plan_id', '=', planId)
    .where('indicator_key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

/** The id of a plan's task with this stable key, or undefined. */
export async function taskIdByKey(db: Db, planId: string, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('tasks')
    .select('id')
    .where('plan_id', '=', planId)
    .where('task_key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

/** Which of the given tasks are published. */
export async function publishedTaskIds(db: Db, taskIds: readonly string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('id', 'in', [...taskIds])
    .where('published', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** How many published indicators each plan has (plans with none are absent), in one grouped query. */
export async function publishedIndicatorCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('indicators')
    .select(['plan_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('published', '=', 1)
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
}

/** Every (period, scope) an indicator has observations for, in any status. */
export async function observationPeriodsOf(
  db: Db,
  indicatorId: string,
): Promise<{ period: string; scope: string }[]> {
  return db
    .selectFrom('observations')
    .select(['period', 'scope'])
    .distinct()
    .where('indicator_id', '=', indicatorId)
    .execute();
}

/** The versions an indicator appears in (indicator version id and plan version number), oldest first. */
export async function indicatorVersionNumbers(
  db: Db,
  indicatorId: string,
): Promise<{ id: string; versionNo: number }[]> {
  const rows = await db
    .selectFrom('indicator_versions as iv')
    .innerJoin('plan_versions as pv', 'pv.id', 'iv.plan_version_id')
    .select(['iv.id', 'pv.version_no'])
    .where('iv.indicator_id', '=', indicatorId)
    .orderBy('pv.version_no')
    .execute();
  return rows.map((r) => ({ id: r.id, versionNo: r.version_no }));
}

/** Display names of the given users, by id (unknown ids are absent). */
export async function userDisplayNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A person as histories, queues and the audit log show them: name and department (its name, and its id to filter by). */
export type PersonLabel = { displayName: string; departmentName: string | null; departmentId: string | null };

/**
 * Display names and department names of the given users, by id. Ids that name no user (`system`,
 * a script's actor) are absent, so callers fall back to the id itself.
 */
export async function peopleLabels(db: Db, userIds: readonly string[]): Promise<Map<string, PersonLabel>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['u.id', 'u.display_name', 'd.canonical_name', 'd.id as department_id'])
    .where('u.id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        displayName: r.display_name,
        departmentName: r.canonical_name ?? null,
        departmentId: r.department_id ?? null,
      },
    ]),
  );
}

/** The source named on a reference series, or undefined when there is no such series. */
export async function referenceSeriesSource(
  db: Db,
  seriesId: string,
): Promise<{ source: string | null } | undefined> {
  return db.selectFrom('reference_series').select('source').where('id', '=', seriesId).executeTakeFirst();
}

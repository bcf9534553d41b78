import type { DatabaseHandle } from '../connection.factory.js';

type Db = DatabaseHandle['db'];

/** What `plantrack demo` wrote, read straight from the store (its test checks every row). */
export async function storedDemoRecords(db: Db) {
  const observations = await db
    .selectFrom('observations')
    .select(['observation_key', 'status', 'source', 'period', 'created_at'])
    .execute();
  const reports = await db.selectFrom('progress_reports').select(['report_key', 'status']).execute();
  const roles = await db.selectFrom('user_roles').select('role').execute();
  const projects = await db
    .selectFrom('projects')
    .select(['plan_id', 'category', 'place', 'lead_department_id', 'content', 'stage'])
    .execute();
  const projectReports = await db
    .selectFrom('project_reports')
    .select(['status', 'progress_text', 'created_at'])
    .execute();
  return { observations, reports, roles: roles.map((r) => r.role), projects, projectReports };
}

/** The distinct sources of the stored observation revisions. */
export async function observationSources(db: Db): Promise<(string | null)[]> {
  const rows = await db.selectFrom('observations').select('source').distinct().execute();
  return rows.map((r) => r.source);
}

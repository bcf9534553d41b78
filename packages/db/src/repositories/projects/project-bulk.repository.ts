import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type {
  ProjectAnnualPlansTable,
  ProjectIssuesTable,
  ProjectReportsTable,
  ProjectsTable,
} from '../../schema/project-tables.schema.js';
import { dialectOf, writeTransaction } from '../../support/dialect.js';

/**
 * Rows of a register loaded in bulk: projects, their annual plan investment, approved monthly
 * report revisions and issues, written as given (ids and times included).
 */
export type ProjectRegisterRows = {
  projects: readonly Insertable<ProjectsTable>[];
  annualPlans: readonly Insertable<ProjectAnnualPlansTable>[];
  reports: readonly Insertable<ProjectReportsTable>[];
  issues: readonly Insertable<ProjectIssuesTable>[];
};

// Rows per INSERT: 1,000 rows of 15 columns stay under both dialects' bound-parameter limits
// (SQLite 32,766; PostgreSQL 65,535).
const CHUNK = 1_000;
// Rows per transaction, so a city's 300,000 report revisions do not sit in one transaction.
const PER_TRANSACTION = 20_000;

async function insertChunks<
  T extends 'projects' | 'project_annual_plans' | 'project_reports' | 'project_issues',
>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  for (let t = 0; t < rows.length; t += PER_TRANSACTION) {
    const batch = rows.slice(t, t + PER_TRANSACTION);
    await writeTransaction(db, async (trx) => {
      for (let i = 0; i < batch.length; i += CHUNK) {
        await trx
          .insertInto(table)
          .values(batch.slice(i, i + CHUNK))
          .execute();
      }
    });
  }
}

/**
 * Loads a register's rows in multi-row INSERTs, bypassing the review flow and the audit log: for
 * the projects benchmark's SYNTHETIC city-scale register (the review flow one revision at a time
 * would take hours), never for an office's data. Refreshes PostgreSQL's planner statistics after,
 * as a bulk load leaves them stale.
 */
export async function bulkLoadProjectRegister(
  db: Kysely<Database>,
  rows: ProjectRegisterRows,
): Promise<void> {
  await insertChunks(db, 'projects', rows.projects);
  await insertChunks(db, 'project_annual_plans', rows.annualPlans);
  await insertChunks(db, 'project_reports', rows.reports);
  await insertChunks(db, 'project_issues', rows.issues);
  if (dialectOf(db) === 'postgres') {
    for (const table of ['projects', 'project_annual_plans', 'project_reports', 'project_issues'])
      await sql`analyze ${sql.table(table)}`.execute(db);
  }
}

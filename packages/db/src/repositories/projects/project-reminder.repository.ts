import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';

/** The day of the following month a project's monthly report is due (no setting exists for it). */
export const PROJECT_REPORT_DUE_DAY = 10;

/** A monthly project report a lead department owes, and whether it has been submitted. */
export type OwedProjectReport = {
  projectId: string;
  planId: string;
  name: string;
  leadDepartmentId: string;
  year: number;
  month: number;
  /** `YYYY-MM-DD`: the 10th of the month after `month`. */
  dueDate: string;
  /** Submitted or approved (a draft or a returned report is not). */
  submitted: boolean;
};

/** The due date of a month's report: the {@link PROJECT_REPORT_DUE_DAY}th of the next month. */
export function projectReportDueDate(year: number, month: number): string {
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return `${next.y}-${String(next.m).padStart(2, '0')}-${String(PROJECT_REPORT_DUE_DAY).padStart(2, '0')}`;
}

/**
 * Every project under construction (在建) with a lead department, in every plan, with the state of
 * its report for `year`/`month` (its newest revision): what the reminder job reads.
 */
export async function projectReportsOwed(
  db: Kysely<Database>,
  input: { year: number; month: number },
): Promise<OwedProjectReport[]> {
  const [projects, revisions] = await Promise.all([
    db
      .selectFrom('projects')
      .select(['id', 'plan_id', 'name', 'lead_department_id'])
      .where('stage', '=', '在建')
      .where('lead_department_id', 'is not', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('project_reports')
      .select(['project_id', 'revision_no', 'status'])
      .where('year', '=', input.year)
      .where('month', '=', input.month)
      .orderBy('revision_no')
      .execute(),
  ]);
  const newest = new Map<string, string>();
  for (const r of revisions) newest.set(r.project_id, r.status);
  const dueDate = projectReportDueDate(input.year, input.month);
  return projects.map((p) => {
    const status = newest.get(p.id);
    return {
      projectId: p.id,
      planId: p.plan_id,
      name: p.name,
      leadDepartmentId: p.lead_department_id ?? '',
      year: input.year,
      month: input.month,
      dueDate,
      submitted: status === 'submitted' || status === 'approved',
    };
  });
}

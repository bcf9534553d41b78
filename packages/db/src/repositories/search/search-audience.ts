import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { tasksOwnedByAny } from '../organisation/task-owner.repository.js';

/**
 * What of the search index one reader may see. The server derives it from its read policies
 * (policies/search.policy.ts); this module turns it into a condition on `search_documents d`,
 * applied before ranking and limits, so a result list never holds a row its reader could not open
 * and never comes up short because such rows took the places.
 */
export type SearchAudience = {
  /**
   * True: every outline node, indicator and task (staff). False: published indicators and tasks
   * only (the public); outline text is never shown to them.
   */
  unpublishedFramework: boolean;
  /**
   * Progress reports (the text of each report's newest revision, whatever its status): of every
   * task, or of the tasks owned by one of these departments (none for an empty list).
   */
  reports: 'all' | { readonly ownedBy: readonly string[] };
};

/** The public: published indicators and tasks, no outline text, no reports. */
export const PUBLIC_SEARCH_AUDIENCE: SearchAudience = {
  unpublishedFramework: false,
  reports: { ownedBy: [] },
};

/**
 * SQL condition over `search_documents d`: the row is visible to the audience. A kind it does not
 * name is visible to nobody, so a new kind of indexed text stays hidden until a rule admits it.
 */
export function visibleTo(audience: SearchAudience): RawBuilder<SqlBool> {
  const framework = audience.unpublishedFramework
    ? sql`d.kind in (${'node'}, ${'indicator'}, ${'task'})`
    : sql`(
        (d.kind = ${'indicator'} and exists (
          select 1 from indicators i where i.id = d.ref_id and i.published = 1))
        or (d.kind = ${'task'} and exists (
          select 1 from tasks t where t.id = d.ref_id and t.published = 1))
      )`;
  if (audience.reports === 'all') return sql<SqlBool>`(${framework} or d.kind = ${'report'})`;
  if (audience.reports.ownedBy.length === 0) return sql<SqlBool>`${framework}`;
  // A report is indexed under its key; the keys of the owned tasks' reports are found once per
  // statement, not per candidate row: a per-row test made a reporter's search on PostgreSQL about
  // eight times slower than the office's, most candidates being other departments' reports.
  const ownedReport = sql`(d.kind = ${'report'} and d.ref_id in (
    select pr.report_key from progress_reports pr
    where pr.task_id in (${tasksOwnedByAny(audience.reports.ownedBy)})
  ))`;
  return sql<SqlBool>`(${framework} or ${ownedReport})`;
}

import { RECORD_SEARCH_DOC_KINDS, type RecordSearchDocKind } from '@plantrack/core';
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
   * Records of the searchable record kinds (e.g. the text of each progress report's newest
   * revision, whatever its status): of every element, or of the elements owned by one of these
   * departments (none for an empty list).
   */
  records: 'all' | { readonly ownedBy: readonly string[] };
};

/** The public: published indicators and tasks, no outline text, no records. */
export const PUBLIC_SEARCH_AUDIENCE: SearchAudience = {
  unpublishedFramework: false,
  records: { ownedBy: [] },
};

/**
 * Per searchable record kind (by its search document kind): the keys of its records whose
 * element one of these departments owns — the kind's records are indexed under their keys. Found
 * once per statement, not per candidate row: a per-row test made a reporter's search on
 * PostgreSQL about eight times slower than the office's, most candidates being other departments'
 * reports.
 */
const OWNED_RECORD_KEYS: {
  readonly [K in RecordSearchDocKind]: (ownedBy: readonly string[]) => RawBuilder<unknown>;
} = {
  report: (ownedBy) => sql`select pr.report_key from progress_reports pr
    where pr.task_id in (${tasksOwnedByAny(ownedBy)})`,
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
  const { records } = audience;
  if (records === 'all') {
    const kinds = RECORD_SEARCH_DOC_KINDS.map((kind) => sql`d.kind = ${kind}`);
    return sql<SqlBool>`(${framework} or ${sql.join(kinds, sql` or `)})`;
  }
  if (records.ownedBy.length === 0) return sql<SqlBool>`${framework}`;
  const owned = RECORD_SEARCH_DOC_KINDS.map(
    (kind) => sql`(d.kind = ${kind} and d.ref_id in (${OWNED_RECORD_KEYS[kind](records.ownedBy)}))`,
  );
  return sql<SqlBool>`(${framework} or ${sql.join(owned, sql` or `)})`;
}

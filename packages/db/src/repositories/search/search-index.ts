import { FRAMEWORK_SEARCH_DOC_KINDS } from '@plantrack/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { SearchDocumentsTable, SearchKind } from '../../schema/record-tables.schema.js';

/** A row of the search index as written. */
export type SearchDocument = Insertable<SearchDocumentsTable>;

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

/**
 * Replaces the indexed framework text (outline nodes, indicators, tasks) of a plan with that of
 * its newest version, so search shows current text only. Progress reports are kept.
 */
export async function replaceFrameworkDocuments(
  db: Kysely<Database>,
  planId: string,
  documents: readonly SearchDocument[],
): Promise<void> {
  await db
    .deleteFrom('search_documents')
    .where('plan_id', '=', planId)
    .where('kind', 'in', FRAMEWORK_SEARCH_DOC_KINDS)
    .execute();
  for (let i = 0; i < documents.length; i += CHUNK) {
    await db
      .insertInto('search_documents')
      .values(documents.slice(i, i + CHUNK))
      .execute();
  }
}

/** Adds or refreshes one indexed record (an edited indicator, the latest text of a progress report). */
export async function upsertSearchDocument(db: Kysely<Database>, document: SearchDocument): Promise<void> {
  await db
    .insertInto('search_documents')
    .values(document)
    .onConflict((oc) =>
      oc.columns(['kind', 'ref_id']).doUpdateSet({
        plan_id: document.plan_id,
        plan_version_id: document.plan_version_id ?? null,
        node_key: document.node_key ?? null,
        title: document.title,
        body: document.body,
        source_start: document.source_start ?? null,
        source_end: document.source_end ?? null,
      }),
    )
    .execute();
}

/** Refreshes the title and text of an indexed record, keeping its links (a framework edit). */
export async function updateSearchText(
  db: Kysely<Database>,
  kind: SearchKind,
  refId: string,
  text: { title: string; body: string },
): Promise<void> {
  await db
    .updateTable('search_documents')
    .set(text)
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .execute();
}

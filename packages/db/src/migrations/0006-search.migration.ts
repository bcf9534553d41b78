import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../support/dialect.js';
import { addIndex, oneOf } from './migration-helpers.js';

/**
 * Chinese full-text search. `search_documents` (same on both dialects) holds the searchable text;
 * underneath, SQLite mirrors it into an FTS5 table with the trigram tokenizer (kept in sync by
 * triggers, external-content so the text is stored once) and PostgreSQL indexes it with pg_trgm
 * GIN indexes, which serve `ILIKE '%…%'` for Chinese when the database's ctype is UTF-8.
 * Neither database ships a Chinese word segmenter; trigrams need no dictionary.
 */
export const searchMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const dialect = dialectOf(db);
    await db.schema
      .createTable('search_documents')
      .addColumn('doc_id', 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
      )
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(oneOf('kind', ['node', 'indicator', 'task', 'report'])),
      )
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('plan_version_id', 'text', (c) => c.references('plan_versions.id'))
      .addColumn('node_key', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('source_start', 'integer')
      .addColumn('source_end', 'integer')
      .addUniqueConstraint('search_documents_kind_ref_uq', ['kind', 'ref_id'])
      .execute();
    await addIndex(db, 'search_documents', ['plan_id']);

    if (dialect === 'postgres') {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index search_documents_title_trgm on search_documents using gin (title gin_trgm_ops)`.execute(
        db,
      );
      await sql`create index search_documents_body_trgm on search_documents using gin (body gin_trgm_ops)`.execute(
        db,
      );
      return;
    }
    await sql`
      create virtual table search_fts using fts5(
        title, body, content = 'search_documents', content_rowid = 'doc_id', tokenize = 'trigram'
      )
    `.execute(db);
    await sql`
      create trigger search_documents_ai after insert on search_documents begin
        insert into search_fts (rowid, title, body) values (new.doc_id, new.title, new.body);
      end
    `.execute(db);
    await sql`
      create trigger search_documents_ad after delete on search_documents begin
        insert into search_fts (search_fts, rowid, title, body) values ('delete', old.doc_id, old.title, old.body);
      end
    `.execute(db);
    await sql`
      create trigger search_documents_au after update on search_documents begin
        insert into search_fts (search_fts, rowid, title, body) values ('delete', old.doc_id, old.title, old.body);
        insert into search_fts (rowid, title, body) values (new.doc_id, new.title, new.body);
      end
    `.execute(db);
  },
};

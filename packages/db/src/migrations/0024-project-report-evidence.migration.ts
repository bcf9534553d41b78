import { type Kysely, type Migration, sql } from 'kysely';
import { addIndex, oneOf } from './migration-helpers.js';

/**
 * Evidence files (photos of the site, mostly) for a major project's monthly report:
 * `project_report` joins the CHECK of `evidence_files.subject_kind` (0009), its key being
 * `projectId|YYYY-MM`. Neither dialect alters a column's CHECK in place portably, so the table is
 * rebuilt as 0022 does: copied aside, dropped, created anew with the same columns (0003, 0009,
 * 0012) and indexes, copied back. The value list is spelled out so this migration never changes.
 */
export const projectReportEvidenceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const kinds = ['observation', 'progress-report', 'project_report'];
    await sql`create table evidence_files_0024 as select * from evidence_files`.execute(db);
    await db.schema.dropTable('evidence_files').execute();
    await db.schema
      .createTable('evidence_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('original_name', 'text', (c) => c.notNull())
      .addColumn('storage_path', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('subject_kind', 'text', (c) => c.check(oneOf('subject_kind', kinds)))
      .addColumn('subject_key', 'text')
      .addColumn('revision_no', 'integer')
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addColumn('redacted_at', 'text')
      .addColumn('redacted_by', 'text')
      .addColumn('redaction_reason', 'text')
      .execute();
    await sql`
      insert into evidence_files (id, sha256, size_bytes, mime, original_name, storage_path, uploaded_at,
        uploaded_by, subject_kind, subject_key, revision_no, withdrawn_at, withdrawn_by, redacted_at,
        redacted_by, redaction_reason)
      select id, sha256, size_bytes, mime, original_name, storage_path, uploaded_at,
        uploaded_by, subject_kind, subject_key, revision_no, withdrawn_at, withdrawn_by, redacted_at,
        redacted_by, redaction_reason
      from evidence_files_0024
    `.execute(db);
    await addIndex(db, 'evidence_files', ['subject_kind', 'subject_key']);
    await addIndex(db, 'evidence_files', ['sha256']);
    await db.schema.dropTable('evidence_files_0024').execute();
  },
};

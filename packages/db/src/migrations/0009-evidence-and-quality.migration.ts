import type { Kysely, Migration } from 'kysely';
import { addIndex, oneOf, protectAppendOnly } from './migration-helpers.js';

/** Kinds of record an evidence file belongs to, as the migration fixes them. */
export const EVIDENCE_SUBJECT_KINDS = ['observation', 'progress-report'] as const;

/**
 * Evidence files bound to their record, and data-quality flags stored with submitted revisions.
 *
 * - `evidence_files` (0003) gains `subject_kind`, `subject_key` and `revision_no`: the record a file
 *   supports and the record's latest revision when it was uploaded. Its bytes stay on disk,
 *   content-addressed by `sha256` under `storage_path`.
 * - `observation_quality_flags`: one row per submitted observation revision with the flags the
 *   checks raised (docs/methodology.md §14); append-only like the revisions themselves.
 */
export const evidenceAndQualityMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('evidence_files')
      .addColumn('subject_kind', 'text', (c) => c.check(oneOf('subject_kind', EVIDENCE_SUBJECT_KINDS)))
      .execute();
    await db.schema.alterTable('evidence_files').addColumn('subject_key', 'text').execute();
    await db.schema.alterTable('evidence_files').addColumn('revision_no', 'integer').execute();
    await addIndex(db, 'evidence_files', ['subject_kind', 'subject_key']);
    await addIndex(db, 'evidence_files', ['sha256']);

    await db.schema
      .createTable('observation_quality_flags')
      .addColumn('revision_id', 'text', (c) => c.primaryKey().references('observations.id'))
      .addColumn('observation_key', 'text', (c) => c.notNull())
      .addColumn('revision_no', 'integer', (c) => c.notNull())
      .addColumn('flags_json', 'text', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await addIndex(db, 'observation_quality_flags', ['observation_key', 'revision_no']);
    await protectAppendOnly(db, 'observation_quality_flags');
  },
};

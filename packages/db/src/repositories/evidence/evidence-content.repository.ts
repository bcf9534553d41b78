import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';

/** Hashes per `IN (…)` list: far below SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 500;

/**
 * Which of `sha256s` (lowercase hex, as stored) are the content of an evidence row whose bytes
 * must stay on disk. The evidence folder is content-addressed, so several rows may share one file:
 * a file is needed while any such row names its hash.
 *
 * Used by the start-up cleanup to tell an orphan file (written by an upload whose row was never
 * committed, e.g. the process was killed in between) from a referenced one. The caller passes the
 * hashes it found on disk, so the query is bounded by the folder's contents and uses the
 * `evidence_files(sha256)` index rather than reading every row.
 *
 * A redacted row's bytes are removed on purpose, so it does not keep its file alive; a withdrawn
 * row still does (the department and reviewers may still open it).
 */
export async function referencedEvidenceContent(
  db: Kysely<Database>,
  sha256s: readonly string[],
): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (let i = 0; i < sha256s.length; i += BATCH) {
    const batch = sha256s.slice(i, i + BATCH);
    const rows = await rowsWhoseBytesMustExist(db)
      .select('e.sha256')
      .distinct()
      .where('e.sha256', 'in', batch)
      .execute();
    for (const row of rows) referenced.add(row.sha256);
  }
  return referenced;
}

/** The evidence rows whose content must be kept on disk: every row but a redacted one. */
function rowsWhoseBytesMustExist(db: Kysely<Database>) {
  return db.selectFrom('evidence_files as e').where('e.redacted_at', 'is', null);
}

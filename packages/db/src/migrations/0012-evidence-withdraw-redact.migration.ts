import type { Kysely, Migration } from 'kysely';

/**
 * Evidence files can leave a record without losing their trace (issue: returned evidence became
 * public). `evidence_files` gains:
 *
 * - `withdrawn_at`, `withdrawn_by`: the owning department (or the planning office) took the file off
 *   a draft or returned submission; the row and its bytes stay for the department and reviewers,
 *   and a withdrawn file never becomes public.
 * - `redacted_at`, `redacted_by`, `redaction_reason`: the planning office removed the file (for
 *   example because it held personal data); the bytes are deleted from disk unless another
 *   unredacted row holds the same content, the row keeps name and size, downloads answer 410.
 *
 * All nullable: null means "not withdrawn" / "not redacted". The audit log keeps who and why.
 */
export const evidenceWithdrawRedactMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of ['withdrawn_at', 'withdrawn_by', 'redacted_at', 'redacted_by', 'redaction_reason']) {
      await db.schema.alterTable('evidence_files').addColumn(column, 'text').execute();
    }
  },
};

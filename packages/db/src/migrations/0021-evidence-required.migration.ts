import type { Kysely, Migration } from 'kysely';
import { isFlag } from './migration-helpers.js';

/**
 * The planning office may require evidence with every submitted value of a plan:
 * `review_settings.evidence_required` (0 for existing rows: nothing was required before). A value
 * submitted without a file then carries the `evidence-missing` quality warning, which the reporter
 * confirms or fixes and the reviewer sees.
 */
export const evidenceRequiredMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('review_settings')
      .addColumn('evidence_required', 'integer', (c) =>
        c.notNull().defaultTo(0).check(isFlag('evidence_required')),
      )
      .execute();
  },
};

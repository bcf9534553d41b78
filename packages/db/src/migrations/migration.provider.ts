import { type Kysely, type Migration, type MigrationProvider, type MigrationResult, Migrator } from 'kysely';
import { planTablesMigration } from './0001-plan-tables.migration.js';
import { peopleTablesMigration } from './0002-people-tables.migration.js';
import { monitoringTablesMigration } from './0003-monitoring-tables.migration.js';
import { recordTablesMigration } from './0004-record-tables.migration.js';
import { appendOnlyMigration } from './0005-append-only.migration.js';
import { searchMigration } from './0006-search.migration.js';
import { notificationsMigration } from './0007-notifications.migration.js';
import { sessionsMigration } from './0008-sessions.migration.js';
import { evidenceAndQualityMigration } from './0009-evidence-and-quality.migration.js';
import { referenceSeriesMigration } from './0010-reference-series.migration.js';
import { indicatorOwnersMigration } from './0011-indicator-owners.migration.js';
import { evidenceWithdrawRedactMigration } from './0012-evidence-withdraw-redact.migration.js';
import { accountSecurityMigration } from './0013-account-security.migration.js';
import { fourEyesReviewMigration } from './0014-four-eyes-review.migration.js';
import { reportsMigration } from './0015-reports.migration.js';
import { instanceSettingsMigration } from './0016-instance-settings.migration.js';
import { departmentRegistryMigration } from './0017-department-registry.migration.js';
import { reportingRoundsMigration } from './0018-reporting-rounds.migration.js';
import { submittedNotificationsMigration } from './0019-submitted-notifications.migration.js';
import { projectsMigration } from './0020-projects.migration.js';
import { evidenceRequiredMigration } from './0021-evidence-required.migration.js';
import { halfYearFrequencyMigration } from './0022-half-year-frequency.migration.js';
import { projectNotificationsMigration } from './0023-project-notifications.migration.js';
import { projectReportEvidenceMigration } from './0024-project-report-evidence.migration.js';

/**
 * Every migration, by name, in order. Static imports instead of reading a folder, so migrations
 * work from the TypeScript sources (tests), from `dist/` and from a bundle alike. Append-only:
 * a released migration is never edited; a change is a new entry.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-plan-tables': planTablesMigration,
  '0002-people-tables': peopleTablesMigration,
  '0003-monitoring-tables': monitoringTablesMigration,
  '0004-record-tables': recordTablesMigration,
  '0005-append-only': appendOnlyMigration,
  '0006-search': searchMigration,
  '0007-notifications': notificationsMigration,
  '0008-sessions': sessionsMigration,
  '0009-evidence-and-quality': evidenceAndQualityMigration,
  '0010-reference-series': referenceSeriesMigration,
  '0011-indicator-owners': indicatorOwnersMigration,
  '0012-evidence-withdraw-redact': evidenceWithdrawRedactMigration,
  '0013-account-security': accountSecurityMigration,
  '0014-four-eyes-review': fourEyesReviewMigration,
  '0015-reports': reportsMigration,
  '0016-instance-settings': instanceSettingsMigration,
  '0017-department-registry': departmentRegistryMigration,
  '0018-reporting-rounds': reportingRoundsMigration,
  '0019-submitted-notifications': submittedNotificationsMigration,
  '0020-projects': projectsMigration,
  '0021-evidence-required': evidenceRequiredMigration,
  '0022-half-year-frequency': halfYearFrequencyMigration,
  '0023-project-notifications': projectNotificationsMigration,
  '0024-project-report-evidence': projectReportEvidenceMigration,
};

/** A {@link MigrationProvider} over {@link MIGRATIONS}. */
export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

/**
 * Brings the database to the latest schema and returns what ran. Safe to call on every start:
 * Kysely takes a lock table so two processes do not migrate at once, and each migration runs in a
 * transaction (both dialects have transactional DDL), so a failure leaves the previous schema.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return results ?? [];
}

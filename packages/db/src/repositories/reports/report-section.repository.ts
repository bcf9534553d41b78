import type { Kysely } from 'kysely';
import { ConflictError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReportSectionKeyValue } from '../../schema/report-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { isUniqueViolation } from '../../support/db-errors.js';
import { appendAudit } from '../audit/audit.repository.js';

/** One revision of an office section of a report. */
export type ReportSectionRevisionRow = {
  key: ReportSectionKeyValue;
  revisionNo: number;
  text: string;
  authorId: string;
  authorName: string | null;
  writtenAt: string;
};

function revisionsQuery(db: Kysely<Database>, reportId: string) {
  return db
    .selectFrom('report_section_revisions as s')
    .leftJoin('users as u', 'u.id', 's.written_by')
    .select(['s.section_key', 's.revision_no', 's.text', 's.written_by', 's.written_at', 'u.display_name'])
    .where('s.report_id', '=', reportId);
}

type Raw = Awaited<ReturnType<ReturnType<typeof revisionsQuery>['execute']>>[number];

function toRevision(r: Raw): ReportSectionRevisionRow {
  return {
    key: r.section_key,
    revisionNo: r.revision_no,
    text: r.text,
    authorId: r.written_by,
    authorName: r.display_name,
    writtenAt: r.written_at,
  };
}

/** The newest revision of each written section of a report. */
export async function currentReportSections(
  db: Kysely<Database>,
  reportId: string,
): Promise<Map<ReportSectionKeyValue, ReportSectionRevisionRow>> {
  const rows = await revisionsQuery(db, reportId).orderBy('s.revision_no').execute();
  const out = new Map<ReportSectionKeyValue, ReportSectionRevisionRow>();
  for (const r of rows) out.set(r.section_key, toRevision(r));
  return out;
}

/** Every revision of one section, oldest first. */
export async function reportSectionHistory(
  db: Kysely<Database>,
  reportId: string,
  key: ReportSectionKeyValue,
): Promise<ReportSectionRevisionRow[]> {
  const rows = await revisionsQuery(db, reportId)
    .where('s.section_key', '=', key)
    .orderBy('s.revision_no')
    .execute();
  return rows.map(toRevision);
}

export type NewSectionRevision = {
  reportId: string;
  planId: string;
  key: ReportSectionKeyValue;
  text: string;
  /** The revision the text was edited from; a newer stored one is a conflict. */
  baseRevision?: number | undefined;
  actor: string;
};

/** Appends a revision of a section (never overwrites), audited in the same transaction. */
export async function appendReportSection(
  db: Kysely<Database>,
  input: NewSectionRevision,
): Promise<ReportSectionRevisionRow> {
  const writtenAt = nowIso();
  let revisionNo = 0;
  try {
    await writeTransaction(db, async (trx) => {
      const last = await trx
        .selectFrom('report_section_revisions')
        .select((eb) => eb.fn.max('revision_no').as('m'))
        .where('report_id', '=', input.reportId)
        .where('section_key', '=', input.key)
        .executeTakeFirst();
      const current = last?.m ?? 0;
      if (input.baseRevision !== undefined && input.baseRevision !== current) throw stale(current);
      revisionNo = current + 1;
      await trx
        .insertInto('report_section_revisions')
        .values({
          id: newId(),
          report_id: input.reportId,
          section_key: input.key,
          revision_no: revisionNo,
          text: input.text,
          written_at: writtenAt,
          written_by: input.actor,
        })
        .execute();
      await appendAudit(trx, {
        actor: input.actor,
        action: 'report.section_written',
        entity: 'report',
        entityId: input.reportId,
        planId: input.planId,
        detail: { section: input.key, revisionNo, length: input.text.length },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw stale(revisionNo - 1);
    throw error;
  }
  const history = await reportSectionHistory(db, input.reportId, input.key);
  return history[history.length - 1] as ReportSectionRevisionRow;
}

function stale(current: number): ConflictError {
  return new ConflictError(
    'stale-revision',
    {
      zh: `该部分已被他人修改（当前第${current}版），请刷新后重试。`,
      en: `The section was changed meanwhile (now revision ${current}); reload and try again.`,
    },
    current,
  );
}

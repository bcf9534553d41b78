import { type Kysely, sql } from 'kysely';
import { InvalidInputError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReviewAction, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { checkFourEyes } from '../records/four-eyes.js';
import { nextReviewStatus, staleRevisionError } from '../records/review-transitions.js';
import { auditProject } from './project-audit.js';
import { projectNotFound } from './project-write.repository.js';

/** One revision of a monthly project report (完成投资 this month, 年初至今累计, 形象进度). */
export type ProjectReportRow = {
  id: string;
  projectId: string;
  year: number;
  month: number;
  revisionNo: number;
  status: ReviewStatus;
  action: ReviewAction;
  monthWan: number | null;
  ytdWan: number | null;
  progressText: string | null;
  reason: string | null;
  evidenceIds: string[];
  createdAt: string;
  createdBy: string;
};

/** What a reporter or reviewer sends for one month of one project. */
export type ProjectReportAction = {
  projectId: string;
  year: number;
  month: number;
  action: ReviewAction;
  monthWan?: number | null;
  ytdWan?: number | null;
  progressText?: string | null;
  reason?: string | null;
  evidenceIds?: string[];
  /** The revision the writer edited (0 for a new month); a stale number is refused. Undefined: no check. */
  expectedRevision?: number;
  by: string;
};

function toRow(r: {
  id: string;
  project_id: string;
  year: number;
  month: number;
  revision_no: number;
  status: ReviewStatus;
  action: ReviewAction;
  month_wan: number | null;
  ytd_wan: number | null;
  progress_text: string | null;
  reason: string | null;
  evidence_json: string;
  created_at: string;
  created_by: string;
}): ProjectReportRow {
  return {
    id: r.id,
    projectId: r.project_id,
    year: r.year,
    month: r.month,
    revisionNo: r.revision_no,
    status: r.status,
    action: r.action,
    monthWan: r.month_wan === null ? null : r.month_wan,
    ytdWan: r.ytd_wan === null ? null : r.ytd_wan,
    progressText: r.progress_text,
    reason: r.reason,
    evidenceIds: JSON.parse(r.evidence_json) as string[],
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** Every revision of a project's reports, oldest first. */
export async function projectReportRevisions(
  db: Kysely<Database>,
  projectId: string,
): Promise<ProjectReportRow[]> {
  const rows = await db
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('year')
    .orderBy('month')
    .orderBy('revision_no')
    .execute();
  return rows.map(toRow);
}

/** The newest revision of each month of a project (its current state). */
export async function currentProjectReports(
  db: Kysely<Database>,
  projectId: string,
): Promise<ProjectReportRow[]> {
  const all = await projectReportRevisions(db, projectId);
  const newest = new Map<string, ProjectReportRow>();
  for (const r of all) newest.set(`${r.year}-${r.month}`, r);
  return [...newest.values()];
}

const wan = (n: number): string => (Math.round(n * 100) / 100).toString();

/**
 * The quality checks on a month's figures (issue 15): 年初至今累计 must not fall below an earlier
 * month's of the same year, nor stand above a later month's; this month's amount may not exceed the
 * investment still remaining (总投资 − completed before this month). Earlier months count with their
 * newest revision, returned ones excepted (they are being redone).
 */
async function checkFigures(
  trx: Kysely<Database>,
  a: ProjectReportAction,
  monthWan: number | null,
  ytdWan: number | null,
): Promise<void> {
  const bad = (zh: string, en: string): never => {
    throw new InvalidInputError({ zh, en });
  };
  if (monthWan !== null && (!Number.isFinite(monthWan) || monthWan < 0))
    bad('本月完成投资不能为负数。', "The month's investment cannot be negative.");
  if (ytdWan !== null && (!Number.isFinite(ytdWan) || ytdWan < 0))
    bad('年初至今累计不能为负数。', 'The year-to-date total cannot be negative.');
  if (monthWan !== null && ytdWan !== null && monthWan > ytdWan + 1e-9) {
    bad(
      `本月完成投资（${wan(monthWan)}万元）大于年初至今累计（${wan(ytdWan)}万元）。`,
      `The month's investment (${wan(monthWan)} 万元) exceeds the year-to-date total (${wan(ytdWan)} 万元).`,
    );
  }
  const project = await trx
    .selectFrom('projects')
    .select('total_wan')
    .where('id', '=', a.projectId)
    .executeTakeFirst();
  if (project === undefined) throw projectNotFound();
  const current = (await currentProjectReports(trx, a.projectId)).filter(
    (r) => r.status !== 'returned' && r.ytdWan !== null,
  );
  const sameYear = current.filter((r) => r.year === a.year);
  const before = sameYear.filter((r) => r.month < a.month).sort((x, y) => y.month - x.month)[0];
  const after = sameYear.filter((r) => r.month > a.month).sort((x, y) => x.month - y.month)[0];
  if (ytdWan !== null && before?.ytdWan != null && ytdWan + 1e-9 < before.ytdWan) {
    bad(
      `累计完成投资不能下降：${a.month}月累计${wan(ytdWan)}万元，低于${before.month}月的${wan(before.ytdWan)}万元。`,
      `The cumulative investment cannot fall: ${wan(ytdWan)} 万元 in month ${a.month}, below ${wan(before.ytdWan)} 万元 in month ${before.month}.`,
    );
  }
  if (ytdWan !== null && after?.ytdWan != null && ytdWan > after.ytdWan + 1e-9) {
    bad(
      `累计完成投资不能下降：${a.month}月累计${wan(ytdWan)}万元，高于${after.month}月的${wan(after.ytdWan)}万元。`,
      `The cumulative investment cannot fall: ${wan(ytdWan)} 万元 in month ${a.month}, above ${wan(after.ytdWan)} 万元 in month ${after.month}.`,
    );
  }
  if (monthWan !== null && project.total_wan !== null) {
    // Completed before this month: each earlier year's last reported total, plus this year's previous month.
    const lastOfYear = new Map<number, ProjectReportRow>();
    for (const r of current.filter((c) => c.year < a.year)) {
      const seen = lastOfYear.get(r.year);
      if (seen === undefined || seen.month < r.month) lastOfYear.set(r.year, r);
    }
    const done = [...lastOfYear.values()].reduce((s, r) => s + (r.ytdWan ?? 0), 0) + (before?.ytdWan ?? 0);
    const remaining = project.total_wan - done;
    if (monthWan > remaining + 1e-9) {
      bad(
        `本月完成投资${wan(monthWan)}万元，超过剩余投资${wan(Math.max(remaining, 0))}万元（总投资${wan(project.total_wan)}万元）。`,
        `The month's investment ${wan(monthWan)} 万元 exceeds the remaining investment ${wan(Math.max(remaining, 0))} 万元 (total ${wan(project.total_wan)} 万元).`,
      );
    }
  }
}

/**
 * Saves, submits, approves, returns or corrects one month's report as a new append-only revision
 * (the same draft → submitted → returned/approved flow as indicators and tasks: records'
 * `nextReviewStatus`), four-eyes included. Figures are checked when the reporter writes them; review actions carry the
 * figures of the revision they judge.
 */
export async function actOnProjectReport(
  db: Kysely<Database>,
  a: ProjectReportAction,
): Promise<ProjectReportRow> {
  if (!Number.isInteger(a.month) || a.month < 1 || a.month > 12 || !Number.isInteger(a.year)) {
    throw new InvalidInputError({ zh: '月份须为 1–12。', en: 'The month must be 1–12.' });
  }
  return writeTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('project_reports')
      .selectAll()
      .where('project_id', '=', a.projectId)
      .where('year', '=', a.year)
      .where('month', '=', a.month)
      .orderBy('revision_no', 'desc')
      .limit(1)
      .executeTakeFirst();
    const prev = last === undefined ? null : toRow(last);
    // Two clerks on one month: the second save must not silently replace what the first wrote.
    if (a.expectedRevision !== undefined && a.expectedRevision !== (prev?.revisionNo ?? 0))
      throw staleRevisionError(a.expectedRevision, prev?.revisionNo ?? 0);
    const reviewing = a.action === 'approve' || a.action === 'return';
    const monthWan = reviewing ? (prev?.monthWan ?? null) : (a.monthWan ?? null);
    const ytdWan = reviewing ? (prev?.ytdWan ?? null) : (a.ytdWan ?? null);
    const status = nextReviewStatus({
      current: prev?.status ?? null,
      action: a.action,
      hasValues: monthWan !== null || ytdWan !== null || (a.progressText ?? '') !== '',
      reason: a.reason ?? null,
      currentRevision: prev?.revisionNo ?? 0,
    });
    // Four-eyes: nobody approves or returns a month they submitted (no self-review ground for projects).
    await checkFourEyes(trx, { action: a.action, actor: a.by, planId: sql<null>`null` }, prev ?? undefined);
    if (!reviewing) await checkFigures(trx, a, monthWan, ytdWan);
    const row = {
      id: newId(),
      project_id: a.projectId,
      year: a.year,
      month: a.month,
      revision_no: (prev?.revisionNo ?? 0) + 1,
      status,
      action: a.action,
      month_wan: monthWan,
      ytd_wan: ytdWan,
      progress_text: reviewing ? (prev?.progressText ?? null) : (a.progressText ?? null),
      reason: a.reason ?? null,
      evidence_json: JSON.stringify(reviewing ? (prev?.evidenceIds ?? []) : (a.evidenceIds ?? [])),
      created_at: nowIso(),
      created_by: a.by,
    };
    await trx.insertInto('project_reports').values(row).execute();
    await auditProject(trx, {
      actor: a.by,
      action: `report-${a.action}`,
      projectId: a.projectId,
      detail: { year: a.year, month: a.month, revisionNo: row.revision_no, status },
    });
    return toRow(row);
  });
}

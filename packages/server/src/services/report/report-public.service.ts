import type { PublicReport } from '@plantrack/api';
import { type ReportRow, findReport, listReports, publishedIndicatorCounts } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { canReadPublishedReports } from '../../policies/report.policy.js';
import { enforce } from '../../policies/policy.js';
import type { ReportFile, ReportFormatName } from './report-files.js';
import { renderStoredReport } from './report-store.js';
import { stampedCachePerApp } from '../cache/stamped.cache.js';

// A published report never changes (its snapshot is frozen, its sections locked), so its files are
// kept: anonymous visitors do not make the server render a Word file or print a PDF each time.
const publishedFilesOf = stampedCachePerApp<ReportFile>(24);

/** A plan is public once it has a published indicator; anything else is "not found" to visitors. */
async function requirePublicPlan(ctx: AppContext, planId: string): Promise<void> {
  const counts = await publishedIndicatorCounts(ctx.db);
  if ((counts.get(planId) ?? 0) === 0) throw notFound(planId);
}

function toPublic(r: ReportRow): PublicReport {
  return {
    id: r.id,
    planId: r.planId,
    kind: r.kind,
    year: r.year,
    asOf: r.asOf,
    title: r.title,
    publishedAt: r.publishedAt ?? r.createdAt,
  };
}

/** Published reports of a published plan, newest first (no sign-in). */
export async function publicReportsOfPlan(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<PublicReport[]> {
  enforce(p, canReadPublishedReports());
  await requirePublicPlan(ctx, planId);
  return (await listReports(ctx.db, planId, ['published'])).map(toPublic);
}

/** A published report's file; a report not published (or of a plan not public) is not found. */
export async function downloadPublicReport(
  ctx: AppContext,
  p: Principal,
  id: string,
  format: ReportFormatName,
): Promise<ReportFile> {
  enforce(p, canReadPublishedReports());
  const report = await findReport(ctx.db, id);
  if (report?.status !== 'published') throw notFound(id);
  await requirePublicPlan(ctx, report.planId);
  return publishedFilesOf(ctx).get(`${id}|${format}`, report.publishedAt ?? '', () =>
    renderStoredReport(ctx.db, id, format),
  );
}

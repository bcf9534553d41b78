import type { NewReport, ReportSection, ReportSectionKey } from '@plantrack/api';
import {
  type ReportRow,
  type ReportSectionRevisionRow,
  appendReportSection,
  currentReportSections,
  listReports,
  planHeader,
  reportSectionHistory,
  requireReport,
  transitionReport,
} from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canApproveReports, canEditReports, canReadReports } from '../../policies/report.policy.js';
import { enforce } from '../../policies/policy.js';
import type { ReportFile, ReportFormatName } from './report-files.js';
import { createStoredReport, officeSectionsOf, renderStoredReport, todayUtc } from './report-store.js';

/** Options the deployment gives the report service. */
export type ReportServiceOptions = {
  /** The store holds demo data: reports carry a 演示数据 watermark. */
  demo?: boolean;
};

/** Headings of the office's sections (for messages; a report's own headings come from its document). */
export const SECTION_TITLES: Readonly<Record<ReportSectionKey, string>> = {
  overview: '总体情况',
  problems: '存在问题',
  measures: '对策建议',
  adjustments: '调整建议',
  'next-year': '下一年度实施重点',
};

export async function createReport(
  ctx: AppContext,
  p: Principal,
  planId: string,
  body: NewReport,
  options: ReportServiceOptions = {},
): Promise<ReportRow> {
  enforce(p, canEditReports(p));
  return createStoredReport(ctx.db, {
    planId,
    kind: body.kind,
    year: body.year,
    asOf: body.asOf ?? todayUtc(),
    title: body.title,
    actor: actorOf(p),
    demo: options.demo === true,
  });
}

export async function reportsOfPlan(ctx: AppContext, p: Principal, planId: string): Promise<ReportRow[]> {
  enforce(p, canReadReports(p));
  await planHeader(ctx.db, planId);
  return listReports(ctx.db, planId);
}

export async function getReport(ctx: AppContext, p: Principal, id: string): Promise<ReportRow> {
  enforce(p, canReadReports(p));
  return requireReport(ctx.db, id);
}

export async function downloadReport(
  ctx: AppContext,
  p: Principal,
  id: string,
  format: ReportFormatName,
): Promise<ReportFile> {
  enforce(p, canReadReports(p));
  return renderStoredReport(ctx.db, id, format);
}

function sectionOf(
  key: ReportSectionKey,
  placeholder: { title: string; hint: string },
  r: ReportSectionRevisionRow | undefined,
): ReportSection {
  return {
    key,
    title: placeholder.title,
    hint: placeholder.hint,
    text: r?.text ?? null,
    revisionNo: r?.revisionNo ?? 0,
    authorId: r?.authorId ?? null,
    authorName: r?.authorName ?? null,
    writtenAt: r?.writtenAt ?? null,
  };
}

/** The sections the office writes for this report's kind, with their current text. */
export async function sectionsOfReport(ctx: AppContext, p: Principal, id: string): Promise<ReportSection[]> {
  enforce(p, canReadReports(p));
  const report = await requireReport(ctx.db, id);
  const [placeholders, current] = await Promise.all([
    officeSectionsOf(ctx.db, report),
    currentReportSections(ctx.db, id),
  ]);
  return placeholders.map((b) => sectionOf(b.key, b, current.get(b.key)));
}

export async function sectionHistory(
  ctx: AppContext,
  p: Principal,
  id: string,
  key: ReportSectionKey,
): Promise<ReportSectionRevisionRow[]> {
  enforce(p, canReadReports(p));
  await requireReport(ctx.db, id);
  return reportSectionHistory(ctx.db, id, key);
}

/** Appends a revision of a section; only a draft is edited (a submitted report is under review). */
export async function writeSection(
  ctx: AppContext,
  p: Principal,
  id: string,
  key: ReportSectionKey,
  body: { text: string; baseRevision?: number | undefined },
): Promise<ReportSection> {
  enforce(p, canEditReports(p));
  const report = await requireReport(ctx.db, id);
  if (report.status !== 'draft') {
    throw new ApiError(409, 'report-locked', {
      zh: '报告已提交审核或已通过，不能再修改；如需修改请先退回。',
      en: 'The report is under review or approved and cannot be edited; return it first.',
    });
  }
  const placeholder = (await officeSectionsOf(ctx.db, report)).find((b) => b.key === key);
  if (placeholder === undefined) {
    throw new ApiError(400, 'section-not-in-report', {
      zh: `此类报告没有“${SECTION_TITLES[key]}”部分。`,
      en: `A report of this kind has no "${key}" section.`,
    });
  }
  const revision = await appendReportSection(ctx.db, {
    reportId: id,
    planId: report.planId,
    key,
    text: body.text,
    baseRevision: body.baseRevision,
    actor: actorOf(p),
  });
  return sectionOf(key, placeholder, revision);
}

export function submitReport(ctx: AppContext, p: Principal, id: string): Promise<ReportRow> {
  enforce(p, canEditReports(p));
  return transitionReport(ctx.db, {
    reportId: id,
    action: 'submitted',
    from: ['draft'],
    to: 'in_review',
    actor: actorOf(p),
  });
}

export function approveReport(ctx: AppContext, p: Principal, id: string): Promise<ReportRow> {
  enforce(p, canApproveReports(p));
  return transitionReport(ctx.db, {
    reportId: id,
    action: 'approved',
    from: ['in_review'],
    to: 'approved',
    actor: actorOf(p),
  });
}

/** Sends a report under review (or approved, not yet published) back to draft, saying why. */
export function returnReport(ctx: AppContext, p: Principal, id: string, note: string): Promise<ReportRow> {
  enforce(p, canApproveReports(p));
  return transitionReport(ctx.db, {
    reportId: id,
    action: 'returned',
    from: ['in_review', 'approved'],
    to: 'draft',
    actor: actorOf(p),
    note,
  });
}

export function publishReport(ctx: AppContext, p: Principal, id: string): Promise<ReportRow> {
  enforce(p, canEditReports(p));
  return transitionReport(ctx.db, {
    reportId: id,
    action: 'published',
    from: ['approved'],
    to: 'published',
    actor: actorOf(p),
  });
}

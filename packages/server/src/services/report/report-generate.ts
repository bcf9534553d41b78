import type { ReportKind } from '@plantrack/core';
import { type ReportRow, InvalidInputError, listPlans, migrateToLatest, openDatabase } from '@plantrack/db';
import { closeReportPdfPrinter } from '@plantrack/formats';
import type { ReportFile, ReportFormatName } from './report-files.js';
import { createStoredReport, renderStoredReport, todayUtc } from './report-store.js';

/** Who the audit log names for reports made from the command line. */
export const REPORT_CLI_ACTOR = 'system:report-cli';

/** What `plantrack report` asks for. */
export type GenerateReportOptions = {
  kind: ReportKind;
  year: number;
  asOf?: string | undefined;
  format: ReportFormatName;
  /** Plan id or slug; optional when the store holds one plan. */
  plan?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** The store holds demo data: the report carries a 演示数据 watermark. */
  demo?: boolean;
};

/**
 * Opens the store, creates (and stores) a report with its snapshot as of the date, and renders it:
 * the command line's way to the same report the web app makes.
 */
export async function generateReport(
  options: GenerateReportOptions,
): Promise<{ report: ReportRow; file: ReportFile }> {
  const handle = openDatabase(
    options.databaseUrl === undefined
      ? { dataDir: options.dataDir ?? './data' }
      : { url: options.databaseUrl },
  );
  try {
    await migrateToLatest(handle.db);
    const plans = await listPlans(handle.db);
    const planId = pickPlan(plans, options.plan);
    const report = await createStoredReport(handle.db, {
      planId,
      kind: options.kind,
      year: options.year,
      asOf: options.asOf ?? todayUtc(),
      actor: REPORT_CLI_ACTOR,
      demo: options.demo === true,
    });
    return { report, file: await renderStoredReport(handle.db, report.id, options.format) };
  } finally {
    // The command prints one report: its Chromium must not keep the process alive.
    if (options.format === 'pdf') await closeReportPdfPrinter();
    await handle.close();
  }
}

function pickPlan(plans: readonly { id: string; slug: string }[], plan: string | undefined): string {
  if (plan !== undefined) {
    const found = plans.find((p) => p.id === plan || p.slug === plan);
    if (found === undefined)
      throw new InvalidInputError({ zh: `没有这个规划：${plan}`, en: `No such plan: ${plan}` });
    return found.id;
  }
  const [only, ...more] = plans;
  if (only === undefined || more.length > 0) {
    throw new InvalidInputError({
      zh: `库中有 ${plans.length} 个规划，请用 --plan 指定一个。`,
      en: `The store holds ${plans.length} plans; name one with --plan.`,
    });
  }
  return only.id;
}

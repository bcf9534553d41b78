import {
  buildReportDocument,
  type OfficeTextBlock,
  type OfficeTextKey,
  type ReportDocument,
  type ReportKind,
  type ReportSection,
} from '@plantrack/core';
import {
  type Db,
  type ReportRow,
  currentReportSections,
  insertReport,
  isDemoDatabase,
  readReportSnapshot,
  requireReport,
} from '@plantrack/db';
import { ApiError } from '../../errors.js';
import { chinaDateOf } from './china-day.js';
import { reportInputOf } from './report-input.js';
import { type ReportFile, type ReportFormatName, renderReportFile, reportFileStem } from './report-files.js';
import { takeReportSnapshot } from './report-snapshot.js';
import { type ReportSnapshot, SNAPSHOT_FORMAT } from './report-snapshot.types.js';

/** What a new report needs; the snapshot is taken from the store as of `asOf`. */
export type NewStoredReport = {
  planId: string;
  kind: ReportKind;
  year: number;
  asOf: string;
  title?: string | undefined;
  actor: string;
};

/** Today's date in China time, the default as-of date (and the latest one allowed). */
export function todayInChina(now: Date = new Date()): string {
  return chinaDateOf(now);
}

function checkDate(asOf: string): void {
  const d = new Date(`${asOf}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== asOf
  ) {
    throw new ApiError(400, 'invalid-date', {
      zh: `截止日期无效：${asOf}（格式 YYYY-MM-DD）`,
      en: `Invalid as-of date: ${asOf} (YYYY-MM-DD)`,
    });
  }
}

/** Creates a report: takes its snapshot, serialises it once and stores both. */
export async function createStoredReport(db: Db, input: NewStoredReport): Promise<ReportRow> {
  checkDate(input.asOf);
  const demo = await isDemoDatabase(db);
  // A snapshot "as of" a day still to come would later disagree with what that day approved. A demo
  // database's simulated history runs ahead of the clock (`plantrack demo --through`), so there the
  // as-of date may lie ahead too.
  if (input.asOf > todayInChina() && !demo) {
    throw new ApiError(400, 'as-of-in-future', {
      zh: `截止日期不能晚于今天：${input.asOf}`,
      en: `The as-of date cannot be later than today: ${input.asOf}`,
    });
  }
  const snapshot = await takeReportSnapshot(db, input.planId, input.asOf, input.year);
  const title =
    input.title ??
    buildReportDocument(
      reportInputOf(snapshot, {
        kind: input.kind,
        year: input.year,
        asOf: input.asOf,
        officeTexts: {},
        demo: false,
      }),
    ).title;
  return insertReport(db, {
    planId: input.planId,
    kind: input.kind,
    year: input.year,
    asOf: input.asOf,
    title,
    // A report made from a demo database (`plantrack demo`) is demo data: every rendering of it
    // carries the 演示数据 watermark, whoever asks for it and through whichever door.
    demo,
    planVersionId: snapshot.planVersionId,
    snapshotJson: JSON.stringify(snapshot),
    counts: {
      observations: snapshot.observations.length,
      progressReports: snapshot.tasks.filter((t) => t.progress !== null).length,
      referenceValues: snapshot.references.reduce((n, r) => n + r.points.length, 0),
    },
    actor: input.actor,
  });
}

/** A stored report's snapshot, parsed (it is never read from anywhere else). */
export async function storedSnapshot(db: Db, reportId: string): Promise<ReportSnapshot> {
  const { json } = await readReportSnapshot(db, reportId);
  const snapshot = JSON.parse(json) as ReportSnapshot;
  if (snapshot.format !== SNAPSHOT_FORMAT) {
    throw new ApiError(500, 'snapshot-format', {
      zh: `报告快照格式无法识别：${String(snapshot.format)}`,
      en: `Unknown report snapshot format: ${String(snapshot.format)}`,
    });
  }
  return snapshot;
}

/** The document of a stored report: its snapshot and the office's current section texts. */
export async function storedReportDocument(
  db: Db,
  report: ReportRow,
): Promise<{ doc: ReportDocument; snapshot: ReportSnapshot }> {
  const [snapshot, sections, demoDatabase] = await Promise.all([
    storedSnapshot(db, report.id),
    currentReportSections(db, report.id),
    isDemoDatabase(db),
  ]);
  const officeTexts: Partial<Record<OfficeTextKey, string>> = {};
  for (const [key, s] of sections) if (s.text.trim() !== '') officeTexts[key] = s.text;
  const doc = buildReportDocument(
    reportInputOf(snapshot, {
      kind: report.kind,
      year: report.year,
      asOf: report.asOf,
      officeTexts,
      // Also when the flag was not set at creation: nothing rendered from a demo store goes out unmarked.
      demo: report.demo || demoDatabase,
    }),
  );
  return { doc: { ...doc, title: report.title }, snapshot };
}

/** Renders a stored report in one format. */
export async function renderStoredReport(
  db: Db,
  reportId: string,
  format: ReportFormatName,
): Promise<ReportFile> {
  const report = await requireReport(db, reportId);
  const { doc, snapshot } = await storedReportDocument(db, report);
  return renderReportFile(doc, format, reportFileStem(report.kind, snapshot.plan, report.year));
}

/** The office-written sections a report of this kind has, in document order (a briefing has none). */
export async function officeSectionsOf(db: Db, report: ReportRow): Promise<OfficeTextBlock[]> {
  const { doc } = await storedReportDocument(db, report);
  const out: OfficeTextBlock[] = [];
  const walk = (sections: readonly ReportSection[]): void => {
    for (const s of sections) {
      for (const b of s.blocks) if (b.kind === 'office-text') out.push(b);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
}

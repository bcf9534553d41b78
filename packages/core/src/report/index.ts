/**
 * Evaluation reports (年度监测报告, 中期评估报告, 总结评估报告, briefing): a pure builder from the plan
 * model and traced values to a `ReportDocument` that the renderers in `@plantrack/formats` draw.
 */
export { buildReportDocument } from './report.builder.js';
export {
  buildDepartmentSummary,
  type DepartmentSummary,
  type DepartmentSummaryInput,
  type SummaryItem,
  type SummaryTaskProgress,
} from './department-summary.js';
export { chineseOrdinal, dateLine, headingLabel, reportTitle, shortRegion } from './report-title.js';
export type {
  ChartSpec,
  OfficeTextBlock,
  OfficeTextKey,
  ReportBlock,
  ReportCell,
  ReportColumn,
  ReportDocument,
  ReportIndicatorData,
  ReportInput,
  ReportKind,
  ReportProjectFigure,
  ReportProjectInput,
  ReportSection,
  ReportTable,
  ReportTaskInput,
  SourceEntry,
  TaskStatus,
  TraceCorrection,
  TraceRef,
  TracedObservation,
  WarningItem,
} from './report.types.js';

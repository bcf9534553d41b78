import type {
  AssessmentStatus,
  Observation,
  ReferenceSeries,
  ReviewerJudgement,
} from '../assessment/assessment.types.js';
import type { AssessmentThresholds } from '../assessment/assessment-thresholds.config.js';
import type { BilingualMessage, Indicator, Plan } from '../model/plan-model.schema.js';
import type { ProjectIssue } from '../projects/project.types.js';

/** The documents the office delivers: 年度监测报告, 中期评估报告, 总结评估报告, 人大 briefing (简报). */
export type ReportKind = 'annual' | 'midterm' | 'final' | 'briefing';

/**
 * Where one number comes from, supplied by the caller with each value so the report can list it in
 * its 数据来源 appendix: the stored revision, the publication, the scope (口径) and who approved it.
 */
export type TraceRef = {
  revisionId: string;
  source: string | null;
  scope: string | null;
  /** Approval as recorded (`规划科 2027-03-02`); null when the figure was taken as published. */
  approval: string | null;
  /** When this figure corrects an earlier approved one: the value it replaced, and why. */
  corrects?: TraceCorrection | null;
};

/** The approved value a correction replaced (a report says so beside the corrected figure). */
export type TraceCorrection = {
  value: number | null;
  revisionId: string;
  /** Approval of the replaced value (`规划科 2027-03-02`). */
  approval: string | null;
  reason: string | null;
};

/** An observation with its trace reference. */
export type TracedObservation = Observation & { trace: TraceRef };

/** The values one indicator brings to a report (the indicator itself comes from the plan model). */
export type ReportIndicatorData = {
  seq: string;
  observations: readonly TracedObservation[];
  /** Lead department (牵头单位) as assigned. */
  lead?: string | null;
  judgement?: ReviewerJudgement | null;
  /** Reference series of this indicator alone (the value the city set for it), beside the shared ones. */
  references?: readonly ReferenceSeries[];
};

/** Progress states of a key task (重点任务), as the office records them. */
export type TaskStatus = '已完成' | '按计划推进' | '滞后' | '未启动';

/** One key task with its progress, for 表4 重点任务分工落实. */
export type ReportTaskInput = {
  id: string;
  title: string;
  lead: string;
  coLeads: readonly string[];
  progress: string;
  status: TaskStatus;
};

/** An approved figure or text of a project's monthly report, with its month and trace. */
export type ReportProjectFigure<T> = { month: number; value: T; trace: TraceRef };

/**
 * One major project (重大项目) for 表3 重大项目推进情况: the register's facts (money in 万元, planned and
 * actual dates, open issues) and the newest approved monthly report of the report year at the as-of
 * date. The status (正常/滞后/需协调) is computed by core's project rules, not supplied.
 */
export type ReportProjectInput = {
  id: string;
  name: string;
  leadUnit: string | null;
  /** 在建: without an approved report it counts as nothing completed yet (as the projects dashboard does). */
  underConstruction: boolean;
  totalWan: number | null;
  /** 年度计划投资 of the report year. */
  annualPlanWan: number | null;
  /** Where the register's figures come from (its revision); they are listed in the appendix once per project. */
  register: { revision: number; updatedAt: string };
  /** 年初至今累计完成投资 of the newest approved month. */
  completedYtd: ReportProjectFigure<number> | null;
  /** 形象进度 of the newest approved month that states one. */
  progress: ReportProjectFigure<string> | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  issues: readonly ProjectIssue[];
};

/** Keys of the sections the office writes itself; the report carries them as placeholders. */
export type OfficeTextKey = 'overview' | 'problems' | 'measures' | 'adjustments' | 'next-year';

/** Everything a report is built from. Pure values: the as-of date is passed in, never read from a clock. */
export type ReportInput = {
  kind: ReportKind;
  /** The year the report assesses (annual: that year; midterm: the latest year with data). */
  year: number;
  /** As-of date, `YYYY-MM-DD`. */
  asOf: string;
  plan: Plan;
  indicators: readonly Indicator[];
  data: readonly ReportIndicatorData[];
  tasks: readonly ReportTaskInput[];
  /** The plan's major projects; none (or absent): the report has no 表3 and no projects section. */
  projects?: readonly ReportProjectInput[];
  /** The office's lag threshold for projects (points behind 时序进度); 10 when not given. */
  projectLagThresholdPoints?: number;
  references?: readonly ReferenceSeries[];
  scopeAliases?: Readonly<Record<string, string>>;
  /** The scope the plan's targets are stated in when the indicator does not say (a plan-wide note). */
  targetScope?: string | null;
  thresholds?: AssessmentThresholds;
  /** Text the office has written for its sections, by key. */
  officeTexts?: Partial<Record<OfficeTextKey, string>>;
  /** The plan version the targets were read from, listed as the source of targets in the appendix. */
  planVersion?: string;
  /** Demo data: every rendering carries a 演示数据 watermark. */
  demo?: boolean;
};

/** A table cell: its text and, for a number, the id of its 数据来源 entry. */
export type ReportCell = { text: string; ref?: string };

/** A column: title, share of the table width (relative), alignment. */
export type ReportColumn = { title: string; width: number; align: 'left' | 'center' | 'right' };

/** A real table (表1 …), laid out landscape when it is too wide for a portrait page. */
export type ReportTable = {
  kind: 'table';
  id: string;
  caption: string;
  columns: readonly ReportColumn[];
  rows: ReportCell[][];
  landscape: boolean;
  notes: string[];
};

/** A chart as plain data; the renderers draw it. */
export type ChartSpec =
  | {
      kind: 'status-counts';
      id: string;
      title: string;
      categories: string[];
      values: number[];
    }
  | {
      kind: 'indicator-path';
      id: string;
      title: string;
      unit: string | null;
      years: number[];
      actual: (number | null)[];
      expected: (number | null)[];
      /** Label of the expected series (预期路径, 时序进度, 参照值). */
      expectedLabel: string;
    };

/** A section the office writes; `text` is filled from an office draft when there is one. */
export type OfficeTextBlock = {
  kind: 'office-text';
  key: OfficeTextKey;
  title: string;
  hint: string;
  text?: string;
};

/** The blocks a section holds. */
export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'chart'; chart: ChartSpec }
  | ReportTable
  | OfficeTextBlock;

/** A section with its GB/T 9704 heading label (一、 / （一） / 1.). */
export type ReportSection = {
  level: 1 | 2 | 3;
  label: string;
  title: string;
  blocks: ReportBlock[];
  sections: ReportSection[];
};

/** One figure of the 数据来源 appendix. */
export type SourceEntry = {
  id: string;
  seq: string;
  indicator: string;
  period: number | null;
  value: string;
  revisionId: string;
  source: string | null;
  scope: string | null;
  approval: string | null;
  /** `已更正，原值225（…审核）；更正原因：…` when the figure corrects an earlier approved one. */
  correction?: string;
};

/** A 预警 item: the indicator and why. */
export type WarningItem = { seq: string; name: string; text: string };

/**
 * A report as a value: everything the renderers (.docx, HTML) need and nothing they must compute,
 * so two renderings of one document show the same numbers.
 */
export type ReportDocument = {
  kind: ReportKind;
  title: string;
  year: number;
  asOf: string;
  /** `2026年12月31日`, the date line under the title. */
  dateLine: string;
  region: string | null;
  planTitle: string;
  demo: boolean;
  sections: ReportSection[];
  appendix: { title: string; table: ReportTable };
  statusCounts: { status: AssessmentStatus; count: number }[];
  taskCounts: { status: TaskStatus; count: number }[];
  warnings: WarningItem[];
  sources: SourceEntry[];
  charts: ChartSpec[];
  /** The plain sentence of each indicator in both languages (the document itself is Chinese). */
  sentences: { seq: string; sentence: BilingualMessage }[];
};

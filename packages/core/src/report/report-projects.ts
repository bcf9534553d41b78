import { fmt } from '../assessment/explanation.builder.js';
import { type ProjectHealth, type ProjectStatus, projectStatus } from '../projects/project-status.js';
import type { SourceRegister } from './report-sources.js';
import type { ReportCell, ReportProjectInput, ReportTable } from './report.types.js';

/** The lag threshold the office has not changed (the db's default, points behind 时序进度). */
const DEFAULT_LAG_THRESHOLD_POINTS = 10;

/** One project with its status as of the report date. */
export type AssessedProject = { project: ReportProjectInput; status: ProjectStatus };

/** The month 时序进度 is measured at when no report is approved yet: the as-of month within the year. */
function asOfMonthIn(year: number, asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  if (y > year) return 12;
  if (y < year) return 1;
  return Math.min(12, Math.max(1, Number(asOf.slice(5, 7))));
}

/** Each project's status by core's project rules (正常/滞后/需协调), with the office's threshold. */
export function assessProjects(
  projects: readonly ReportProjectInput[],
  year: number,
  asOf: string,
  lagThresholdPoints = DEFAULT_LAG_THRESHOLD_POINTS,
): AssessedProject[] {
  return projects.map((project) => ({
    project,
    status: projectStatus({
      asOf,
      annualPlanWan: project.annualPlanWan,
      completedYtdWan: project.completedYtd?.value ?? (project.underConstruction ? 0 : null),
      throughMonth: project.completedYtd?.month ?? asOfMonthIn(year, asOf),
      plannedStart: project.plannedStart,
      actualStart: project.actualStart,
      plannedCompletion: project.plannedCompletion,
      actualCompletion: project.actualCompletion,
      issues: project.issues,
      lagThresholdPoints,
    }),
  }));
}

/** 如期 / 延期 / 逾期未… / 未到期 for a planned date against the actual one at the as-of date. */
function onTime(planned: string | null, actual: string | null, asOf: string, what: '开工' | '竣工'): string {
  if (planned === null) return actual === null ? `未定${what}日期` : `已${what}`;
  if (actual !== null) return actual <= planned ? `如期${what}` : `延期${what}`;
  return asOf > planned ? `逾期未${what}` : `未到${what}期`;
}

const wan = (n: number | null): string => (n === null ? '—' : fmt(n, 2));

/** The cells of one project, each figure pointing at its 数据来源 entry. */
function projectRow(
  a: AssessedProject,
  index: number,
  year: number,
  asOf: string,
  reg: SourceRegister,
): ReportCell[] {
  const p = a.project;
  const registerRef = reg.refOf(`project-register\u0000${p.id}`, {
    seq: '',
    indicator: `${p.name}：总投资、${year}年计划投资（万元）`,
    period: year,
    value: `${wan(p.totalWan)}；${wan(p.annualPlanWan)}`,
    revisionId: `项目库第${p.register.revision}版`,
    source: '重大项目库',
    scope: '万元',
    approval: null,
  });
  const reportRef = (
    f: NonNullable<ReportProjectInput['completedYtd' | 'progress']>,
    what: string,
    value: string,
  ) =>
    reg.refOf(`project-report\u0000${f.trace.revisionId}`, {
      seq: '',
      indicator: `${p.name}：${year}年${f.month}月项目月报（${what}）`,
      period: year,
      value,
      revisionId: f.trace.revisionId,
      source: f.trace.source ?? '项目月报',
      scope: f.trace.scope,
      approval: f.trace.approval,
    });
  const completed = p.completedYtd;
  const progress = p.progress;
  const rate = a.status.completionRatePct;
  return [
    { text: String(index + 1) },
    { text: p.name },
    { text: p.leadUnit ?? '—' },
    { text: wan(p.totalWan), ref: registerRef },
    { text: wan(p.annualPlanWan), ref: registerRef },
    completed === null
      ? { text: p.underConstruction ? '无已审核月报' : '—' }
      : {
          text: `${wan(completed.value)}（1—${completed.month}月）`,
          ref: reportRef(completed, '年初至今累计完成投资', wan(completed.value)),
        },
    { text: rate === null ? '—' : `${fmt(rate, 1)}%` },
    progress === null
      ? { text: '—' }
      : { text: progress.value, ref: reportRef(progress, '形象进度', '（文字）') },
    {
      text: `${onTime(p.plannedStart, p.actualStart, asOf, '开工')}；${onTime(p.plannedCompletion, p.actualCompletion, asOf, '竣工')}`,
    },
    { text: a.status.health },
  ];
}

/**
 * 表3 重大项目推进情况: per project its 责任单位, money (万元), 累计完成 from the approved monthly
 * reports, 完成率 of the annual plan, 形象进度, whether it started and finished on time, and its
 * status. Ten columns: laid out landscape like 表1.
 */
export function projectTable(
  projects: readonly AssessedProject[],
  year: number,
  asOf: string,
  reg: SourceRegister,
): ReportTable {
  const col = (title: string, width: number, align: 'left' | 'center' | 'right' = 'center') => ({
    title,
    width,
    align,
  });
  return {
    kind: 'table',
    id: 'table-3',
    caption: '表3 重大项目推进情况',
    landscape: true,
    columns: [
      col('序号', 4),
      col('项目名称', 15, 'left'),
      col('责任单位', 10, 'left'),
      col('总投资（万元）', 8, 'right'),
      col(`${year}年计划投资（万元）`, 8, 'right'),
      col('累计完成（万元）', 10, 'right'),
      col('完成率', 6),
      col('形象进度', 17, 'left'),
      col('是否如期开工/竣工', 14),
      col('状态', 8),
    ],
    rows: projects.map((a, i) => projectRow(a, i, year, asOf, reg)),
    notes: [
      `注：累计完成为${year}年审核通过的项目月报年初至今累计；完成率＝累计完成÷年度计划投资；状态按重大项目状态规则判定。`,
    ],
  };
}

const HEALTHS: readonly ProjectHealth[] = ['正常', '滞后', '需协调'];

/** Counts of the projects by status, in the scale's order (zeros kept). */
export function countProjects(
  projects: readonly AssessedProject[],
): { status: ProjectHealth; count: number }[] {
  return HEALTHS.map((status) => ({
    status,
    count: projects.filter((p) => p.status.health === status).length,
  }));
}

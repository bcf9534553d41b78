import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { ProjectIssue } from './project.types.js';

/** 正常 / 滞后 / 需协调: what a project's row shows on the dashboard. */
export type ProjectHealth = '正常' | '滞后' | '需协调';

export type ProjectStatusInput = {
  /** The as-of day, `YYYY-MM-DD` (passed in: core reads no clock). */
  asOf: string;
  /** 年度计划投资 of the year reported on, 万元 (null or 0: no annual plan). */
  annualPlanWan: number | null;
  /** 年初至今累计完成投资 through `throughMonth`, 万元. */
  completedYtdWan: number | null;
  /** The last month reported on (1–12): 时序进度 is `throughMonth / 12`. */
  throughMonth: number;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  issues: readonly ProjectIssue[];
  /** The office's threshold: 滞后 when completion trails 时序进度 by more than this many points. */
  lagThresholdPoints: number;
};

export type ProjectStatus = {
  health: ProjectHealth;
  /** 投资完成率: completed / annual plan, in % (null without a plan or a report). */
  completionRatePct: number | null;
  /** 时序进度: the share of the year reported on, in %. */
  timeElapsedPct: number;
  /** completion − 时序进度, in percentage points (negative: behind). */
  gapPoints: number | null;
  lagging: boolean;
  notStartedOnTime: boolean;
  notCompletedOnTime: boolean;
  overdueIssues: number;
  reasons: BilingualMessage[];
};

const pct = (x: number): number => Math.round(x * 1000) / 10;

/** A start (or completion) is late when it happened after the planned day, or has not happened by `asOf` after it. */
function late(planned: string | null, actual: string | null, asOf: string): boolean {
  if (planned === null) return false;
  return actual === null ? asOf > planned : actual > planned;
}

/** The status rules (docs/methodology.md, "Major projects: status rules"). */
export function projectStatus(input: ProjectStatusInput): ProjectStatus {
  if (!Number.isInteger(input.throughMonth) || input.throughMonth < 1 || input.throughMonth > 12) {
    throw new RangeError(`throughMonth must be 1–12, got ${input.throughMonth}`);
  }
  const timeElapsedPct = pct(input.throughMonth / 12);
  const hasPlan = input.annualPlanWan !== null && input.annualPlanWan > 0;
  const completionRatePct =
    hasPlan && input.completedYtdWan !== null
      ? pct(input.completedYtdWan / (input.annualPlanWan ?? 1))
      : null;
  const gapPoints =
    completionRatePct === null ? null : Math.round((completionRatePct - timeElapsedPct) * 10) / 10;
  const lagging = gapPoints !== null && -gapPoints > input.lagThresholdPoints;
  const notStartedOnTime = late(input.plannedStart, input.actualStart, input.asOf);
  const notCompletedOnTime = late(input.plannedCompletion, input.actualCompletion, input.asOf);
  const overdue = input.issues.filter(
    (i) => i.state === 'open' && i.deadline !== null && i.deadline < input.asOf,
  );

  const reasons: BilingualMessage[] = [];
  if (lagging) {
    reasons.push({
      zh: `投资完成率${completionRatePct}%，低于时序进度${timeElapsedPct}%达${-(gapPoints ?? 0)}个百分点（阈值${input.lagThresholdPoints}）`,
      en: `Investment ${completionRatePct}% of the annual plan, ${-(gapPoints ?? 0)} points behind the time elapsed ${timeElapsedPct}% (threshold ${input.lagThresholdPoints})`,
    });
  }
  if (notStartedOnTime)
    reasons.push({
      zh: `未按期开工（计划${input.plannedStart}）`,
      en: `Not started on time (planned ${input.plannedStart})`,
    });
  if (notCompletedOnTime) {
    reasons.push({
      zh: `未按期竣工（计划${input.plannedCompletion}）`,
      en: `Not completed on time (planned ${input.plannedCompletion})`,
    });
  }
  for (const issue of overdue) {
    reasons.push({
      zh: `需协调事项逾期未解决（${issue.department ?? '未指定部门'}，期限${issue.deadline}）：${issue.text}`,
      en: `Issue open past its deadline (${issue.department ?? 'no department'}, due ${issue.deadline}): ${issue.text}`,
    });
  }
  const health: ProjectHealth =
    overdue.length > 0 ? '需协调' : lagging || notStartedOnTime || notCompletedOnTime ? '滞后' : '正常';
  return {
    health,
    completionRatePct,
    timeElapsedPct,
    gapPoints,
    lagging,
    notStartedOnTime,
    notCompletedOnTime,
    overdueIssues: overdue.length,
    reasons,
  };
}

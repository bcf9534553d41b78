import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { observationService, progressReportService } from '../records/record.service.js';
import type { DemoClock, ReportDates } from './demo-calendar.js';
import { DEMO_SOURCE, seededRandom, type SimulatedPoint } from './demo-values.js';

/** What the simulated history wrote. */
export type DemoHistoryCounts = {
  observations: number;
  progressReports: number;
  approved: number;
  returned: number;
};

export const emptyCounts = (): DemoHistoryCounts => ({
  observations: 0,
  progressReports: 0,
  approved: 0,
  returned: 0,
});

/** Who reports and who reviews one item, and the clock the history is dated by. */
export type Actors = { reporter: Principal; reviewer: Principal; clock: DemoClock };

/** Every so many submissions one is returned and corrected, so the history shows the loop. */
const RETURN_EVERY = 11;

/**
 * One simulated value, submitted by the owning department's reporter and approved by the reviewer
 * through the record service (history, audit and four-eyes as for real data), on the dates given.
 * Some first submissions carry a slip (a figure ten times too large) that the reviewer returns and
 * the reporter corrects. The source is always {@link DEMO_SOURCE}.
 */
export async function reportObservation(
  ctx: AppContext,
  actors: Actors,
  args: { indicatorId: string; unit: string | null; point: SimulatedPoint; dates: ReportDates },
  counts: DemoHistoryCounts,
): Promise<void> {
  const { point, dates } = args;
  const ref = { indicatorId: args.indicatorId, period: point.period, scope: '' };
  const key = `${args.indicatorId}|${point.period}|`;
  const values = { value: point.value, unit: args.unit, source: DEMO_SOURCE, comment: null };
  const slip = (counts.observations + 3) % RETURN_EVERY === 0;
  actors.clock.set(dates.submit);
  let rev = await observationService.write(ctx, actors.reporter, {
    ref,
    action: 'submit',
    expectedRevision: 0,
    values: slip ? { ...values, value: point.value * 10 } : values,
  });
  if (slip) {
    actors.clock.set(dates.review);
    rev = await observationService.return(ctx, actors.reviewer, key, {
      expectedRevision: rev.revisionNo,
      reason: '数值与上年相差过大，疑似单位有误，请核对后重报。（演示）',
    });
    actors.clock.set(dates.resubmit);
    rev = await observationService.write(ctx, actors.reporter, {
      ref,
      action: 'submit',
      expectedRevision: rev.revisionNo,
      values: { ...values, comment: '已按审核意见更正单位。（演示）' },
    });
    counts.returned += 1;
  }
  actors.clock.set(dates.approve);
  await observationService.approve(ctx, actors.reviewer, key, { expectedRevision: rev.revisionNo });
  counts.observations += 1;
  counts.approved += 1;
}

const NARRATIVE = {
  not_started: '前期研究和方案准备中，尚未进入实施。',
  in_progress: '按计划推进，阶段性工作已完成。',
  completed: '年度目标任务已完成。',
  delayed: '受要素保障等因素影响，进度滞后于计划，正在协调推进。',
} as const;

/**
 * The progress a task reports for its n-th quarter: most move from 推进中 to 已完成, some lag (滞后)
 * so the warnings have content. Deterministic in the task's number and the quarter.
 */
export function simulatedProgress(seq: number, quarterIndex: number): keyof typeof NARRATIVE {
  if (quarterIndex === 0 && seededRandom(1000 + seq)() < 0.3) return 'not_started';
  if (seq % 5 === 2 && quarterIndex >= 2) return 'delayed';
  // Once completed, a task stays completed.
  return quarterIndex >= 7 + (seq % 4) ? 'completed' : 'in_progress';
}

/** One quarterly progress report of a task: submitted by a lead department's reporter, approved by the reviewer. */
export async function reportProgress(
  ctx: AppContext,
  actors: Actors,
  args: { taskId: string; period: string; progress: keyof typeof NARRATIVE; dates: ReportDates },
  counts: DemoHistoryCounts,
): Promise<void> {
  const { period, progress } = args;
  const values = {
    progress,
    narrative: `【${DEMO_SOURCE}】${period}：${NARRATIVE[progress]}`,
    comment: DEMO_SOURCE,
  };
  actors.clock.set(args.dates.submit);
  const rev = await progressReportService.write(ctx, actors.reporter, {
    ref: { taskId: args.taskId, period },
    action: 'submit',
    expectedRevision: 0,
    values,
  });
  actors.clock.set(args.dates.approve);
  await progressReportService.approve(ctx, actors.reviewer, `${args.taskId}|${period}`, {
    expectedRevision: rev.revisionNo,
  });
  counts.progressReports += 1;
  counts.approved += 1;
}

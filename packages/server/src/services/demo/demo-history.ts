import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { observationService, progressReportService } from '../records/record.service.js';
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

type Actors = { reporter: Principal; reviewer: Principal };

/** Every so many submissions one is returned and corrected, so the history shows the loop. */
const RETURN_EVERY = 11;

/**
 * One indicator's simulated values, each submitted by the owning department's reporter and
 * approved by the reviewer through the record service (history, audit and four-eyes as for real
 * data). Some first submissions carry a slip (a figure ten times too large) that the reviewer
 * returns and the reporter corrects. Every value's source is {@link DEMO_SOURCE}.
 */
export async function reportObservations(
  ctx: AppContext,
  actors: Actors,
  args: { indicatorId: string; unit: string | null; points: SimulatedPoint[] },
  counts: DemoHistoryCounts,
): Promise<void> {
  for (const point of args.points) {
    const ref = { indicatorId: args.indicatorId, period: point.period, scope: '' };
    const key = `${args.indicatorId}|${point.period}|`;
    const values = { value: point.value, unit: args.unit, source: DEMO_SOURCE, comment: null };
    const slip = (counts.observations + 3) % RETURN_EVERY === 0;
    let rev = await observationService.write(ctx, actors.reporter, {
      ref,
      action: 'submit',
      expectedRevision: 0,
      values: slip ? { ...values, value: point.value * 10 } : values,
    });
    if (slip) {
      rev = await observationService.return(ctx, actors.reviewer, key, {
        expectedRevision: rev.revisionNo,
        reason: '数值与上年相差过大，疑似单位有误，请核对后重报。（演示）',
      });
      rev = await observationService.write(ctx, actors.reporter, {
        ref,
        action: 'submit',
        expectedRevision: rev.revisionNo,
        values: { ...values, comment: '已按审核意见更正单位。（演示）' },
      });
      counts.returned += 1;
    }
    await observationService.approve(ctx, actors.reviewer, key, { expectedRevision: rev.revisionNo });
    counts.observations += 1;
    counts.approved += 1;
  }
}

const NARRATIVE = {
  not_started: '前期研究和方案准备中，尚未进入实施。',
  in_progress: '按计划推进，阶段性工作已完成。',
  completed: '年度目标任务已完成。',
  delayed: '受要素保障等因素影响，进度滞后于计划，正在协调推进。',
} as const;

/**
 * A task's quarterly progress reports: most move from 推进中 to 已完成, some lag (滞后) so the
 * warnings have content; submitted by a lead department's reporter, approved by the reviewer.
 */
export async function reportProgress(
  ctx: AppContext,
  actors: Actors,
  args: { taskId: string; seq: number; quarters: readonly string[] },
  counts: DemoHistoryCounts,
): Promise<void> {
  const rand = seededRandom(1000 + args.seq);
  const lagging = args.seq % 5 === 2;
  for (const [i, period] of args.quarters.entries()) {
    const progress =
      i === 0 && rand() < 0.3
        ? 'not_started'
        : lagging && i >= 2
          ? 'delayed'
          : i >= 8 && rand() < 0.5
            ? 'completed'
            : 'in_progress';
    const ref = { taskId: args.taskId, period };
    const values = {
      progress,
      narrative: `【${DEMO_SOURCE}】${period}：${NARRATIVE[progress]}`,
      comment: DEMO_SOURCE,
    } as const;
    const rev = await progressReportService.write(ctx, actors.reporter, {
      ref,
      action: 'submit',
      expectedRevision: 0,
      values,
    });
    await progressReportService.approve(ctx, actors.reviewer, `${args.taskId}|${period}`, {
      expectedRevision: rev.revisionNo,
    });
    counts.progressReports += 1;
    counts.approved += 1;
  }
}

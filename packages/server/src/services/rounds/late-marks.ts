import { closedRoundsCovering } from '@plantrack/db';
import type { AppContext } from '../../context.js';

/** Where a late figure belongs: the closed round that asked for its period. */
export type LateFor = { roundName: string; closedAt: string };

/**
 * Marks submissions that came in after the round asking for their period had closed (逾期补报), so
 * the reviewer sees a late correction for what it is. Derived on read from the round's close time
 * and the submission time: nothing about the revision itself changes. One query per list.
 */
export async function withLateMarks<Q extends { targetId: string; period: string; submittedAt: string }>(
  ctx: AppContext,
  items: Q[],
): Promise<(Q & { lateFor: LateFor | null })[]> {
  const closed = await closedRoundsCovering(
    ctx.db,
    items.map((i) => i.targetId),
  );
  return items.map((i) => {
    const round = closed.find(
      (c) => c.subjectId === i.targetId && c.period === i.period && c.closedAt < i.submittedAt,
    );
    return {
      ...i,
      lateFor: round === undefined ? null : { roundName: round.name, closedAt: round.closedAt },
    };
  });
}

import { type ReportState, departmentNames } from '@plantrack/db';
import type { RoundCounts, RoundProgress } from '@plantrack/api';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { enforce } from '../../policies/policy.js';
import { roundProgressScope } from '../../policies/round.policy.js';
import { asOfOrToday, ownedStatus } from '../records/reporting.service.js';
import { presentRounds, roundOfPlan } from './round.service.js';

type Bucket = keyof RoundCounts;

/**
 * The column a report state counts under in a round's progress: a draft nobody has sent is still
 * missing (the same rule as "reported" in `isReported`: submitted or approved).
 */
export function bucketOf(state: ReportState): Bucket {
  return state === 'draft' ? 'missing' : state;
}

function emptyCounts(): RoundCounts {
  return { approved: 0, submitted: 0, returned: 0, missing: 0 };
}

type ProgressRow = RoundProgress['departments'][number];

/**
 * Who has and has not reported in a round, per owning department (an item with two owners counts
 * in both; items nobody owns under `departmentId: null`), from the same owed-period status as the
 * dashboard and the reminders. A department reporter sees only their own departments' rows.
 */
export async function roundProgress(
  ctx: AppContext,
  p: Principal,
  args: { planId: string; roundId: string; asOf?: string | undefined },
): Promise<RoundProgress> {
  const scope = roundProgressScope(p);
  enforce(p, scope !== 'none');
  const round = await roundOfPlan(ctx, args.planId, args.roundId);
  const asOf = asOfOrToday(args.asOf);
  const byDept = new Map<string | null, ProgressRow>();
  const totals = emptyCounts();
  for (const { owed, owners } of await ownedStatus(ctx, args.planId, asOf, [round.period])) {
    if (owed.round?.id !== round.id) continue;
    const bucket = bucketOf(owed.state);
    totals[bucket] += 1;
    for (const d of owners.length === 0 ? [null] : owners) {
      if (scope === 'own' && (d === null || !p.departmentIds.includes(d))) continue;
      const row = byDept.get(d) ?? { departmentId: d, name: null, counts: emptyCounts(), items: [] };
      row.counts[bucket] += 1;
      row.items.push({
        kind: owed.kind,
        id: owed.targetId,
        key: owed.key,
        name: owed.name,
        state: owed.state,
        overdue: owed.overdue,
      });
      byDept.set(d, row);
    }
  }
  const names = await departmentNames(
    ctx.db,
    [...byDept.keys()].filter((d): d is string => d !== null),
  );
  const departments = [...byDept.values()].map((row) => ({
    ...row,
    name: row.departmentId === null ? null : (names.get(row.departmentId) ?? row.departmentId),
  }));
  departments.sort((a, b) =>
    a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  const [shown] = await presentRounds(ctx, [round]);
  return {
    round: shown as RoundProgress['round'],
    asOf,
    totals: scope === 'all' ? totals : sumCounts(departments),
    departments,
  };
}

function sumCounts(rows: readonly ProgressRow[]): RoundCounts {
  const out = emptyCounts();
  for (const r of rows) for (const k of Object.keys(out) as Bucket[]) out[k] += r.counts[k];
  return out;
}

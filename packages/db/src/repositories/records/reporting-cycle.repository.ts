import {
  isNewestRevisionOf,
  recordColumn,
  recordTableAsK,
  recordTables,
} from '../../support/record-tables.js';
import type { Kysely } from 'kysely';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { Frequency, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { listIndicators, listTasks } from '../plan/plan-query.repository.js';
import { type ReportingRound, roundsOfPlan } from '../rounds/reporting-round.repository.js';
import { periodBounds } from '../rounds/round-period.js';
import {
  type CycleRule,
  DEFAULT_ANNUAL_DUE,
  type DueRule,
  type ReportState,
  type ReportingPeriod,
  checkDate,
  daysBetween,
  periodsOwed,
  reportStateOf,
} from './reporting-periods.js';

/** The subject of a reporting cycle: an indicator or a task (stable identity ids). */
export type CycleSubject = { indicatorId: string } | { taskId: string };

/**
 * A stored reporting cycle. `openedOn` (`YYYY-MM-DD`) is the day its current frequency was set:
 * the round opened then, and no period due before it is owed.
 */
export type ReportingCycle = CycleRule & {
  id: string;
  indicatorId: string | null;
  taskId: string | null;
  openedOn: string;
};

function checkRule(rule: CycleRule): CycleRule {
  const ok =
    ['annual', 'half_yearly', 'quarterly', 'monthly'].includes(rule.frequency) &&
    Number.isInteger(rule.dueMonthOffset) &&
    rule.dueMonthOffset >= 0 &&
    rule.dueMonthOffset <= 24 &&
    Number.isInteger(rule.dueDay) &&
    rule.dueDay >= 1 &&
    rule.dueDay <= 31;
  if (!ok) {
    throw new InvalidInputError({
      zh: '填报周期不正确：频率须为年、半年、季或月，期限为期末后 0–24 个月的第 1–31 日。',
      en: 'Invalid reporting cycle: annual, half-yearly, quarterly or monthly, due 0–24 months after the period on day 1–31.',
    });
  }
  return rule;
}

/**
 * Sets (creates or replaces) the reporting cycle of an indicator or a task, audited in the same
 * transaction. Without a row an item is reported annually with the caller's default due rule.
 */
export async function setReportingCycle(
  db: Kysely<Database>,
  args: { subject: CycleSubject; rule: CycleRule; actor: string },
): Promise<ReportingCycle> {
  const rule = checkRule(args.rule);
  const indicatorId = 'indicatorId' in args.subject ? args.subject.indicatorId : null;
  const taskId = 'taskId' in args.subject ? args.subject.taskId : null;
  return writeTransaction(db, async (trx) => {
    const target =
      indicatorId !== null
        ? await trx
            .selectFrom('indicators')
            .select('plan_id')
            .where('id', '=', indicatorId)
            .executeTakeFirst()
        : await trx
            .selectFrom('tasks')
            .select('plan_id')
            .where('id', '=', taskId ?? '')
            .executeTakeFirst();
    if (target === undefined) {
      const id = indicatorId ?? taskId ?? '';
      throw new NotFoundError({ zh: `指标或任务不存在：${id}`, en: `No such indicator or task: ${id}` });
    }
    const existing = await trx
      .selectFrom('reporting_cycles')
      .selectAll()
      .where(indicatorId !== null ? 'indicator_id' : 'task_id', '=', indicatorId ?? taskId ?? '')
      .executeTakeFirst();
    const now = nowIso();
    const values = {
      frequency: rule.frequency,
      due_month_offset: rule.dueMonthOffset,
      due_day: rule.dueDay,
      updated_at: now,
      updated_by: args.actor,
    };
    const id = existing?.id ?? newId();
    if (existing === undefined) {
      await trx
        .insertInto('reporting_cycles')
        .values({
          id,
          indicator_id: indicatorId,
          task_id: taskId,
          ...values,
          created_at: now,
          created_by: args.actor,
        })
        .execute();
    } else {
      // A new frequency opens a new round (created_at is when the current frequency was set);
      // moving only the due day keeps the round and the periods it already owes.
      const reopened = existing.frequency !== rule.frequency ? { created_at: now } : {};
      await trx
        .updateTable('reporting_cycles')
        .set({ ...values, ...reopened })
        .where('id', '=', id)
        .execute();
    }
    await appendAudit(trx, {
      actor: args.actor,
      action: 'reporting_cycle.set',
      entity: 'reporting_cycle',
      entityId: id,
      planId: target.plan_id,
      detail: {
        indicatorId,
        taskId,
        before:
          existing === undefined
            ? null
            : {
                frequency: existing.frequency,
                dueMonthOffset: existing.due_month_offset,
                dueDay: existing.due_day,
              },
        after: rule,
      },
    });
    const openedAt =
      existing === undefined || existing.frequency !== rule.frequency ? now : existing.created_at;
    return { id, indicatorId, taskId, ...rule, openedOn: openedAt.slice(0, 10) };
  });
}

/** The reporting cycles of a plan's indicators and tasks, by indicator or task id. */
export async function reportingCyclesOfPlan(
  db: Kysely<Database>,
  planId: string,
): Promise<Map<string, ReportingCycle>> {
  const rows = await db
    .selectFrom('reporting_cycles as c')
    .leftJoin('indicators as i', 'i.id', 'c.indicator_id')
    .leftJoin('tasks as t', 't.id', 'c.task_id')
    .selectAll('c')
    .where((eb) => eb.or([eb('i.plan_id', '=', planId), eb('t.plan_id', '=', planId)]))
    .execute();
  const out = new Map<string, ReportingCycle>();
  for (const r of rows) {
    out.set(r.indicator_id ?? r.task_id ?? '', {
      id: r.id,
      indicatorId: r.indicator_id,
      taskId: r.task_id,
      frequency: r.frequency,
      dueMonthOffset: r.due_month_offset,
      dueDay: r.due_day,
      openedOn: r.created_at.slice(0, 10),
    });
  }
  return out;
}

/** One period an indicator or task owes, with its due date and the state of its report. */
export type OwedPeriod = {
  kind: 'indicator' | 'task';
  targetId: string;
  /** `indicator_key` / `task_key`. */
  key: string;
  /** Indicator name or task measure, as the plan's newest version states it. */
  name: string;
  seq: string | null;
  unit: string | null;
  scope: string | null;
  frequency: Frequency;
  period: string;
  dueDate: string;
  state: ReportState;
  /** Latest revision number of the record (the highest over scopes); 0 when missing. */
  revisionNo: number;
  /** Due date passed (as of `asOf`) and not reported (submitted or approved). */
  overdue: boolean;
  /** Days from `asOf` to the due date; negative once it has passed. */
  daysUntilDue: number;
  /** The reporting round asking for this period; null when the plan has no rounds (cycles apply). */
  round: OwedRound | null;
};

/** The round behind an owed period, as far as owed periods need it. */
export type OwedRound = Pick<
  ReportingRound,
  'id' | 'name' | 'status' | 'reminderDays' | 'semantics' | 'closedAt'
>;

/** A period one item owes, with the frequency and round it is owed under. */
type ItemPeriod = ReportingPeriod & { frequency: Frequency; round: OwedRound | null };

/**
 * The periods an item owes under rounds: one per round covering it that was opened on or before
 * `asOf`, due on the round's due date (the newest round wins when two ask for the same period).
 */
function periodsOfRounds(
  coverage: ReadonlyMap<string, ReportingRound[]>,
  targetId: string,
  asOf: string,
): ItemPeriod[] {
  const seen = new Set<string>();
  const out: ItemPeriod[] = [];
  for (const r of coverage.get(targetId) ?? []) {
    if (r.openedAt.slice(0, 10) > asOf || seen.has(r.period)) continue;
    seen.add(r.period);
    out.push({
      period: r.period,
      ...periodBounds(r.period),
      dueDate: r.dueDate,
      frequency: r.frequency,
      round: {
        id: r.id,
        name: r.name,
        status: r.status,
        reminderDays: r.reminderDays,
        semantics: r.semantics,
        closedAt: r.closedAt,
      },
    });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period));
}

type LatestRow = { targetId: string; period: string; status: ReviewStatus; revisionNo: number };

/** Items of one kind that owe the same periods (one query each; there are at most three). */
type PeriodGroup = { ids: string[]; periods: string[] };

/**
 * The newest revision of every record of the given items in the given periods: one query part per
 * record kind of the registry and group of periods, unioned into one statement. Bounded by the
 * periods through the (element, period) index of migration 0003: a store keeps years of history,
 * and other frequencies' periods, that no owed period needs.
 */
async function latestStatuses(
  db: Kysely<Database>,
  groupsOf: (element: OwedPeriod['kind']) => PeriodGroup[],
): Promise<LatestRow[]> {
  const parts = recordTables().flatMap(({ kind, element }) =>
    groupsOf(element)
      .filter((group) => group.ids.length > 0 && group.periods.length > 0)
      .map((group) =>
        db
          .selectFrom(recordTableAsK(db, kind))
          .select([
            recordColumn<string>(kind, 'target').as('targetId'),
            'k.period',
            'k.status',
            'k.revision_no as revisionNo',
          ])
          .where(recordColumn<string>(kind, 'target'), 'in', group.ids)
          .where('k.period', 'in', group.periods)
          .where(isNewestRevisionOf(kind)),
      ),
  );
  const [first, ...rest] = parts;
  if (first === undefined) return [];
  return rest.reduce((all, part) => all.unionAll(part), first).execute();
}

/** Groups items by the periods they owe: items of one frequency owe the same periods. */
function groupByPeriods(
  owed: readonly { targetId: string; periods: readonly ReportingPeriod[] }[],
): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  for (const o of owed) {
    if (o.periods.length === 0) continue;
    const periods = o.periods.map((p) => p.period);
    const signature = periods.join(',');
    const group = groups.get(signature);
    if (group === undefined) groups.set(signature, { ids: [o.targetId], periods });
    else group.ids.push(o.targetId);
  }
  return [...groups.values()];
}

/**
 * Every period the indicators and tasks of a plan's newest version owe as of `asOf`
 * (`YYYY-MM-DD`), with due dates and the state of each report: annual with `annualDue` unless a
 * `reporting_cycles` row says otherwise, from the plan's first year (`period_start`; the year
 * after the baseline year, or the year of `asOf`, when the outline gives none) to its last; an
 * item with a cycle row owes no period due before the day that cycle was opened. Once the plan has
 * any reporting round, rounds alone decide: an item owes the period of each round covering it that
 * was opened by `asOf`, due on the round's due date, and nothing else (no round, no overdue).
 * `periods`, when given, keeps only those owed periods (e.g. the one a caller asks about).
 * Only the revisions of the owed periods are read, never the rest of the items' history.
 */
export async function reportingStatus(
  db: Kysely<Database>,
  args: { planId: string; asOf: string; annualDue?: DueRule; periods?: readonly string[] },
): Promise<OwedPeriod[]> {
  const asOf = checkDate(args.asOf);
  const plan = await db
    .selectFrom('plans')
    .select(['period_start', 'period_end', 'baseline_year'])
    .where('id', '=', args.planId)
    .executeTakeFirst();
  if (plan === undefined) {
    throw new NotFoundError({ zh: `规划不存在：${args.planId}`, en: `No such plan: ${args.planId}` });
  }
  const startYear =
    plan.period_start ?? (plan.baseline_year === null ? Number(asOf.slice(0, 4)) : plan.baseline_year + 1);
  const annual: CycleRule = { frequency: 'annual', ...(args.annualDue ?? DEFAULT_ANNUAL_DUE) };
  const wanted = args.periods === undefined ? undefined : new Set(args.periods);
  const cycles = await reportingCyclesOfPlan(db, args.planId);
  // Once a plan has rounds, rounds alone decide what is owed (docs/methodology.md, rounds).
  const rounds = await roundsOfPlan(db, args.planId);
  const coverage = new Map<string, ReportingRound[]>();
  for (const r of rounds) for (const i of r.items) coverage.set(i.id, [...(coverage.get(i.id) ?? []), r]);
  const indicators = await listIndicators(db, args.planId);
  const tasks = await listTasks(db, args.planId);
  const subjects = [
    ...indicators.map((i) => ({
      kind: 'indicator' as const,
      targetId: i.indicatorId,
      key: i.indicatorKey,
      name: i.name,
      seq: i.seq,
      unit: i.unit,
      scope: i.scope,
    })),
    ...tasks.map((t) => ({
      kind: 'task' as const,
      targetId: t.taskId,
      key: t.taskKey,
      name: t.measure,
      seq: null,
      unit: null,
      scope: null,
    })),
  ].map((s) => {
    const set = cycles.get(s.targetId);
    const cycle = set ?? annual;
    const openedOn = set === undefined ? {} : { openedOn: set.openedOn };
    const owed: ItemPeriod[] =
      rounds.length > 0
        ? periodsOfRounds(coverage, s.targetId, asOf)
        : periodsOwed({ startYear, endYear: plan.period_end, asOf, cycle, ...openedOn }).map((p) => ({
            ...p,
            frequency: cycle.frequency,
            round: null,
          }));
    const periods = owed.filter((p) => wanted === undefined || wanted.has(p.period));
    return { subject: s, periods };
  });

  const owedOf = (kind: OwedPeriod['kind']) =>
    subjects
      .filter((s) => s.subject.kind === kind)
      .map((s) => ({ targetId: s.subject.targetId, periods: s.periods }));
  const latest = await latestStatuses(db, (element) => groupByPeriods(owedOf(element)));
  const statuses = new Map<string, LatestRow[]>();
  for (const row of latest) {
    const k = `${row.targetId}|${row.period}`;
    const rows = statuses.get(k);
    if (rows === undefined) statuses.set(k, [row]);
    else rows.push(row);
  }

  const out: OwedPeriod[] = [];
  for (const { subject: s, periods } of subjects) {
    for (const p of periods) {
      const rows = statuses.get(`${s.targetId}|${p.period}`) ?? [];
      const state = reportStateOf(rows.map((r) => r.status));
      const daysUntilDue = daysBetween(asOf, p.dueDate);
      out.push({
        ...s,
        frequency: p.frequency,
        period: p.period,
        dueDate: p.dueDate,
        state,
        revisionNo: Math.max(0, ...rows.map((r) => r.revisionNo)),
        overdue: daysUntilDue < 0 && state !== 'submitted' && state !== 'approved',
        daysUntilDue,
        round: p.round,
      });
    }
  }
  return out;
}

import type { Kysely } from 'kysely';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { Frequency } from '../../schema/monitoring-tables.schema.js';
import type { RoundSemantics, RoundStatus } from '../../schema/reporting-round-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { newId, nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { checkDate } from '../records/reporting-periods.js';
import { frequencyOfPeriod } from './round-period.js';

/** One indicator or task a round covers. */
export type RoundItem = { kind: 'indicator' | 'task'; id: string };

/** How the office chose a round's items; kept for the record, the items are stored one by one. */
export type RoundSelection =
  { mode: 'all' } | { mode: 'list' } | { mode: 'departments'; departmentIds: string[] };

/** A stored reporting round with the items it covers. */
export type ReportingRound = {
  id: string;
  planId: string;
  name: string;
  period: string;
  frequency: Frequency;
  dueDate: string;
  reminderDays: number;
  semantics: RoundSemantics;
  selection: RoundSelection;
  status: RoundStatus;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  items: RoundItem[];
};

/** What opening a round needs; `items` are already resolved from the selection by the caller. */
export type OpenRoundInput = {
  planId: string;
  name: string;
  period: string;
  dueDate: string;
  reminderDays: number;
  semantics: RoundSemantics;
  selection: RoundSelection;
  items: readonly RoundItem[];
  actor: string;
};

type RoundRow = Database['reporting_rounds'];

function present(r: RoundRow, items: RoundItem[]): ReportingRound {
  return {
    id: r.id,
    planId: r.plan_id,
    name: r.name,
    period: r.period,
    frequency: r.frequency,
    dueDate: r.due_date,
    reminderDays: r.reminder_days,
    semantics: r.semantics,
    selection: JSON.parse(r.selection_json) as RoundSelection,
    status: r.status,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    items,
  };
}

function invalid(zh: string, en: string): InvalidInputError {
  return new InvalidInputError({ zh, en });
}

/**
 * Opens a round over the given items, audited in the same transaction. Refuses a name already used
 * in the plan (409), a period that is not `2026` / `2026H1` / `2026Q1` / `2026-03`, an invalid due date, and
 * an empty item list or items of another plan (400).
 */
export async function openRound(db: Kysely<Database>, input: OpenRoundInput): Promise<ReportingRound> {
  const name = input.name.trim();
  if (name.length === 0) throw invalid('轮次名称不能为空。', 'The round needs a name.');
  const frequency = frequencyOfPeriod(input.period);
  if (frequency === null) {
    throw invalid(
      `报告期“${input.period}”格式不正确，应为 2026、2026H1、2026Q1 或 2026-03。`,
      `Invalid period "${input.period}": use 2026, 2026H1, 2026Q1 or 2026-03.`,
    );
  }
  const dueDate = checkDate(input.dueDate);
  if (input.items.length === 0) {
    throw invalid('所选范围内没有指标或任务，请至少选择一项。', 'The selection covers no indicator or task.');
  }
  return writeTransaction(db, async (trx) => {
    const plan = await trx.selectFrom('plans').select('id').where('id', '=', input.planId).executeTakeFirst();
    if (plan === undefined) {
      throw new NotFoundError({ zh: `规划不存在：${input.planId}`, en: `No such plan: ${input.planId}` });
    }
    const taken = await trx
      .selectFrom('reporting_rounds')
      .select('id')
      .where('plan_id', '=', input.planId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw new ConflictError('duplicate', {
        zh: `已有名为“${name}”的填报轮次，请换一个名称。`,
        en: `A reporting round named "${name}" already exists; choose another name.`,
      });
    }
    await checkItemsOfPlan(trx, input.planId, input.items);
    const id = newId();
    const row: RoundRow = {
      id,
      plan_id: input.planId,
      name,
      period: input.period,
      frequency,
      due_date: dueDate,
      reminder_days: input.reminderDays,
      semantics: input.semantics,
      selection_json: JSON.stringify(input.selection),
      status: 'open',
      opened_at: nowIso(),
      opened_by: input.actor,
      closed_at: null,
      closed_by: null,
    };
    await trx.insertInto('reporting_rounds').values(row).execute();
    const unique = [...new Map(input.items.map((i) => [`${i.kind}|${i.id}`, i])).values()];
    for (let n = 0; n < unique.length; n += 200) {
      await trx
        .insertInto('reporting_round_items')
        .values(
          unique.slice(n, n + 200).map((i) => ({ round_id: id, subject_kind: i.kind, subject_id: i.id })),
        )
        .execute();
    }
    await appendAudit(trx, {
      actor: input.actor,
      action: 'reporting_round.open',
      entity: 'reporting_round',
      entityId: id,
      planId: input.planId,
      detail: { name, period: input.period, dueDate, reminderDays: input.reminderDays, items: unique.length },
    });
    return present(row, unique);
  });
}

async function checkItemsOfPlan(
  trx: Kysely<Database>,
  planId: string,
  items: readonly RoundItem[],
): Promise<void> {
  const indicatorIds = [...new Set(items.filter((i) => i.kind === 'indicator').map((i) => i.id))];
  const taskIds = [...new Set(items.filter((i) => i.kind === 'task').map((i) => i.id))];
  const found =
    (indicatorIds.length === 0
      ? 0
      : (
          await trx
            .selectFrom('indicators')
            .select('id')
            .where('plan_id', '=', planId)
            .where('id', 'in', indicatorIds)
            .execute()
        ).length) +
    (taskIds.length === 0
      ? 0
      : (
          await trx
            .selectFrom('tasks')
            .select('id')
            .where('plan_id', '=', planId)
            .where('id', 'in', taskIds)
            .execute()
        ).length);
  if (found !== indicatorIds.length + taskIds.length) {
    throw invalid('所选指标或任务不属于该规划。', 'Some chosen indicators or tasks are not in this plan.');
  }
}

/** Closes an open round, audited; 409 when it is already closed, 404 when there is no such round. */
export async function closeRound(
  db: Kysely<Database>,
  args: { roundId: string; actor: string },
): Promise<ReportingRound> {
  return writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('reporting_rounds')
      .selectAll()
      .where('id', '=', args.roundId)
      .executeTakeFirst();
    if (row === undefined) throw roundNotFound(args.roundId);
    if (row.status === 'closed') {
      throw new ConflictError('invalid-transition', {
        zh: `填报轮次“${row.name}”已于 ${row.closed_at?.slice(0, 10) ?? ''} 关闭。`,
        en: `The reporting round "${row.name}" is already closed.`,
      });
    }
    const closed: RoundRow = { ...row, status: 'closed', closed_at: nowIso(), closed_by: args.actor };
    await trx
      .updateTable('reporting_rounds')
      .set({ status: 'closed', closed_at: closed.closed_at, closed_by: args.actor })
      .where('id', '=', args.roundId)
      .where('status', '=', 'open')
      .execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: 'reporting_round.close',
      entity: 'reporting_round',
      entityId: row.id,
      planId: row.plan_id,
      detail: { name: row.name, period: row.period },
    });
    return present(closed, await itemsOf(trx, [row.id]).then((m) => m.get(row.id) ?? []));
  });
}

function roundNotFound(id: string): NotFoundError {
  return new NotFoundError({ zh: `填报轮次不存在：${id}`, en: `No such reporting round: ${id}` });
}

async function itemsOf(db: Kysely<Database>, roundIds: readonly string[]): Promise<Map<string, RoundItem[]>> {
  const out = new Map<string, RoundItem[]>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('reporting_round_items')
    .selectAll()
    .where('round_id', 'in', [...roundIds])
    .execute();
  for (const r of rows) {
    const list = out.get(r.round_id) ?? [];
    list.push({ kind: r.subject_kind, id: r.subject_id });
    out.set(r.round_id, list);
  }
  return out;
}

/** Every round of a plan with its items, newest opened first. */
export async function roundsOfPlan(db: Kysely<Database>, planId: string): Promise<ReportingRound[]> {
  const rows = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const items = await itemsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, items.get(r.id) ?? []));
}

/** One round with its items; 404 when there is none. */
export async function roundById(db: Kysely<Database>, roundId: string): Promise<ReportingRound> {
  const row = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (row === undefined) throw roundNotFound(roundId);
  return present(row, (await itemsOf(db, [row.id])).get(row.id) ?? []);
}

/** A closed round covering an item, for marking figures that came in after it closed. */
export type ClosedRoundCover = { subjectId: string; period: string; name: string; closedAt: string };

/** The closed rounds covering any of the given indicators or tasks (by id), one row per item and round. */
export async function closedRoundsCovering(
  db: Kysely<Database>,
  subjectIds: readonly string[],
): Promise<ClosedRoundCover[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom('reporting_round_items as i')
    .innerJoin('reporting_rounds as r', 'r.id', 'i.round_id')
    .select(['i.subject_id as subjectId', 'r.period', 'r.name', 'r.closed_at as closedAt'])
    .where('i.subject_id', 'in', [...new Set(subjectIds)])
    .where('r.status', '=', 'closed')
    .execute();
  return rows.flatMap((r) => (r.closedAt === null ? [] : [{ ...r, closedAt: r.closedAt }]));
}

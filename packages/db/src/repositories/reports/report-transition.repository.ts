import type { Kysely } from 'kysely';
import { ConflictError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';
import type { ReportStatusValue } from '../../schema/report-tables.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { nowIso } from '../../support/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { type ReportRow, requireReport } from './report.repository.js';

/** A change of review state: the action, the states it may start from, and the state it leads to. */
export type ReportTransition = {
  reportId: string;
  action: 'submitted' | 'approved' | 'returned' | 'published';
  from: readonly ReportStatusValue[];
  to: ReportStatusValue;
  actor: string;
  note?: string | null;
};

const STATUS_ZH: Record<ReportStatusValue, string> = {
  draft: '草稿',
  in_review: '待审核',
  approved: '已审核通过',
  published: '已发布',
};

/**
 * Moves a report to its next state, audited. The UPDATE is guarded by the starting state, so two
 * leaders approving at once cannot both succeed; a report in another state is a conflict.
 */
export async function transitionReport(db: Kysely<Database>, t: ReportTransition): Promise<ReportRow> {
  const at = nowIso();
  const stamp =
    t.action === 'returned'
      ? { return_note: t.note ?? null, submitted_at: null, submitted_by: null }
      : t.action === 'submitted'
        ? { submitted_at: at, submitted_by: t.actor, return_note: null }
        : t.action === 'approved'
          ? { approved_at: at, approved_by: t.actor }
          : { published_at: at, published_by: t.actor };
  await writeTransaction(db, async (trx) => {
    const current = await requireReport(trx, t.reportId);
    const res = await trx
      .updateTable('reports')
      .set({ status: t.to, ...stamp })
      .where('id', '=', t.reportId)
      .where('status', 'in', [...t.from])
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      throw new ConflictError('invalid-transition', {
        zh: `报告当前状态为“${STATUS_ZH[current.status]}”，不能执行此操作。`,
        en: `The report is ${current.status.replace('_', ' ')}; this action does not apply.`,
      });
    }
    await appendAudit(trx, {
      actor: t.actor,
      action: `report.${t.action}`,
      entity: 'report',
      entityId: t.reportId,
      planId: current.planId,
      detail: { from: current.status, to: t.to, ...(t.note === undefined ? {} : { note: t.note }) },
    });
  });
  return requireReport(db, t.reportId);
}

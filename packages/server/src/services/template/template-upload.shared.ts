import type { ReviewStatus } from '@plantrack/db';
import type { Messages } from '../../errors.js';

/** What happened to one row of an upload. */
export type UploadOutcome = 'saved' | 'submitted' | 'unchanged' | 'replayed';

/** How an upload is saved, and what makes its rows' idempotency keys. */
export type UploadOptions = { sha256: string; mode: 'draft' | 'submit'; submit: boolean; actor: string };

/** A row's result as the API reports it, beside the sheet's own id fields. */
export type RowOutcome = { row: number; outcome: UploadOutcome; revisionNo: number; status: ReviewStatus };

/**
 * What to do with a checked row given its record's latest revision: leave it (`unchanged`: the
 * same values, and nothing to submit), refuse it (`locked`: under review or approved — a change
 * goes through the review flow's correction), or append a revision (`write`).
 */
export function rowAction(
  latest: { status: ReviewStatus } | undefined,
  unchanged: boolean,
  submit: boolean,
): 'unchanged' | 'locked' | 'write' {
  const status = latest?.status;
  const submittable = status === 'draft' || status === 'returned';
  if (unchanged && !(submit && submittable)) return 'unchanged';
  if (status === 'approved' || status === 'submitted') return 'locked';
  return 'write';
}

/** Why a locked record's row was refused. */
export function lockedMessages(status: ReviewStatus | undefined): Messages {
  return status === 'approved'
    ? {
        zh: '该数据已审核通过并锁定；如需修改，请提交更正并说明原因。',
        en: 'This value is approved and locked; submit a correction with a reason to change it.',
      }
    : { zh: '该数据正在审核中，暂不能修改。', en: 'This value is under review and cannot be edited now.' };
}

/** The message of a period cell that is not `2026`, `2026H1`, `2026Q1` or `2026-03`. */
export function periodMessages(period: string): Messages {
  return {
    zh: `期间“${period}”格式不正确，应为 2026、2026H1、2026Q1 或 2026-03。`,
    en: `Invalid period "${period}": use 2026, 2026H1, 2026Q1 or 2026-03.`,
  };
}

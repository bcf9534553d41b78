import type { BilingualMessage } from '@plantrack/core';
import { ConflictError, InvalidInputError } from '../../errors.js';
import type { ReviewAction, ReviewStatus } from '../../schema/monitoring-tables.schema.js';

/** What a review action needs besides the current status. */
export type TransitionInput = {
  current: ReviewStatus | null;
  action: ReviewAction;
  hasValues: boolean;
  reason: string | null;
  currentRevision: number;
};

const STATUS_ZH: Record<ReviewStatus, string> = {
  draft: '草稿',
  submitted: '已提交待审核',
  approved: '已审核通过',
  returned: '已退回',
};

/**
 * The status the new revision gets, or the error refusing the action. The review flow is
 * draft → submitted → approved or returned (with a reason); returned items are edited and
 * resubmitted; approval locks the value, and the only way past it is a correction with a reason,
 * which goes back to review while the approved revision stays in force. Pure.
 */
export function nextReviewStatus(input: TransitionInput): ReviewStatus {
  const { current, action, currentRevision } = input;
  const refuse = (messages: BilingualMessage): never => {
    throw new ConflictError('invalid-transition', messages, currentRevision);
  };
  const needReason = (): void => {
    if (input.reason === null || input.reason.trim() === '') {
      throw new InvalidInputError({
        zh: '退回或更正必须填写原因。',
        en: 'Returning or correcting requires a reason.',
      });
    }
  };
  switch (action) {
    case 'save_draft':
      if (current === 'approved') throw lockedError(currentRevision);
      if (current === 'submitted') throw underReviewError(currentRevision);
      if (!input.hasValues) throw missingValues();
      return 'draft';
    case 'submit':
      if (current === 'approved') throw lockedError(currentRevision);
      if (current === 'submitted') {
        return refuse({ zh: '已提交，正在等待审核。', en: 'Already submitted and awaiting review.' });
      }
      if (current === null && !input.hasValues) throw missingValues();
      return 'submitted';
    case 'approve':
      if (current !== 'submitted') return refuse(onlySubmitted('审核通过', 'approved', current));
      return 'approved';
    case 'return':
      if (current !== 'submitted') return refuse(onlySubmitted('退回', 'returned', current));
      needReason();
      return 'returned';
    case 'correct':
      if (current !== 'approved') {
        return refuse({
          zh: `只有已审核通过的数据才需要更正；当前状态为“${current === null ? '无' : STATUS_ZH[current]}”，请直接修改。`,
          en: `Only approved data is corrected; the current status is ${current ?? 'none'}, edit it instead.`,
        });
      }
      needReason();
      if (!input.hasValues) throw missingValues();
      return 'submitted';
  }
}

function onlySubmitted(actionZh: string, actionEn: string, current: ReviewStatus | null): BilingualMessage {
  return {
    zh: `只有已提交的数据才能${actionZh}；当前状态为“${current === null ? '无' : STATUS_ZH[current]}”。`,
    en: `Only submitted data can be ${actionEn}; the current status is ${current ?? 'none'}.`,
  };
}

function lockedError(currentRevision: number): ConflictError {
  return new ConflictError(
    'locked',
    {
      zh: '该数据已审核通过并锁定；如需修改，请提交更正并说明原因。',
      en: 'This value is approved and locked; submit a correction with a reason to change it.',
    },
    currentRevision,
  );
}

function underReviewError(currentRevision: number): ConflictError {
  return new ConflictError(
    'under-review',
    { zh: '该数据正在审核中，暂不能修改。', en: 'This value is under review and cannot be edited now.' },
    currentRevision,
  );
}

function missingValues(): InvalidInputError {
  return new InvalidInputError({ zh: '缺少填报内容。', en: 'The values to record are missing.' });
}

/** The conflict raised when the caller's `expectedRevision` is not the latest. */
export function staleRevisionError(expected: number, current: number): ConflictError {
  return new ConflictError(
    'stale-revision',
    {
      zh: `数据已被他人修改（当前为第 ${current} 版，您基于第 ${expected} 版），请刷新后重试。`,
      en: `The record changed meanwhile (it is at revision ${current}, you edited revision ${expected}); reload and try again.`,
    },
    current,
  );
}

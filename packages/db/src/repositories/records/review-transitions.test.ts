import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../errors.js';
import type { ReviewAction, ReviewStatus } from '../../schema/monitoring-tables.schema.js';
import { nextReviewStatus, staleRevisionError } from './review-transitions.js';

const STATUSES: (ReviewStatus | null)[] = [null, 'draft', 'submitted', 'approved', 'returned'];
const ACTIONS: ReviewAction[] = ['save_draft', 'submit', 'approve', 'return', 'correct'];

function outcome(current: ReviewStatus | null, action: ReviewAction): string {
  try {
    return nextReviewStatus({ current, action, hasValues: true, reason: '原因', currentRevision: 3 });
  } catch (error) {
    return error instanceof ConflictError ? `conflict:${error.code}` : 'invalid';
  }
}

describe('nextReviewStatus', () => {
  it('follows the review flow table', () => {
    const table = Object.fromEntries(
      STATUSES.map((s) => [String(s), Object.fromEntries(ACTIONS.map((a) => [a, outcome(s, a)]))]),
    );
    expect(table).toEqual({
      null: {
        save_draft: 'draft',
        submit: 'submitted',
        approve: 'conflict:invalid-transition',
        return: 'conflict:invalid-transition',
        correct: 'conflict:invalid-transition',
      },
      draft: {
        save_draft: 'draft',
        submit: 'submitted',
        approve: 'conflict:invalid-transition',
        return: 'conflict:invalid-transition',
        correct: 'conflict:invalid-transition',
      },
      submitted: {
        save_draft: 'conflict:under-review',
        submit: 'conflict:invalid-transition',
        approve: 'approved',
        return: 'returned',
        correct: 'conflict:invalid-transition',
      },
      approved: {
        save_draft: 'conflict:locked',
        submit: 'conflict:locked',
        approve: 'conflict:invalid-transition',
        return: 'conflict:invalid-transition',
        correct: 'submitted',
      },
      returned: {
        save_draft: 'draft',
        submit: 'submitted',
        approve: 'conflict:invalid-transition',
        return: 'conflict:invalid-transition',
        correct: 'conflict:invalid-transition',
      },
    });
  });

  it('requires a reason to return or correct, and values to correct', () => {
    const base = { hasValues: true, currentRevision: 1 };
    expect(() => nextReviewStatus({ ...base, current: 'submitted', action: 'return', reason: null })).toThrow(
      InvalidInputError,
    );
    expect(() => nextReviewStatus({ ...base, current: 'approved', action: 'correct', reason: '' })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      nextReviewStatus({
        current: 'approved',
        action: 'correct',
        reason: '更正',
        hasValues: false,
        currentRevision: 1,
      }),
    ).toThrow(InvalidInputError);
  });

  it('says in both languages what a stale revision means', () => {
    const error = staleRevisionError(2, 4);
    expect(error.messages.zh).toContain('第 4 版');
    expect(error.messages.en).toContain('revision 4');
    expect(error.currentRevision).toBe(4);
  });
});

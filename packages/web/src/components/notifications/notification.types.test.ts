import { describe, expect, it } from 'vitest';
import type { Notification as AppNotification } from '@plantrack/api';
import { targetOf } from './notification.types';

const base: AppNotification = {
  id: 'n1',
  kind: 'due-soon',
  subjectKind: 'indicator',
  subjectKey: 'ind-1',
  period: '2026',
  planId: 'p1',
  dueDate: '2027-03-31',
  title: { zh: '', en: '' },
  body: { zh: '', en: '' },
  createdAt: '2027-03-20T00:00:00.000Z',
  readAt: null,
};

describe('targetOf', () => {
  it('leads a reminder to the form of its item and period', () => {
    expect(targetOf(base)).toBe('/my?kind=indicator&id=ind-1&period=2026');
    expect(targetOf({ ...base, subjectKind: 'task', subjectKey: 't-9', period: '2026Q2' })).toBe(
      '/my?kind=task&id=t-9&period=2026Q2',
    );
  });

  it('reads item and period from the key of a returned record (the scope may contain |)', () => {
    const returned = { ...base, kind: 'returned' as const, period: null };
    expect(targetOf({ ...returned, subjectKind: 'observation', subjectKey: 'ind-1|2026|全区|口径' })).toBe(
      '/my?kind=indicator&id=ind-1&period=2026',
    );
    expect(targetOf({ ...returned, subjectKind: 'progress_report', subjectKey: 't-9|2026-03' })).toBe(
      '/my?kind=task&id=t-9&period=2026-03',
    );
  });

  it('leads a major project’s reminder to the project’s page', () => {
    expect(targetOf({ ...base, subjectKind: 'project', subjectKey: 'prj-7', period: null })).toBe(
      '/projects/prj-7',
    );
  });

  it('leads nowhere without a period', () => {
    expect(targetOf({ ...base, period: null })).toBeNull();
  });

  it('leads a notice of new submissions to the review queue filtered to them', () => {
    const submitted = { ...base, kind: 'submitted' as const, dueDate: null };
    expect(targetOf({ ...submitted, subjectKind: 'department', subjectKey: 'd-1' })).toBe(
      '/review?department=d-1&period=2026',
    );
    expect(targetOf({ ...submitted, subjectKind: 'department', subjectKey: 'd-1', period: null })).toBe(
      '/review?department=d-1',
    );
    expect(targetOf({ ...submitted, subjectKind: 'observation', subjectKey: 'ind-1|2026|' })).toBe(
      '/review?kind=observation&period=2026',
    );
  });
});

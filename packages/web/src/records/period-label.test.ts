import { describe, expect, it } from 'vitest';
import { periodLabel } from './period-label';
import { periodLabelMessages } from './period-label.messages';

describe('periodLabel', () => {
  it('reads half-years as 上半年/下半年 and H1/H2', () => {
    expect(periodLabel(periodLabelMessages.zh, '2026H1')).toBe('2026年上半年');
    expect(periodLabel(periodLabelMessages.zh, '2026H2')).toBe('2026年下半年');
    expect(periodLabel(periodLabelMessages.en, '2026H1')).toBe('2026 H1 (first half)');
    expect(periodLabel(periodLabelMessages.en, '2026H2')).toBe('2026 H2 (second half)');
  });

  it('reads years, quarters and months, and leaves anything else as stored', () => {
    expect(periodLabel(periodLabelMessages.zh, '2026')).toBe('2026年');
    expect(periodLabel(periodLabelMessages.zh, '2026Q3')).toBe('2026年第3季度');
    expect(periodLabel(periodLabelMessages.zh, '2026-03')).toBe('2026年3月');
    expect(periodLabel(periodLabelMessages.en, '2026-03')).toBe('2026-03');
    expect(periodLabel(periodLabelMessages.en, '2026H3')).toBe('2026H3');
  });
});

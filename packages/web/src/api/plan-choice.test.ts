import { describe, expect, it } from 'vitest';
import { choosePlanId } from './plan-choice';

describe('choosePlanId', () => {
  const plans = [{ id: 'city' }, { id: 'district' }];

  it('keeps the plan picked last while it exists', () => {
    expect(choosePlanId(plans, 'district')).toBe('district');
  });

  it('falls back to the first plan, or none', () => {
    expect(choosePlanId(plans, null)).toBe('city');
    expect(choosePlanId(plans, 'deleted')).toBe('city');
    expect(choosePlanId([], 'city')).toBeNull();
  });
});

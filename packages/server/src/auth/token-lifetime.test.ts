import { describe, expect, it } from 'vitest';
import { tokenMaxDaysFromEnv } from './token-lifetime.js';

describe('PLANTRACK_TOKEN_MAX_DAYS', () => {
  it('reads whole days and refuses anything else with a zh/en message', () => {
    expect(tokenMaxDaysFromEnv(undefined)).toBeUndefined();
    expect(tokenMaxDaysFromEnv('')).toBeUndefined();
    expect(tokenMaxDaysFromEnv('30')).toBe(30);
    for (const bad of ['0', '-1', '1.5', 'ninety', '3651']) {
      expect(() => tokenMaxDaysFromEnv(bad)).toThrow(/须为.*must be/);
    }
  });
});

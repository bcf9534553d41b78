import { describe, expect, it } from 'vitest';
import { chinaDateOf, chinaDayEndUtc } from './china-day.js';

describe('China calendar days', () => {
  it('ends a Beijing day at 15:59:59.999 UTC', () => {
    expect(chinaDayEndUtc('2027-03-02')).toBe('2027-03-02T15:59:59.999Z');
  });

  it('counts 23:30 Beijing time on 03-02 in 03-02 and 00:30 on 03-03 not', () => {
    const cutoff = chinaDayEndUtc('2027-03-02');
    const lateEvening = new Date('2027-03-02T23:30:00+08:00').toISOString();
    const afterMidnight = new Date('2027-03-03T00:30:00+08:00').toISOString();
    expect(lateEvening <= cutoff).toBe(true);
    expect(afterMidnight <= cutoff).toBe(false);
  });

  it('crosses month and year ends (leap day included)', () => {
    expect(chinaDayEndUtc('2028-02-29')).toBe('2028-02-29T15:59:59.999Z');
    expect(chinaDayEndUtc('2026-12-31')).toBe('2026-12-31T15:59:59.999Z');
  });

  it('rejects what is not a date', () => {
    expect(() => chinaDayEndUtc('2027-3-2')).toThrow(RangeError);
    expect(() => chinaDayEndUtc('2027-13-01')).toThrow(RangeError);
    expect(() => chinaDayEndUtc('2027-02-30')).toThrow(RangeError);
  });

  it('gives the Beijing date of an instant', () => {
    expect(chinaDateOf(new Date('2027-03-02T15:30:00Z'))).toBe('2027-03-02');
    expect(chinaDateOf(new Date('2027-03-02T16:00:00Z'))).toBe('2027-03-03');
    expect(chinaDateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

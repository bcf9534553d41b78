import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('makes UUID v7 strings that sort in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_767_225_600_000));
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The random tails differ too (48 bits each, drawn from the pool across many refills).
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Time goes first: an id made later sorts after, even if the clock went back.
    expect(newId(1_767_225_500_000) > (ids.at(-1) ?? '')).toBe(true);
  });
});

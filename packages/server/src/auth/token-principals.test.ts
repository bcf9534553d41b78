import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { TokenPrincipals } from './token-principals.js';

const reporter: Principal = {
  userId: 'u1',
  roles: ['department_reporter'],
  departmentIds: ['d1'],
  via: 'token',
};

describe('TokenPrincipals', () => {
  it('remembers a token for ttlMs, never beyond the token expiry', () => {
    const cache = new TokenPrincipals(5_000);
    cache.remember('a', reporter, null, 0);
    expect(cache.get('a', 4_999)).toBe(reporter);
    expect(cache.get('a', 5_000)).toBeUndefined();
    cache.remember('b', reporter, new Date(1_000).toISOString(), 0);
    expect(cache.get('b', 999)).toBe(reporter);
    expect(cache.get('b', 1_000)).toBeUndefined();
  });

  it('forgets everything after a change of users, and remembers nothing with ttlMs 0', () => {
    const cache = new TokenPrincipals(5_000);
    cache.remember('a', reporter, null, 0);
    cache.forgetAll();
    expect(cache.get('a', 1)).toBeUndefined();
    const off = new TokenPrincipals(0);
    off.remember('a', reporter, null, 0);
    expect(off.get('a', 0)).toBeUndefined();
  });
});

describe('TokenPrincipals.forgetToken / forgetUser', () => {
  it('forgets only the revoked token, or only the changed user', () => {
    const cache = new TokenPrincipals(5_000);
    const t1: Principal = { ...reporter, token: { id: 't1', readOnly: false } };
    const t2: Principal = { ...reporter, token: { id: 't2', readOnly: true } };
    const other: Principal = { ...reporter, userId: 'u2', token: { id: 't3', readOnly: false } };
    cache.remember('a', t1, null, 0);
    cache.remember('b', t2, null, 0);
    cache.remember('c', other, null, 0);
    cache.forgetToken('t1');
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBe(t2);
    cache.forgetUser('u1');
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBe(other);
  });
});

describe('TokenPrincipals.remember after a forget', () => {
  it('does not remember a lookup that started before a revocation', () => {
    const cache = new TokenPrincipals(5_000);
    const generation = cache.generation();
    cache.forgetToken('t1'); // A revocation commits while the lookup is in flight.
    cache.remember('a', reporter, null, 0, generation);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.remember('a', reporter, null, 0, cache.generation());
    expect(cache.get('a', 1)).toBe(reporter);
  });
});
